import Synchronization

/// Counters and a latency histogram, rendered in the Prometheus text format (version 0.0.4).
///
///     metrics.recordRequest(route: "/api/chat", method: "POST", status: 200, seconds: 0.004)
///     metrics.render()   // "# HELP hoidap_http_requests_total …"
///
/// Labels are bounded: routes are the router's patterns (never raw paths), methods outside the
/// usual set count as `OTHER`, intents outside the DESIGN.md list as `other`.
public final class Metrics: Sendable {
    /// Histogram upper bounds, in seconds.
    public static let buckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]
    public static let intents = ["procedure", "clarify", "escalate", "ticket_status", "greeting", "thanks", "goodbye",
                                 "identity", "help", "out_of_scope"]
    static let methods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    struct RequestKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    struct Histogram {
        var counts = [Int](repeating: 0, count: Metrics.buckets.count)
        var sum = 0.0
        var count = 0

        mutating func record(bucket: Int?, seconds: Double) {
            if let bucket { counts[bucket] += 1 }
            sum += seconds
            count += 1
        }
    }

    struct State {
        var requests: [RequestKey: Int] = [:]
        var latency: [String: Histogram] = [:]
        var intents: [String: Int] = [:]
        var escalations = 0
        var tickets: [String: Int] = [:]
        var limited: [String: Int] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    public func recordRequest(route: String, method: String, status: Int, seconds: Double) {
        let method = Self.methods.contains(method) ? method : "OTHER"
        let bucket = Self.buckets.firstIndex { seconds <= $0 }
        state.withLock { state in
            state.requests[RequestKey(route: route, method: method, status: status), default: 0] += 1
            // Mutated in place: a copy taken out of the dictionary would copy its counts array on write.
            state.latency[route, default: Histogram()].record(bucket: bucket, seconds: seconds)
        }
    }

    /// One chat reply with its intent.
    public func recordReply(intent: String) {
        let intent = Self.intents.contains(intent) ? intent : "other"
        state.withLock { $0.intents[intent, default: 0] += 1 }
    }

    /// A conversation that entered the escalation flow.
    public func recordEscalation() {
        state.withLock { $0.escalations += 1 }
    }

    /// A ticket filed through a channel (`chat`, `api`).
    public func recordTicket(channel: String) {
        state.withLock { $0.tickets[channel, default: 0] += 1 }
    }

    /// A request refused by a rate limit (`chat`, `tickets`, `lookup`).
    public func recordLimited(_ limit: String) {
        state.withLock { $0.limited[limit, default: 0] += 1 }
    }

    /// Requests counted so far for a route and status (for tests).
    public func requests(route: String, status: Int) -> Int {
        state.withLock { state in
            state.requests.filter { $0.key.route == route && $0.key.status == status }.values.reduce(0, +)
        }
    }

    /// The Prometheus exposition text; `memo` is the chat engine's memo hits and misses, if it keeps one.
    public func render(memo: (hits: Int, misses: Int)? = nil) -> String {
        let state = state.withLock { $0 }
        var lines: [String] = []
        lines.append("# HELP hoidap_http_requests_total HTTP requests by route pattern, method and status.")
        lines.append("# TYPE hoidap_http_requests_total counter")
        for (key, count) in state.requests.sorted(by: { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) }) {
            lines.append("hoidap_http_requests_total{route=\"\(Self.escape(key.route))\",method=\"\(key.method)\",status=\"\(key.status)\"} \(count)")
        }
        lines.append("# HELP hoidap_http_request_duration_seconds Time to build the response, by route pattern.")
        lines.append("# TYPE hoidap_http_request_duration_seconds histogram")
        for (route, histogram) in state.latency.sorted(by: { $0.key < $1.key }) {
            let label = Self.escape(route)
            var cumulative = 0
            for (index, bound) in Self.buckets.enumerated() {
                cumulative += histogram.counts[index]
                lines.append("hoidap_http_request_duration_seconds_bucket{route=\"\(label)\",le=\"\(Self.number(bound))\"} \(cumulative)")
            }
            lines.append("hoidap_http_request_duration_seconds_bucket{route=\"\(label)\",le=\"+Inf\"} \(histogram.count)")
            lines.append("hoidap_http_request_duration_seconds_sum{route=\"\(label)\"} \(Self.number(histogram.sum))")
            lines.append("hoidap_http_request_duration_seconds_count{route=\"\(label)\"} \(histogram.count)")
        }
        lines.append("# HELP hoidap_chat_replies_total Chat replies by intent.")
        lines.append("# TYPE hoidap_chat_replies_total counter")
        for intent in Self.intents + ["other"] {
            lines.append("hoidap_chat_replies_total{intent=\"\(intent)\"} \(state.intents[intent] ?? 0)")
        }
        lines.append("# HELP hoidap_escalations_total Chat conversations that entered the escalation flow.")
        lines.append("# TYPE hoidap_escalations_total counter")
        lines.append("hoidap_escalations_total \(state.escalations)")
        lines.append("# HELP hoidap_tickets_created_total Tickets filed through the HTTP service, by channel.")
        lines.append("# TYPE hoidap_tickets_created_total counter")
        for channel in ["api", "chat"] {
            lines.append("hoidap_tickets_created_total{channel=\"\(channel)\"} \(state.tickets[channel] ?? 0)")
        }
        lines.append("# HELP hoidap_rate_limited_total Requests refused by a per-client rate limit.")
        lines.append("# TYPE hoidap_rate_limited_total counter")
        for limit in ["chat", "lookup", "tickets"] {
            lines.append("hoidap_rate_limited_total{limit=\"\(limit)\"} \(state.limited[limit] ?? 0)")
        }
        if let memo {
            lines.append("# HELP hoidap_chat_memo_total Chat messages read from the memo of earlier messages (hit) or afresh (miss).")
            lines.append("# TYPE hoidap_chat_memo_total counter")
            lines.append("hoidap_chat_memo_total{result=\"hit\"} \(memo.hits)")
            lines.append("hoidap_chat_memo_total{result=\"miss\"} \(memo.misses)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func escape(_ label: String) -> String {
        label.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }
}

import Foundation
