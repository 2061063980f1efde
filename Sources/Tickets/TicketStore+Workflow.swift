import Foundation
import GRDB

extension TicketStore {
    /// Moves a ticket to another status, enforcing the workflow and recording the change.
    ///
    /// - `forwarded` confirms the routed unit (use `assign` to change it);
    /// - `resolved`/`rejected` close the ticket; `rejected` and `reopened` need a note, which
    ///   becomes the status note the citizen reads;
    /// - `reopened` restarts the answer deadline from now.
    /// - Throws: `.invalidTransition`, `.noteRequired`, `.forbidden` (another unit's ticket),
    ///   `.notFound`; nothing is written when it throws.
    @discardableResult
    public func transition(_ code: TicketCode, to status: TicketStatus, note: String? = nil,
                           by actor: TicketActor) throws(TicketError) -> Ticket {
        let note = try Self.text(note, field: "note", limit: TicketLimits.note, multiline: true)
        if status.requiresNote, note == nil { throw .noteRequired(status) }
        let at = now
        let updated = try write { db -> Ticket in
            guard var ticket = try Self.fetchTicket(db, code: code) else { throw TicketError.notFound }
            try Self.authorize(actor, on: ticket)
            guard ticket.status.canMove(to: status) else {
                throw TicketError.invalidTransition(from: ticket.status, to: status)
            }
            if status == .forwarded, ticket.status == .forwarded {
                throw TicketError.invalidInput(field: "status", message: "the ticket is already forwarded; assign it to another unit to reassign it")
            }
            let old = ticket.status
            ticket.status = status
            ticket.updatedAt = at
            if let note { ticket.statusNote = note }
            switch status {
            case .resolved, .rejected: ticket.closedAt = at
            case .reopened:
                ticket.closedAt = nil
                let deadlines = policy.deadlines(for: ticket.category, receivedAt: at)
                ticket.answerDeadline = deadlines.answer
            default: break
            }
            try db.execute(sql: """
                UPDATE tickets SET status = ?, updated_at = ?, status_note = ?, closed_at = ?, answer_deadline = ?
                WHERE id = ?
                """, arguments: [ticket.status.rawValue, at, ticket.statusNote, ticket.closedAt, ticket.answerDeadline, ticket.id])
            try Self.appendHistory(db, ticketID: ticket.id, TicketHistoryEntry(
                at: at, actor: actor.name, field: .status, oldValue: old.rawValue, newValue: status.rawValue, note: note))
            return ticket
        }
        log("ticket \(code) \(updated.status.rawValue) by \(actor.name)")
        return updated
    }

    /// Resolves or rejects, then reopens: the shorthand officers use for a citizen's complaint
    /// that the answer did not fix the problem.
    @discardableResult
    public func reopen(_ code: TicketCode, note: String, by actor: TicketActor) throws(TicketError) -> Ticket {
        try transition(code, to: .reopened, note: note, by: actor)
    }

    /// Gives a ticket to another unit (or confirms the routed one) and marks it forwarded.
    ///
    /// Every reassignment is in the history as a `unit` entry (old → new) followed by the
    /// status entry when the status changes.
    /// - Throws: `.unknownUnit`, `.invalidInput` for a closed ticket or the same unit,
    ///   `.forbidden` for another unit's officer.
    @discardableResult
    public func assign(_ code: TicketCode, to unitID: String, note: String? = nil,
                       by actor: TicketActor) throws(TicketError) -> Ticket {
        guard router.unit(id: unitID) != nil else { throw .unknownUnit(unitID) }
        let note = try Self.text(note, field: "note", limit: TicketLimits.note, multiline: true)
        let at = now
        let updated = try write { db -> Ticket in
            guard var ticket = try Self.fetchTicket(db, code: code) else { throw TicketError.notFound }
            try Self.authorize(actor, on: ticket)
            guard ticket.status.isOpen else {
                throw TicketError.invalidInput(field: "status", message: "a \(ticket.status.rawValue) ticket must be reopened before it is assigned")
            }
            if ticket.unitID == unitID, ticket.status == .forwarded {
                throw TicketError.invalidInput(field: "unit", message: "the ticket is already with \(unitID)")
            }
            let oldUnit = ticket.unitID
            let oldStatus = ticket.status
            ticket.unitID = unitID
            ticket.status = .forwarded
            ticket.updatedAt = at
            try db.execute(sql: "UPDATE tickets SET unit_id = ?, status = ?, updated_at = ? WHERE id = ?",
                           arguments: [unitID, ticket.status.rawValue, at, ticket.id])
            if oldUnit != unitID {
                try Self.appendHistory(db, ticketID: ticket.id, TicketHistoryEntry(
                    at: at, actor: actor.name, field: .unit, oldValue: oldUnit, newValue: unitID, note: note))
            }
            if oldStatus != .forwarded {
                try Self.appendHistory(db, ticketID: ticket.id, TicketHistoryEntry(
                    at: at, actor: actor.name, field: .status, oldValue: oldStatus.rawValue, newValue: TicketStatus.forwarded.rawValue,
                    note: oldUnit == unitID ? note : nil))
            }
            return ticket
        }
        log("ticket \(code) assigned to \(unitID) by \(actor.name)")
        return updated
    }

    /// Adds an internal note to the history without changing anything else.
    public func addNote(_ code: TicketCode, note: String, by actor: TicketActor) throws(TicketError) {
        guard let note = try Self.text(note, field: "note", limit: TicketLimits.note, multiline: true) else {
            throw .invalidInput(field: "note", message: "is required")
        }
        let at = now
        try write { db in
            guard let ticket = try Self.fetchTicket(db, code: code) else { throw TicketError.notFound }
            try Self.authorize(actor, on: ticket)
            try db.execute(sql: "UPDATE tickets SET updated_at = ? WHERE id = ?", arguments: [at, ticket.id])
            try Self.appendHistory(db, ticketID: ticket.id, TicketHistoryEntry(at: at, actor: actor.name, field: .note, note: note))
        }
    }

    /// Citizens never act through the workflow; a unit's officer acts only on that unit's tickets.
    static func authorize(_ actor: TicketActor, on ticket: Ticket) throws {
        switch actor {
        case .citizen: throw TicketError.forbidden("citizens cannot change tickets")
        case let .officer(officer):
            if let unit = officer.unitID, unit != ticket.unitID {
                throw TicketError.forbidden("the ticket belongs to another unit")
            }
        case .system: break
        }
    }
}
