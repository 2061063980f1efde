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
    /// Each session's last use (seconds since the reference date), kept beside the sessions so
    /// eviction scans plain numbers: walking the sessions themselves retained and released every
    /// field of every one.
    private var lastUse: [String: Double] = [:]
    private var created = 0
    /// Session ids come from the system's random source, fetched in blocks (one `getrandom`
    /// call per id was a system call on every new conversation).
    private var randomness = BufferedRandom()

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
            lastUse[session.id] = now.timeIntervalSinceReferenceDate
            if sessions.count > capacity { evict(now: now, keeping: session.id) }
        }
        return result
    }

    /// Forgets a session.
    public func reset(_ id: String) {
        lock.withLock {
            sessions.removeValue(forKey: id)
            lastUse.removeValue(forKey: id)
        }
    }

    /// A copy of a session, if it exists and has not expired.
    public func peek(_ id: String) -> Session? {
        lock.withLock { sessions[id].flatMap { clock().timeIntervalSince($0.lastUsed) <= idleTimeout ? $0 : nil } }
    }

    private func newID() -> String {
        created += 1
        return "s" + String(randomness.next() >> 4, radix: 36)
    }

    /// Drops expired sessions, then the least recently used until a tenth of the capacity is free.
    /// Works on the last-use times alone: finds the cut-off time among them (plain numbers),
    /// then removes in place.
    private func evict(now: Date, keeping current: String) {
        let expiry = now.timeIntervalSinceReferenceDate - idleTimeout
        var times: [Double] = []
        times.reserveCapacity(lastUse.count)
        var expired: [String] = []
        for (id, time) in lastUse {
            if time < expiry {
                expired.append(id)
            } else if id != current {
                times.append(time)
            }
        }
        for id in expired { remove(id) }
        let target = max(1, capacity - capacity / 10)
        guard sessions.count > target else { return }
        // Sessions last used at or before the cut-off go; a tie at the cut-off may take a few more.
        let cutoff = Self.smallest(min(times.count, sessions.count - target), in: &times)
        var stale: [String] = []
        for (id, time) in lastUse where id != current && time <= cutoff { stale.append(id) }
        for id in stale { remove(id) }
    }

    /// The `rank`-th smallest of `values` (1-based), by quickselect: expected linear time where
    /// sorting all ten thousand times was most of an eviction. Reorders `values`.
    static func smallest(_ rank: Int, in values: inout [Double]) -> Double {
        var low = 0, high = values.count - 1
        let target = rank - 1
        while low < high {
            let pivot = values[low + (high - low) / 2]
            var left = low, right = high
            while left <= right {
                while values[left] < pivot { left += 1 }
                while values[right] > pivot { right -= 1 }
                if left <= right {
                    values.swapAt(left, right)
                    left += 1
                    right -= 1
                }
            }
            if target <= right { high = right } else if target >= left { low = left } else { break }
        }
        return values[target]
    }

    private func remove(_ id: String) {
        sessions.removeValue(forKey: id)
        lastUse.removeValue(forKey: id)
    }
}

/// The kernel's random numbers (as `SystemRandomNumberGenerator`: unpredictable), fetched 32
/// at a time. Not thread-safe: `SessionStore` uses it under its lock.
struct BufferedRandom {
    private var buffer: [UInt64] = []

    mutating func next() -> UInt64 {
        if buffer.isEmpty {
            // glibc's arc4random_buf reads the kernel's getrandom(2), one call per block.
            buffer = [UInt64](unsafeUninitializedCapacity: 32) { storage, count in
                arc4random_buf(storage.baseAddress!, 32 * MemoryLayout<UInt64>.size)
                count = 32
            }
        }
        return buffer.removeLast()
    }
}
