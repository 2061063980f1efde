import Foundation
import HTTPServer
import OrderedJSON
import Synchronization
import Tickets
import VietText

/// The route handlers and what they share; a value the router's closures capture.
struct Handlers: Sendable {
    let store: TicketStore
    let engine: any ChatEngine
    let catalog: any ProcedureCatalog
    let metrics: Metrics
    let configuration: HoiDapService.Configuration
    let chatLimiter: RateLimiter
    let ticketLimiter: RateLimiter
    let lookupLimiter: RateLimiter
    let open311: Open311API
    let assets: Assets
    let escalations: EscalationTracker
    let statsCache = StatsCache()

    /// The rate-limit key: the peer address, or the last `X-Forwarded-For` hop behind a trusted proxy.
    func client(_ request: Request) -> String {
        if configuration.trustProxy, let forwarded = request.header("x-forwarded-for"),
           let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty {
            return last
        }
        return request.remoteAddress
    }

    /// Takes a token or throws 429 with `Retry-After` and a Vietnamese message.
    func limit(_ limiter: RateLimiter, _ name: String, _ request: Request) throws(HTTPError) {
        if case let .limited(seconds) = limiter.take(client(request)) {
            metrics.recordLimited(name)
            throw Self.tooMany(seconds)
        }
    }

    static func tooMany(_ seconds: Int) -> HTTPError {
        HTTPError(.tooManyRequests, "Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau \(seconds) giây.",
                  headers: [("Retry-After", String(seconds))])
    }

    // MARK: - JSON bodies

    /// The body as a JSON object, or 400.
    func object(_ request: Request, message: String) throws(HTTPError) -> JSON {
        let body = try request.jsonBody()
        guard case .object = body else { throw HTTPError(.badRequest, message) }
        return body
    }

    /// An optional string field; 400 when present with another type.
    func string(_ body: JSON, _ key: String, message: String) throws(HTTPError) -> String? {
        switch body[key] {
        case nil, .null?: return nil
        case let .string(text)?: return text
        default: throw HTTPError(.badRequest, message)
        }
    }

    /// NFC, trimmed (Foundation's results; skips its bridging when the text needs neither).
    static func clean(_ text: String) -> String {
        text.precomposedIfNeeded().trimmingWhitespaceAndNewlines()
    }
}

/// Remembers which chat sessions are in the escalation flow, so `hoidap_escalations_total`
/// counts conversations rather than turns. Bounded: past `limit` sessions it starts over.
final class EscalationTracker: Sendable {
    private let sessions = Mutex<Set<String>>([])
    let limit: Int

    init(limit: Int = 50_000) { self.limit = limit }

    /// Whether this reply starts an escalation.
    func observe(session: String?, intent: String, ticketFiled: Bool) -> Bool {
        let escalating = intent == "escalate" && !ticketFiled
        guard let session else { return escalating }
        return sessions.withLock { sessions in
            guard escalating else {
                sessions.remove(session)
                return false
            }
            if sessions.count >= limit { sessions.removeAll(keepingCapacity: true) }
            return sessions.insert(session).inserted
        }
    }
}

/// The public statistics page is a scan of every ticket; it is rebuilt at most once a minute.
final class StatsCache: Sendable {
    private let entries = Mutex<[String: (at: Double, response: Response)]>([:])

    func response(_ key: String, now: Double, build: () throws -> Response) rethrows -> Response {
        if let entry = entries.withLock({ $0[key] }), now - entry.at < 60 { return entry.response }
        let response = try build()
        entries.withLock { entries in
            if entries.count > 64 { entries.removeAll() }
            entries[key] = (now, response)
        }
        return response
    }
}
