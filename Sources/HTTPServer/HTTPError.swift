import OrderedJSON

/// An error a handler throws to answer with a status and a message; becomes
/// `{"error": {"code": "not_found", "status": 404, "message": "…"}}`.
///
///     throw HTTPError(.notFound, "no procedure with this id")
///     throw HTTPError(.tooManyRequests, "slow down", headers: [("Retry-After", "12")])
///
/// Messages are shown to API clients as they are: they must not echo personal data.
public struct HTTPError: Error, Sendable, CustomStringConvertible {
    public var status: HTTPStatus
    public var message: String
    /// Extra header fields (`Allow` for 405, `Retry-After` for 429, `WWW-Authenticate` for 401).
    public var headers: [(name: String, value: String)]

    public init(_ status: HTTPStatus, _ message: String, headers: [(name: String, value: String)] = []) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    /// The JSON error response.
    public var response: Response {
        var response = Response.json(.object([
            ("error", .object([("code", .string(status.code)), ("status", .int(status.rawValue)), ("message", .string(message))])),
        ]), status: status)
        response.headers += headers
        return response
    }

    public var description: String { "\(status): \(message)" }
}
