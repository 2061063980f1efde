import Foundation

/// Where a ticket stands in the 1022 workflow.
///
/// "Overdue" is deliberately not a status: it is derived from the deadlines and the clock
/// (see `Ticket.isOverdue(at:)`), so nobody can forget to set or clear it.
///
///     TicketStatus.received.canMove(to: .forwarded)   // true
///     TicketStatus.resolved.canMove(to: .inProgress)  // false: reopen first
public enum TicketStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case received
    case forwarded
    case inProgress = "in_progress"
    case resolved
    case rejected
    case reopened

    /// The Vietnamese name shown to citizens, officers and leaders.
    public var displayName: String {
        switch self {
        case .received: "Đã tiếp nhận"
        case .forwarded: "Đã chuyển đơn vị xử lý"
        case .inProgress: "Đang xử lý"
        case .resolved: "Đã giải quyết"
        case .rejected: "Từ chối"
        case .reopened: "Mở lại"
        }
    }

    /// Whether the ticket still needs work (the Open311 `open` status).
    public var isOpen: Bool {
        switch self {
        case .received, .forwarded, .inProgress, .reopened: true
        case .resolved, .rejected: false
        }
    }

    /// The statuses reachable in one step.
    ///
    /// A closed ticket only moves by being reopened, so its history keeps the closing note;
    /// `forwarded → forwarded` is a reassignment to another unit.
    public var allowedNext: [TicketStatus] {
        switch self {
        case .received: [.forwarded, .inProgress, .rejected]
        case .forwarded: [.forwarded, .inProgress, .resolved, .rejected]
        case .inProgress: [.forwarded, .resolved, .rejected]
        case .reopened: [.forwarded, .inProgress, .resolved, .rejected]
        case .resolved, .rejected: [.reopened]
        }
    }

    public func canMove(to next: TicketStatus) -> Bool { allowedNext.contains(next) }

    /// Whether a move into this status must carry a note (the reason a citizen will read).
    public var requiresNote: Bool { self == .rejected || self == .reopened }

    /// Parses a raw value or a forgiving officer spelling (`in-progress`, `inprogress`).
    public init?(argument: String) {
        let key = argument.lowercased().replacingOccurrences(of: "-", with: "_")
        if let status = TicketStatus(rawValue: key) {
            self = status
        } else if key == "inprogress" {
            self = .inProgress
        } else {
            return nil
        }
    }
}
