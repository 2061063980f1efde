/// Anything that turns a request into a response: a route handler, a router, a middleware chain.
///
/// Called on libmicrohttpd's pool threads, so implementations must be thread-safe; a thrown
/// `HTTPError` becomes its JSON response, any other error a 500 that does not reveal it.
public protocol Responder: Sendable {
    func respond(to request: Request) throws -> Response
}

/// A responder made of a closure.
///
///     let hello = ClosureResponder { _ in .text("xin chào") }
public struct ClosureResponder: Responder {
    let body: @Sendable (Request) throws -> Response

    public init(_ body: @escaping @Sendable (Request) throws -> Response) { self.body = body }

    public func respond(to request: Request) throws -> Response { try body(request) }
}

extension Responder {
    /// The response, with errors turned into JSON error responses (never throws).
    public func response(to request: Request) -> Response {
        do {
            return try respond(to: request)
        } catch let error as HTTPError {
            return error.response
        } catch {
            return HTTPError(.internalServerError, "internal error").response
        }
    }
}
