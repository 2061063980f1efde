import Foundation
import GRDB
import Testing
@testable import Tickets

@Suite struct TicketStoreTests {
    @Test func createsRoutesAndReadsBack() throws {
        let store = try Fixtures.store()
        let ticket = try store.create(Fixtures.newTicket(ward: "tan dinh"), by: .citizen)
        #expect(ticket.status == .received)
        #expect(ticket.unitID == "phuong-tan-dinh")
        #expect(ticket.location.ward == "Phường Tân Định")
        #expect(TicketTime.iso8601(ticket.createdAt) == "2026-11-23T09:00:00+07:00")
        #expect(TicketTime.iso8601(ticket.forwardDeadline) == "2026-11-23T10:00:00+07:00")
        #expect(TicketTime.iso8601(ticket.answerDeadline) == "2026-11-30T17:00:00+07:00")
        #expect(try store.ticket(code: ticket.code) == ticket)
        #expect(try store.history(of: ticket.code) == [
            TicketHistoryEntry(at: Fixtures.monday, actor: "citizen", field: .created, newValue: "received", note: "routed to phuong-tan-dinh (area)"),
        ])
        #expect(try store.appliedMigrations() == TicketStore.Schema.all)
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func storesNFCAndStripsControlCharacters() throws {
        let store = try Fixtures.store()
        let ticket = try store.create(Fixtures.newTicket(name: "Nguye\u{0302}\u{0303}n Văn\u{0007} An", description: "  Đèn đường\u{200B} hỏng\n  "), by: .citizen)
        #expect(ticket.citizen.name == "Nguyễn Văn An")
        #expect(ticket.description == "Đèn đường hỏng")
    }

    @Test(arguments: [
        (Fixtures.newTicket(category: ""), TicketError.invalidInput(field: "category", message: "is required")),
        (Fixtures.newTicket(category: "nuoc"), .unknownCategory("nuoc")),
        (Fixtures.newTicket(description: "   "), .invalidInput(field: "description", message: "is required")),
        (Fixtures.newTicket(description: String(repeating: "ổ", count: 5001)), .invalidInput(field: "description", message: "is longer than 5000 characters")),
        (Fixtures.newTicket(name: ""), .invalidInput(field: "name", message: "is required")),
        (Fixtures.newTicket(phone: "0912"), .invalidPhone("a mobile number has 10 digits (03, 05, 07, 08 or 09 and 8 more digits), this one has 4")),
        (Fixtures.newTicket(phone: ""), .invalidPhone("the phone number is empty")),
    ])
    func refusesBadInputAndWritesNothing(input: NewTicket, expected: TicketError) throws {
        let store = try Fixtures.store()
        #expect(throws: expected) { try store.create(input, by: .citizen) }
        #expect(try store.count() == 0)
    }

    /// Built inside the test so the 10 MB text is not printed as a test argument.
    @Test func refusesATenMegabyteDescription() throws {
        let store = try Fixtures.store()
        let input = Fixtures.newTicket(description: String(repeating: "a", count: 10_000_000))
        #expect(throws: TicketError.invalidInput(field: "description", message: "is longer than 5000 characters")) {
            try store.create(input, by: .citizen)
        }
        #expect(try store.count() == 0)
    }

    @Test func refusesHalfACoordinateAndBadEmail() throws {
        let store = try Fixtures.store()
        var input = Fixtures.newTicket()
        input.latitude = 10.79
        #expect(throws: TicketError.invalidInput(field: "lat/long", message: "give both latitude and longitude, or neither")) {
            try store.create(input, by: .citizen)
        }
        input.longitude = 106.69
        input.email = "an.gmail.com"
        #expect(throws: TicketError.invalidInput(field: "email", message: "is not an email address (name@domain)")) {
            try store.create(input, by: .citizen)
        }
        #expect(try store.count() == 0)
        input.email = "an@gmail.com"
        let ticket = try store.create(input, by: .citizen)
        #expect(ticket.location.latitude == 10.79 && ticket.location.longitude == 106.69)
        #expect(try store.ticket(code: ticket.code).citizen.email == "an@gmail.com")
    }

    @Test func codeCollisionIsRetriedWithAFreshCode() throws {
        let codes = Locked(["1022-AAAA-AAAA", "1022-AAAA-AAAA", "1022-AAAA-AAAA", "1022-BBBB-BBBB"])
        var options = TicketStore.Options()
        options.codeGenerator = { TicketCode(unchecked: codes.withLock { $0.removeFirst() }) }
        let store = try Fixtures.store(options: options)
        #expect(try store.create(Fixtures.newTicket(), by: .citizen).code.text == "1022-AAAA-AAAA")
        #expect(try store.create(Fixtures.newTicket(), by: .citizen).code.text == "1022-BBBB-BBBB")
        #expect(try store.count() == 2)
    }

    @Test func codeSpaceExhaustionIsReported() throws {
        var options = TicketStore.Options()
        options.codeAttempts = 3
        options.codeGenerator = { TicketCode(unchecked: "1022-AAAA-AAAA") }
        let store = try Fixtures.store(options: options)
        _ = try store.create(Fixtures.newTicket(), by: .citizen)
        #expect(throws: TicketError.codeSpaceExhausted(attempts: 3)) { try store.create(Fixtures.newTicket(), by: .citizen) }
        #expect(try store.count() == 1)
    }

    @Test func citizenLookupNeedsCodeAndPhoneAndDisclosesNothingElse() throws {
        let store = try Fixtures.store()
        let ticket = try store.create(Fixtures.newTicket(phone: "0912 345 678"), by: .citizen)
        let view = try store.lookup(code: ticket.code.text.lowercased(), phone: "+84 912.345.678")
        #expect(view == CitizenTicketView(code: ticket.code, status: .received, statusName: "Đã tiếp nhận", category: .haTang,
                                          unitName: "UBND phường Tân Định", createdAt: Fixtures.monday, updatedAt: Fixtures.monday,
                                          answerDeadline: ticket.answerDeadline, statusNote: nil))
        // Wrong phone, wrong code, malformed code: one indistinguishable answer.
        #expect(throws: TicketError.notFound) { try store.lookup(code: ticket.code.text, phone: "0912345679") }
        #expect(throws: TicketError.notFound) { try store.lookup(code: "1022-2222-2222", phone: "0912345678") }
        #expect(throws: TicketError.notFound) { try store.lookup(code: "hello", phone: "0912345678") }
        #expect(TicketError.notFound.description == "no ticket matches this code and phone number")
    }

    @Test func logLinesMaskPersonalData() throws {
        let lines = Locked<[String]>([])
        var options = TicketStore.Options()
        options.codeGenerator = { TicketCode(unchecked: "1022-CCCC-DDDD") }
        options.log = { line in lines.withLock { $0.append(line) } }
        let store = try Fixtures.store(options: options)
        _ = try store.create(Fixtures.newTicket(), by: .citizen)
        #expect(lines.withLock { $0 } == ["ticket 1022-CCCC-DDDD created via chat by citizen: ha_tang → phuong-tan-dinh, citizen N*** V*** A*** 0912***678"])
    }

    @Test func historyIsAppendOnly() throws {
        let store = try Fixtures.store()
        let ticket = try store.create(Fixtures.newTicket(), by: .citizen)
        let queue = try DatabaseQueue(path: store.path)
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE ticket_history SET actor = 'x'") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM ticket_history") } }
        #expect(try store.history(of: ticket.code).count == 1)
    }

    @Test func storeUsesWALAndFullSync() throws {
        let store = try Fixtures.store()
        let (mode, sync) = try store.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(mode == "wal")
        #expect(sync == 2)   // FULL
    }
}
