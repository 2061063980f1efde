import Foundation
import GRDB

/// A leader's instruction attached to a ticket, a category or a ward ("xử lý dứt điểm trước
/// thứ Sáu"), and which units have acknowledged it.
///
/// A directive applies to every ticket it targets, now and later; each unit concerned
/// acknowledges it once. Issuing and acknowledging both write `directive`/`acknowledged`
/// entries into the history of the open tickets concerned, so the ticket's record shows
/// who was told what, and when they confirmed.
public struct Directive: Sendable, Hashable, Codable {
    public enum Target: Sendable, Hashable, Codable {
        case ticket(TicketCode)
        case category(TicketCategory)
        /// The canonical ward/commune name ("Phường Tân Định").
        case ward(String)

        var kind: String {
            switch self {
            case .ticket: "ticket"
            case .category: "category"
            case .ward: "ward"
            }
        }

        var value: String {
            switch self {
            case let .ticket(code): code.text
            case let .category(category): category.rawValue
            case let .ward(ward): ward
            }
        }

        /// "phiếu 1022-…", "lĩnh vực Hạ tầng đô thị", "Phường Tân Định": for leaders' screens.
        public var displayName: String {
            switch self {
            case let .ticket(code): "phiếu \(code.text)"
            case let .category(category): "lĩnh vực \(category.displayName)"
            case let .ward(ward): ward
            }
        }
    }

    public struct Acknowledgement: Sendable, Hashable, Codable {
        public var unitID: String
        public var officer: String
        public var at: Date
    }

    public var id: Int64
    public var target: Target
    public var text: String
    public var author: String
    public var createdAt: Date
    public var acknowledgements: [Acknowledgement]

    /// Whether the directive concerns this ticket.
    public func applies(to ticket: Ticket) -> Bool {
        switch target {
        case let .ticket(code): ticket.code == code
        case let .category(category): ticket.category == category
        case let .ward(ward): ticket.location.ward == ward
        }
    }
}

extension TicketStore {
    /// Issues a directive; only an officer with the leader role may.
    ///
    /// Ward names are matched like routing matches them and stored canonical.
    /// - Throws: `.forbidden` for a non-leader, `.notFound` for an unknown ticket,
    ///   `.invalidInput` for an empty text or an unknown ward.
    @discardableResult
    public func issueDirective(_ target: Directive.Target, text: String, by actor: TicketActor) throws(TicketError) -> Directive {
        switch actor {
        case let .officer(officer) where officer.role == .leader: break
        case .system: break
        default: throw .forbidden("only leaders issue directives")
        }
        guard let text = try Self.text(text, field: "directive", limit: TicketLimits.directive, multiline: true) else {
            throw .invalidInput(field: "directive", message: "is required")
        }
        var target = target
        if case let .ward(ward) = target {
            guard let area = router.area(matching: ward)?.area else {
                throw .invalidInput(field: "ward", message: "no ward, commune or special zone has this name")
            }
            target = .ward(area)
        }
        let at = now
        let finalTarget = target
        let directive = try write { db -> Directive in
            if case let .ticket(code) = finalTarget, try Self.fetchTicket(db, code: code) == nil { throw TicketError.notFound }
            try db.execute(sql: "INSERT INTO directives (target_kind, target, text, author, created_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [finalTarget.kind, finalTarget.value, text, actor.name, at])
            let directive = Directive(id: db.lastInsertedRowID, target: finalTarget, text: text, author: actor.name,
                                      createdAt: at, acknowledgements: [])
            for ticket in try Self.openTickets(db, concernedBy: directive, unitID: nil) {
                try Self.appendHistory(db, ticketID: ticket.id, TicketHistoryEntry(
                    at: at, actor: actor.name, field: .directive, newValue: "#\(directive.id)", note: text))
            }
            return directive
        }
        log("directive #\(directive.id) on \(finalTarget.kind) by \(actor.name)")
        return directive
    }

    /// Acknowledges a directive on behalf of the officer's unit (the desk for unit-less staff).
    /// - Throws: `.unknownDirective`, `.forbidden` when it concerns none of the unit's
    ///   tickets, `.invalidInput` when the unit already acknowledged it.
    @discardableResult
    public func acknowledge(directive id: Int64, by actor: TicketActor) throws(TicketError) -> Directive {
        let unitID: String
        switch actor {
        case let .officer(officer): unitID = officer.unitID ?? router.desk.id
        case .system: unitID = router.desk.id
        case .citizen: throw .forbidden("citizens cannot acknowledge directives")
        }
        let at = now
        return try write { db -> Directive in
            guard let directive = try Self.fetchDirective(db, id: id) else { throw TicketError.unknownDirective(id) }
            if directive.acknowledgements.contains(where: { $0.unitID == unitID }) {
                throw TicketError.invalidInput(field: "directive", message: "\(unitID) has already acknowledged directive #\(id)")
            }
            let tickets = try Self.openTickets(db, concernedBy: directive, unitID: unitID)
            let wardUnit = { if case let .ward(ward) = directive.target { return self.router.area(matching: ward)?.id == unitID } else { return false } }()
            if tickets.isEmpty, !wardUnit, unitID != router.desk.id {
                throw TicketError.forbidden("directive #\(id) concerns none of \(unitID)'s open tickets")
            }
            try db.execute(sql: "INSERT INTO directive_acks (directive_id, unit_id, officer, at) VALUES (?, ?, ?, ?)",
                           arguments: [id, unitID, actor.name, at])
            for ticket in tickets {
                try Self.appendHistory(db, ticketID: ticket.id, TicketHistoryEntry(
                    at: at, actor: actor.name, field: .acknowledged, newValue: "#\(id)", note: unitID))
            }
            var updated = directive
            updated.acknowledgements.append(Directive.Acknowledgement(unitID: unitID, officer: actor.name, at: at))
            return updated
        }
    }

    /// The directives that apply to a ticket, oldest first.
    public func directives(for code: TicketCode) throws(TicketError) -> [Directive] {
        let ticket = try ticket(code: code)
        return try read { db in
            let ids = try Int64.fetchAll(db, sql: """
                SELECT id FROM directives
                WHERE (target_kind = 'ticket' AND target = ?) OR (target_kind = 'category' AND target = ?)
                   OR (target_kind = 'ward' AND target = ?)
                ORDER BY id
                """, arguments: [ticket.code.text, ticket.category.rawValue, ticket.location.ward])
            return try ids.compactMap { try Self.fetchDirective(db, id: $0) }
        }
    }

    /// Directives, newest first; with a unit, only those concerning its open tickets or its ward.
    public func directives(unitID: String? = nil) throws(TicketError) -> [Directive] {
        try read { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM directives ORDER BY id DESC")
            let all = try ids.compactMap { try Self.fetchDirective(db, id: $0) }
            guard let unitID else { return all }
            let area = router.unit(id: unitID)?.area
            return try all.filter { directive in
                if case let .ward(ward) = directive.target, ward == area { return true }
                return try !Self.openTickets(db, concernedBy: directive, unitID: unitID).isEmpty
            }
        }
    }

    static func fetchDirective(_ db: Database, id: Int64) throws -> Directive? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM directives WHERE id = ?", arguments: [id]) else { return nil }
        let kind: String = row["target_kind"]
        let value: String = row["target"]
        let target: Directive.Target
        switch kind {
        case "ticket": target = .ticket(TicketCode(unchecked: value))
        case "category": target = .category(TicketCategory(rawValue: value) ?? .khac)
        default: target = .ward(value)
        }
        let acks = try Row.fetchAll(db, sql: "SELECT * FROM directive_acks WHERE directive_id = ? ORDER BY at, unit_id", arguments: [id])
            .map { Directive.Acknowledgement(unitID: $0["unit_id"], officer: $0["officer"], at: $0["at"]) }
        return Directive(id: id, target: target, text: row["text"], author: row["author"], createdAt: row["created_at"], acknowledgements: acks)
    }

    static func openTickets(_ db: Database, concernedBy directive: Directive, unitID: String?) throws -> [Ticket] {
        let open = TicketStatus.allCases.filter(\.isOpen).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let column = switch directive.target {
        case .ticket: "code"
        case .category: "category"
        case .ward: "ward"
        }
        var sql = "SELECT * FROM tickets WHERE \(column) = ? AND status IN (\(open))"
        var arguments: [(any DatabaseValueConvertible)?] = [directive.target.value]
        if let unitID {
            sql += " AND unit_id = ?"
            arguments.append(unitID)
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY id", arguments: StatementArguments(arguments)).map(ticket)
    }
}
