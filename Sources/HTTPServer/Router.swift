/// Dispatches requests by method and path pattern; answers 404 for an unknown path and 405
/// (with `Allow`) for a known path with another method.
///
/// Patterns are literal segments, `{name}` parameters (a whole segment, or a prefix before a
/// literal suffix as in `{id}.json`) and a final `{name...}` that takes the rest of the path.
/// `HEAD` is served by the `GET` route and `OPTIONS` answers 204 with `Allow`.
///
///     var router = Router()
///     router.get("/api/procedures/{id}") { request in .json(.string(request.parameters["id"]!)) }
///     router.post("/api/chat", ChatResponder())
///     router.response(to: Request(method: "GET", path: "/api/procedures/khai-sinh")).status  // 200
///
/// - Complexity: O(routes × segments) per request; routes are tried in the order added.
public struct Router: Responder {
    /// One registered route.
    public struct Route: Sendable {
        public let method: String
        public let pattern: RoutePattern
        public let responder: any Responder
    }

    /// What the router decided for a request.
    public enum Resolution: Sendable {
        /// A route matched; `request` carries the path parameters.
        case matched(Route, Request)
        /// The path is known for these methods only.
        case methodNotAllowed(allowed: [String])
        case notFound
    }

    public private(set) var routes: [Route] = []

    public init() {}

    /// Adds a route; a later route with the same method and pattern never matches.
    public mutating func add(_ method: String, _ pattern: String, _ responder: some Responder) {
        routes.append(Route(method: method.uppercased(), pattern: RoutePattern(pattern), responder: responder))
    }

    public mutating func get(_ pattern: String, _ responder: some Responder) { add("GET", pattern, responder) }
    public mutating func post(_ pattern: String, _ responder: some Responder) { add("POST", pattern, responder) }

    public mutating func get(_ pattern: String, _ handler: @escaping @Sendable (Request) throws -> Response) {
        add("GET", pattern, ClosureResponder(handler))
    }

    public mutating func post(_ pattern: String, _ handler: @escaping @Sendable (Request) throws -> Response) {
        add("POST", pattern, ClosureResponder(handler))
    }

    /// Finds the route for a request without calling it.
    public func resolve(_ request: Request) -> Resolution {
        let segments = RoutePattern.split(request.path)
        var allowed: [String] = []
        let method = request.method == "HEAD" ? "GET" : request.method
        for route in routes {
            guard let parameters = route.pattern.match(segments) else { continue }
            if route.method == method {
                var request = request
                request.parameters = parameters
                return .matched(route, request)
            }
            if !allowed.contains(route.method) { allowed.append(route.method) }
        }
        if allowed.isEmpty { return .notFound }
        if allowed.contains("GET"), !allowed.contains("HEAD") { allowed.append("HEAD") }
        return .methodNotAllowed(allowed: allowed + ["OPTIONS"])
    }

    public func respond(to request: Request) throws -> Response {
        switch resolve(request) {
        case let .matched(route, request):
            return try route.responder.respond(to: request)
        case let .methodNotAllowed(allowed):
            if request.method == "OPTIONS" {
                return Response(status: .noContent, headers: [("Allow", allowed.joined(separator: ", "))])
            }
            throw HTTPError(.methodNotAllowed, "\(request.method) is not allowed here; use \(allowed.dropLast().joined(separator: " or "))",
                            headers: [("Allow", allowed.joined(separator: ", "))])
        case .notFound:
            throw HTTPError(.notFound, "no such resource")
        }
    }
}

/// A parsed route pattern such as `/open311/v2/requests/{id}.json`.
public struct RoutePattern: Sendable, Hashable, CustomStringConvertible {
    enum Segment: Sendable, Hashable {
        case literal(String)
        /// `{name}` or `{name}suffix`.
        case parameter(String, suffix: String)
        /// `{name...}`: the rest of the path (at least one segment), joined with `/`.
        case rest(String)
    }

    /// The pattern as written; the route label in metrics and logs.
    public let description: String
    let segments: [Segment]

    public init(_ pattern: String) {
        description = pattern
        segments = Self.split(pattern).map { segment in
            guard segment.hasPrefix("{"), let close = segment.firstIndex(of: "}") else { return .literal(String(segment)) }
            let name = String(segment[segment.index(after: segment.startIndex)..<close])
            let suffix = String(segment[segment.index(after: close)...])
            if name.hasSuffix("...") { return .rest(String(name.dropLast(3))) }
            return .parameter(name, suffix: suffix)
        }
    }

    /// The path parameters when `path` matches, else nil.
    public func match(_ path: String) -> [String: String]? { match(Self.split(path)) }

    func match(_ path: [Substring]) -> [String: String]? {
        var parameters: [String: String] = [:]
        var index = 0
        for segment in segments {
            switch segment {
            case let .literal(text):
                guard index < path.count, path[index] == text else { return nil }
            case let .parameter(name, suffix):
                guard index < path.count else { return nil }
                let value = path[index]
                guard value.hasSuffix(suffix), value.count > suffix.count else { return nil }
                parameters[name] = String(value.dropLast(suffix.count))
            case let .rest(name):
                guard index < path.count else { return nil }
                parameters[name] = path[index...].joined(separator: "/")
                return parameters
            }
            index += 1
        }
        return index == path.count ? parameters : nil
    }

    /// Path segments; `/` is the empty list, and a trailing slash is its own empty segment so
    /// `/api/chat/` does not match `/api/chat`.
    static func split(_ path: some StringProtocol) -> [Substring] {
        let trimmed = path.hasPrefix("/") ? Substring(path).dropFirst() : Substring(path)
        if trimmed.isEmpty { return [] }
        return trimmed.split(separator: "/", omittingEmptySubsequences: false)
    }
}
