import Foundation
import Synchronization

/// Where the Tickets module gets "now": the system clock in production, a settable one in tests.
public protocol TicketClock: Sendable {
    func now() -> Date
}

/// The machine's clock.
public struct SystemClock: TicketClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that stands still until told to move, for deterministic tests and replays.
public final class ManualClock: TicketClock {
    private let current: Mutex<Date>

    public init(_ start: Date) { current = Mutex(start) }

    public func now() -> Date { current.withLock { $0 } }

    public func set(_ date: Date) { current.withLock { $0 = date } }

    public func advance(by interval: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(interval) }
    }
}

extension Date {
    /// Whole seconds: the precision tickets are stored with, so a ticket read back equals
    /// the one written.
    var wholeSeconds: Date { Date(timeIntervalSince1970: floor(timeIntervalSince1970)) }
}
