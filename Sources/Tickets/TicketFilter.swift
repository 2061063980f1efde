import Foundation
import GRDB

/// Which tickets an officer wants to see; every field narrows the list.
///
///     var filter = TicketFilter()
///     filter.statuses = [.received, .forwarded]
///     filter.overdue = true
///     let late = try store.tickets(filter, at: Date())
public struct TicketFilter: Sendable, Hashable {
    public var statuses: Set<TicketStatus> = []
    public var unitID: String?
    public var category: TicketCategory?
    /// A ward/commune name as typed; matched like routing does ("tan dinh" finds Phường Tân Định).
    public var ward: String?
    /// true: only overdue; false: only not overdue; nil: both.
    public var overdue: Bool?
    /// Created at or after.
    public var from: Date?
    /// Created before.
    public var to: Date?
    public var limit = 100
    public var offset = 0

    public init() {}
}

extension TicketStore {
    /// Tickets matching `filter`, newest first; `instant` decides which are overdue.
    ///
    /// An officer bound to a unit only ever sees that unit's tickets, whatever the filter says.
    public func tickets(_ filter: TicketFilter, at instant: Date? = nil, by actor: TicketActor = .system("cli")) throws(TicketError) -> [Ticket] {
        guard filter.limit > 0, filter.limit <= 10_000, filter.offset >= 0 else {
            throw .invalidInput(field: "limit", message: "must be between 1 and 10000")
        }
        var filter = filter
        switch actor {
        case .citizen: throw .forbidden("citizens look tickets up by code and phone number")
        case let .officer(officer):
            if let unit = officer.unitID {
                if let asked = filter.unitID, asked != unit { return [] }
                filter.unitID = unit
            }
        case .system: break
        }
        let instant = instant ?? now
        var clauses: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if !filter.statuses.isEmpty {
            clauses.append("status IN (\(filter.statuses.map { _ in "?" }.joined(separator: ", ")))")
            arguments += filter.statuses.map(\.rawValue).sorted()
        }
        if let unit = filter.unitID {
            clauses.append("unit_id = ?")
            arguments.append(unit)
        }
        if let category = filter.category {
            clauses.append("category = ?")
            arguments.append(category.rawValue)
        }
        if let ward = filter.ward {
            let canonical = router.area(matching: ward)?.area ?? ward
            clauses.append("ward = ?")
            arguments.append(canonical)
        }
        if let from = filter.from {
            clauses.append("created_at >= ?")
            arguments.append(from)
        }
        if let to = filter.to {
            clauses.append("created_at < ?")
            arguments.append(to)
        }
        if let overdue = filter.overdue {
            // The SQL twin of `Ticket.isOverdue(at:)`.
            let open = TicketStatus.allCases.filter(\.isOpen).map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let late = "(status IN (\(open)) AND ((status = 'received' AND forward_deadline < ?) OR answer_deadline < ?))"
            clauses.append(overdue ? late : "NOT \(late)")
            arguments += [instant, instant]
        }
        let whereClause = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let sql = "SELECT * FROM tickets \(whereClause) ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?"
        arguments += [filter.limit, filter.offset]
        let bound = StatementArguments(arguments)
        return try read { db in try Row.fetchAll(db, sql: sql, arguments: bound).map(Self.ticket) }
    }

    /// Every ticket created before `end`, oldest first, for reports.
    func allTickets(createdBefore end: Date) throws(TicketError) -> [Ticket] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM tickets WHERE created_at < ? ORDER BY id", arguments: [end]).map(Self.ticket)
        }
    }

    /// Status changes recorded before `end`, per ticket id, oldest first.
    func statusEvents(before end: Date) throws(TicketError) -> [Int64: [(at: Date, status: TicketStatus)]] {
        try read { db in
            var events: [Int64: [(at: Date, status: TicketStatus)]] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT ticket_id, at, new_value FROM ticket_history
                WHERE field IN ('created', 'status') AND at < ? ORDER BY id
                """, arguments: [end])
            while let row = try rows.next() {
                guard let status = TicketStatus(rawValue: row["new_value"] ?? "") else { continue }
                events[row["ticket_id"], default: []].append((row["at"], status))
            }
            return events
        }
    }
}
