import Foundation
import Testing
@testable import Tickets

@Suite struct WorkflowTests {
    let clock = ManualClock(Fixtures.monday)

    @Test func fullLifecycleIsRecorded() throws {
        let store = try Fixtures.store(clock: clock)
        let ticket = try store.create(Fixtures.newTicket(), by: .citizen)
        clock.advance(by: 600)
        try store.assign(ticket.code, to: "sawaco", note: "ống nước của SAWACO", by: .system("cli:lan"))
        clock.advance(by: 3600)
        try store.transition(ticket.code, to: .inProgress, by: .system("cli:binh"))
        clock.advance(by: 86_400)
        let resolved = try store.transition(ticket.code, to: .resolved, note: "Đã sửa xong ống nước", by: .system("cli:binh"))
        #expect(resolved.closedAt == Fixtures.monday.addingTimeInterval(600 + 3600 + 86_400))
        #expect(resolved.statusNote == "Đã sửa xong ống nước")
        clock.advance(by: 86_400)
        let reopened = try store.reopen(ticket.code, note: "Vẫn còn rò rỉ", by: .system("cli:lan"))
        #expect(reopened.status == .reopened)
        #expect(reopened.closedAt == nil)
        // Reopened Wednesday 25/11 10:10: five new working days, to Wednesday 2/12.
        #expect(TicketTime.iso8601(reopened.answerDeadline) == "2026-12-02T17:00:00+07:00")
        #expect(try store.ticket(code: ticket.code) == reopened)

        let history = try store.history(of: ticket.code).map { entry in
            "\(TicketTime.iso8601(entry.at)) \(entry.actor) \(entry.field.rawValue) \(entry.oldValue ?? "-") → \(entry.newValue ?? "-") \(entry.note ?? "")"
        }
        #expect(history == [
            "2026-11-23T09:00:00+07:00 citizen created - → received routed to phuong-tan-dinh (area)",
            "2026-11-23T09:10:00+07:00 cli:lan unit phuong-tan-dinh → sawaco ống nước của SAWACO",
            "2026-11-23T09:10:00+07:00 cli:lan status received → forwarded ",
            "2026-11-23T10:10:00+07:00 cli:binh status forwarded → in_progress ",
            "2026-11-24T10:10:00+07:00 cli:binh status in_progress → resolved Đã sửa xong ống nước",
            "2026-11-25T10:10:00+07:00 cli:lan status resolved → reopened Vẫn còn rò rỉ",
        ])
    }

    @Test(arguments: [
        (TicketStatus.received, TicketStatus.resolved),
        (.received, .reopened),
        (.received, .received),
    ])
    func refusesTransitionsOutsideTheWorkflow(from: TicketStatus, to: TicketStatus) throws {
        let store = try Fixtures.store(clock: clock)
        let ticket = try store.create(Fixtures.newTicket(), by: .citizen)
        #expect(throws: TicketError.invalidTransition(from: from, to: to)) {
            try store.transition(ticket.code, to: to, note: "x", by: .system("cli"))
        }
        #expect(try store.history(of: ticket.code).count == 1)
        #expect(try store.ticket(code: ticket.code) == ticket)
    }

    @Test func closedTicketsMoveOnlyByReopening() throws {
        let store = try Fixtures.store(clock: clock)
        let ticket = try store.create(Fixtures.newTicket(), by: .citizen)
        try store.transition(ticket.code, to: .rejected, note: "Không thuộc thẩm quyền", by: .system("cli"))
        #expect(throws: TicketError.invalidTransition(from: .rejected, to: .inProgress)) {
            try store.transition(ticket.code, to: .inProgress, by: .system("cli"))
        }
        #expect(throws: TicketError.invalidInput(field: "status", message: "a rejected ticket must be reopened before it is assigned")) {
            try store.assign(ticket.code, to: "so-xay-dung", by: .system("cli"))
        }
        #expect(TicketError.invalidTransition(from: .rejected, to: .inProgress).description
            == "a ticket cannot go from rejected to in_progress (allowed: reopened)")
    }

    @Test func rejectionAndReopeningNeedAReason() throws {
        let store = try Fixtures.store(clock: clock)
        let ticket = try store.create(Fixtures.newTicket(), by: .citizen)
        #expect(throws: TicketError.noteRequired(.rejected)) { try store.transition(ticket.code, to: .rejected, note: "  ", by: .system("cli")) }
        #expect(TicketError.noteRequired(.rejected).description == "moving a ticket to rejected needs a note with the reason")
        #expect(try store.ticket(code: ticket.code).status == .received)
    }

    @Test func reassignmentIsInTheHistoryAndChecksTheUnit() throws {
        let store = try Fixtures.store(clock: clock)
        let ticket = try store.create(Fixtures.newTicket(), by: .citizen)
        #expect(throws: TicketError.unknownUnit("so-khong-co")) { try store.assign(ticket.code, to: "so-khong-co", by: .system("cli")) }
        try store.assign(ticket.code, to: "phuong-tan-dinh", by: .system("cli"))   // confirms the routed unit
        #expect(throws: TicketError.invalidInput(field: "unit", message: "the ticket is already with phuong-tan-dinh")) {
            try store.assign(ticket.code, to: "phuong-tan-dinh", by: .system("cli"))
        }
        try store.assign(ticket.code, to: "so-xay-dung", note: "đường do Sở quản lý", by: .system("cli"))
        let fields = try store.history(of: ticket.code).map { "\($0.field.rawValue):\($0.oldValue ?? "-")→\($0.newValue ?? "-")" }
        #expect(fields == ["created:-→received", "status:received→forwarded", "unit:phuong-tan-dinh→so-xay-dung"])
    }

    @Test func officersActOnlyOnTheirUnitsTickets() throws {
        let store = try Fixtures.store(clock: clock)
        let ticket = try store.create(Fixtures.newTicket(), by: .citizen)   // phuong-tan-dinh
        let (other, _) = try store.createToken(name: "Officer Sài Gòn", unitID: "phuong-sai-gon", role: .officer)
        let (own, _) = try store.createToken(name: "Officer Tân Định", unitID: "phuong-tan-dinh", role: .officer)
        #expect(throws: TicketError.forbidden("the ticket belongs to another unit")) {
            try store.transition(ticket.code, to: .inProgress, by: .officer(other))
        }
        #expect(throws: TicketError.forbidden("citizens cannot change tickets")) {
            try store.transition(ticket.code, to: .inProgress, by: .citizen)
        }
        try store.transition(ticket.code, to: .inProgress, by: .officer(own))
        #expect(try store.history(of: ticket.code).last?.actor == "officer:Officer Tân Định")
    }

    @Test func listsWithFilters() throws {
        let store = try Fixtures.store(clock: clock)
        let a = try store.create(Fixtures.newTicket(category: "ha_tang"), by: .citizen)                 // Tân Định
        clock.advance(by: 60)
        let b = try store.create(Fixtures.newTicket(category: "y_te"), by: .citizen)                    // Sở Y tế
        clock.advance(by: 60)
        let c = try store.create(Fixtures.newTicket(category: "moi_truong", ward: "Phường Sài Gòn"), by: .citizen)
        try store.assign(c.code, to: "phuong-sai-gon", by: .system("cli"))
        clock.set(Fixtures.local(2026, 11, 23, 11))   // all forwarding deadlines have passed; only a and b are still waiting

        func codes(_ configure: (inout TicketFilter) -> Void) throws -> [String] {
            var filter = TicketFilter()
            configure(&filter)
            return try store.tickets(filter).map(\.code.text)
        }
        #expect(try codes { _ in } == [c, b, a].map(\.code.text))
        #expect(try codes { $0.statuses = [.received] } == [b, a].map(\.code.text))
        #expect(try codes { $0.unitID = "so-y-te" } == [b.code.text])
        #expect(try codes { $0.category = .moiTruong } == [c.code.text])
        #expect(try codes { $0.ward = "tan dinh" } == [b, a].map(\.code.text))
        #expect(try codes { $0.overdue = true } == [b, a].map(\.code.text))
        #expect(try codes { $0.overdue = false } == [c.code.text])
        #expect(try codes { $0.from = Fixtures.monday.addingTimeInterval(60) } == [c, b].map(\.code.text))
        #expect(try codes { $0.to = Fixtures.monday.addingTimeInterval(60) } == [a.code.text])
        #expect(try codes { $0.limit = 1; $0.offset = 1 } == [b.code.text])

        let (officer, _) = try store.createToken(name: "Y tế", unitID: "so-y-te", role: .officer)
        #expect(try store.tickets(TicketFilter(), by: .officer(officer)).map(\.code) == [b.code])
        var other = TicketFilter()
        other.unitID = "phuong-tan-dinh"
        #expect(try store.tickets(other, by: .officer(officer)).isEmpty)
    }
}
