import Foundation
import Knowledge

/// What the assistant remembers of one conversation.
public struct Session: Sendable {
    /// A 1022 report being collected, one question at a time.
    public struct Escalation: Sendable, Equatable {
        public enum Slot: String, Sendable, CaseIterable { case description, address, name, phone }
        public var category: EscalationCategory
        public var description: String?
        public var address: String?
        public var ward: String?
        public var name: String?
        public var phone: String?
        /// True once all slots are filled and the summary was shown.
        public var confirming = false

        public var missing: Slot? {
            if description == nil { return .description }
            if address == nil { return .address }
            if name == nil { return .name }
            if phone == nil { return .phone }
            return nil
        }
    }

    /// A ticket-status lookup waiting for the code or the phone.
    public struct StatusLookup: Sendable, Equatable {
        public var code: String?
        public var phone: String?
    }

    public let id: String
    public var lastUsed: Date
    /// The procedure the conversation is about, for follow-ups.
    public var procedureID: String?
    public var lastAspect: Aspect?
    /// Choices offered by the last clarification, and the aspect that was asked.
    public var candidates: [String] = []
    public var pendingAspect: Aspect?
    public var escalation: Escalation?
    public var statusLookup: StatusLookup?
    /// The last lines of the conversation (for the ticket transcript).
    public var transcript: [String] = []
    /// Whether this turn may file a ticket (the service's per-client allowance).
    public var ticketsAllowed = true

    public init(id: String, now: Date) {
        self.id = id
        self.lastUsed = now
    }
}

/// Sessions by id, bounded in number (least recently used evicted) and expiring after an
/// idle time, so memory stays flat under any traffic.
public final class SessionStore: @unchecked Sendable {
    public let capacity: Int
    public let idleTimeout: TimeInterval
    private let clock: @Sendable () -> Date
    private let lock = NSLock()
    private var sessions: [String: Session] = [:]
    private var created = 0

    public init(capacity: Int = 10_000, idleTimeout: TimeInterval = 30 * 60, clock: @escaping @Sendable () -> Date = Date.init) {
        self.capacity = max(1, capacity)
        self.idleTimeout = idleTimeout
        self.clock = clock
    }

    public var count: Int { lock.withLock { sessions.count } }

    /// Runs `body` on the session with this id (a new one when absent or expired) and stores
    /// the result; a nil id gets a fresh session id. The lock is held only to fetch and to
    /// store, not while `body` runs, so turns of different sessions proceed in parallel; two
    /// simultaneous turns of one session keep the later store.
    public func with<T>(_ id: String?, _ body: (inout Session) -> T) -> T {
        let now = clock()
        var session: Session = lock.withLock {
            let key = id.flatMap { $0.isEmpty ? nil : $0 } ?? newID()
            return sessions[key].flatMap { now.timeIntervalSince($0.lastUsed) <= idleTimeout ? $0 : nil } ?? Session(id: key, now: now)
        }
        session.lastUsed = now
        let result = body(&session)
        session.transcript = Array(session.transcript.suffix(20))
        lock.withLock {
            sessions[session.id] = session
            if sessions.count > capacity { evict(now: now, keeping: session.id) }
        }
        return result
    }

    /// Forgets a session.
    public func reset(_ id: String) { lock.withLock { _ = sessions.removeValue(forKey: id) } }

    /// A copy of a session, if it exists and has not expired.
    public func peek(_ id: String) -> Session? {
        lock.withLock { sessions[id].flatMap { clock().timeIntervalSince($0.lastUsed) <= idleTimeout ? $0 : nil } }
    }

    private func newID() -> String {
        created += 1
        return "s" + String(UInt64.random(in: 0...UInt64.max) >> 4, radix: 36)
    }

    /// Drops expired sessions, then the least recently used until a tenth of the capacity is free.
    private func evict(now: Date, keeping current: String) {
        sessions = sessions.filter { now.timeIntervalSince($0.value.lastUsed) <= idleTimeout }
        let target = max(1, capacity - capacity / 10)
        guard sessions.count > target else { return }
        let oldest = sessions.values.filter { $0.id != current }.sorted { $0.lastUsed < $1.lastUsed }.prefix(sessions.count - target)
        for session in oldest { sessions.removeValue(forKey: session.id) }
    }
}
