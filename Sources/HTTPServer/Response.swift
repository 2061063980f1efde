import OrderedJSON

/// An HTTP response as a value: status, header fields and body bytes.
///
/// Handlers build one with the helpers and the server copies it onto the wire; `Content-Length`
/// and `Date` are added by libmicrohttpd.
///
///     Response.json(.object([("status", "ok")]))
///     Response.text("not here", status: .notFound)
public struct Response: Sendable {
    public var status: HTTPStatus
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: HTTPStatus = .ok, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON body serialized with OrderedJSON (stable key order), `application/json; charset=utf-8`.
    public static func json(_ value: JSON, status: HTTPStatus = .ok) -> Response {
        Response(status: status, headers: [("Content-Type", "application/json; charset=utf-8")], body: value.serializedUTF8(terminator: UInt8(ascii: "\n")))
    }

    /// An already serialized JSON text.
    public static func jsonText(_ text: String, status: HTTPStatus = .ok) -> Response {
        Response(status: status, headers: [("Content-Type", "application/json; charset=utf-8")], body: Array(text.utf8))
    }

    public static func text(_ text: String, status: HTTPStatus = .ok, contentType: String = "text/plain; charset=utf-8") -> Response {
        Response(status: status, headers: [("Content-Type", contentType)], body: Array(text.utf8))
    }

    public static func html(_ text: String, status: HTTPStatus = .ok) -> Response {
        self.text(text, status: status, contentType: "text/html; charset=utf-8")
    }

    /// The first value of a header (case-insensitive name).
    public func header(_ name: String) -> String? {
        let name = name.lowercased()
        return headers.first { $0.name.lowercased() == name }?.value
    }

    /// Sets a header, replacing any with the same name.
    public mutating func setHeader(_ name: String, _ value: String) {
        let lower = name.lowercased()
        headers.removeAll { $0.name.lowercased() == lower }
        headers.append((name, value))
    }

    /// The body as text (for tests and logs).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// An HTTP status code with its reason phrase.
public struct HTTPStatus: Sendable, Hashable, RawRepresentable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    public var rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public init(_ code: Int) { rawValue = code }
    public init(integerLiteral value: Int) { rawValue = value }

    public static let ok: HTTPStatus = 200
    public static let created: HTTPStatus = 201
    public static let noContent: HTTPStatus = 204
    public static let notModified: HTTPStatus = 304
    public static let badRequest: HTTPStatus = 400
    public static let unauthorized: HTTPStatus = 401
    public static let forbidden: HTTPStatus = 403
    public static let notFound: HTTPStatus = 404
    public static let methodNotAllowed: HTTPStatus = 405
    public static let notAcceptable: HTTPStatus = 406
    public static let conflict: HTTPStatus = 409
    public static let contentTooLarge: HTTPStatus = 413
    public static let unsupportedMediaType: HTTPStatus = 415
    public static let unprocessableContent: HTTPStatus = 422
    public static let tooManyRequests: HTTPStatus = 429
    public static let internalServerError: HTTPStatus = 500
    public static let serviceUnavailable: HTTPStatus = 503

    /// The standard reason phrase; also the `code` of error bodies (`not_found`, …).
    public var reason: String {
        switch rawValue {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 409: "Conflict"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status \(rawValue)"
        }
    }

    /// `bad_request`, `not_found`, `too_many_requests`, …: the machine-readable error code.
    public var code: String {
        reason.lowercased().split(separator: " ").joined(separator: "_")
    }

    public var description: String { "\(rawValue) \(reason)" }
}
