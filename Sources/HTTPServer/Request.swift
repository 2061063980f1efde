import OrderedJSON

/// One HTTP request as the router and handlers see it: decoded, bounded, immutable.
///
/// The server builds it after the whole body has arrived (at most `Server.Configuration.maxBodyBytes`);
/// the router fills `parameters` from the matched route pattern.
///
///     let request = Request(method: "GET", path: "/api/procedures/khai-sinh")
///     request.query["q"]            // nil
///     request.header("accept")      // nil
public struct Request: Sendable {
    /// The method in upper case (`GET`, `POST`, …).
    public var method: String
    /// The percent-decoded path, without the query string.
    public var path: String
    /// Query arguments, percent-decoded; the last value wins for a repeated name.
    public var query: [String: String]
    /// Header fields in arrival order with lower-cased names.
    public var headers: [(name: String, value: String)]
    /// The raw body bytes.
    public var body: [UInt8]
    /// The peer's numeric address (the proxy's, behind a reverse proxy).
    public var remoteAddress: String
    /// Path parameters captured by the route pattern (`{id}` → `parameters["id"]`).
    public var parameters: [String: String] = [:]

    public init(method: String, path: String, query: [String: String] = [:], headers: [(name: String, value: String)] = [],
                body: [UInt8] = [], remoteAddress: String = "127.0.0.1") {
        self.method = method.uppercased()
        self.path = path
        self.query = query
        self.headers = headers.map { (name: $0.name.lowercased(), value: $0.value) }
        self.body = body
        self.remoteAddress = remoteAddress
    }

    /// The first value of a header (name matched case-insensitively).
    public func header(_ name: String) -> String? {
        let name = name.lowercased()
        return headers.first { $0.name == name }?.value
    }

    /// The token of an `Authorization: Bearer …` header.
    public var bearerToken: String? {
        guard let value = header("authorization") else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmed(" \t")
        return token.isEmpty ? nil : token
    }

    /// The body as text.
    /// - Throws: `HTTPError` 400 when the bytes are not valid UTF-8.
    public func bodyText() throws(HTTPError) -> String {
        guard let text = String(validating: body, as: UTF8.self) else {
            throw HTTPError(.badRequest, "the request body is not valid UTF-8")
        }
        return text
    }

    /// The body parsed as JSON.
    /// - Throws: `HTTPError` 400 for an empty body, invalid UTF-8 or malformed JSON (with the byte offset).
    public func jsonBody() throws(HTTPError) -> JSON {
        guard !body.isEmpty else { throw HTTPError(.badRequest, "the request body is empty; send a JSON object") }
        do {
            return try JSONParser.parse(body)
        } catch {
            throw HTTPError(.badRequest, error.description)
        }
    }

    /// The body parsed as `application/x-www-form-urlencoded`.
    /// - Throws: `HTTPError` 400 for invalid UTF-8 or percent escapes.
    public func formBody() throws(HTTPError) -> [String: String] {
        guard let form = FormDecoder.decode(body) else {
            throw HTTPError(.badRequest, "the form body is not valid UTF-8 or has a broken percent escape")
        }
        return form
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters of `set` (no Foundation needed).
    func trimmed(_ set: String = " \t\r\n") -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return String(text)
    }
}
