import Dispatch
import Foundation
import GRDB
import Testing
@testable import Tickets

/// Concurrency, locking and schema upgrades: what must hold when several writers share the file.
@Suite struct ReliabilityTests {
    @Test func concurrentCreationYieldsUniqueCodesAndNoLostWrites() throws {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("tickets.sqlite").path
        // Four stores on one file stand for four processes; each is used from several threads.
        let stores = try (0..<4).map { _ in try Fixtures.store(path: path) }
        let codes = Locked<[String]>([])
        let failures = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 200) { index in
            do {
                let ticket = try stores[index % stores.count].create(Fixtures.newTicket(description: "Phản ánh số \(index)"), by: .citizen)
                codes.withLock { $0.append(ticket.code.text) }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.value == [])
        #expect(codes.value.count == 200)
        #expect(Set(codes.value).count == 200)
        #expect(try stores[0].count() == 200)
        let descriptions = try stores[0].read { db in try String.fetchSet(db, sql: "SELECT description FROM tickets") }
        #expect(descriptions == Set((0..<200).map { "Phản ánh số \($0)" }))
        #expect(try stores[0].read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ticket_history") } == 200)
        #expect(try stores[0].integrityCheck() == ["ok"])
    }

    @Test func busyIsRetriedWithABoundThenReported() throws {
        var options = TicketStore.Options()
        options.busyTimeout = 0.01
        options.busyAttempts = 3
        let store = try Fixtures.store(options: options)
        // Another process holds the write lock and does not let go.
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: store.path, configuration: configuration)
        try other.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        #expect(throws: TicketError.busy(attempts: 3)) { try store.create(Fixtures.newTicket(), by: .citizen) }
        #expect(TicketError.busy(attempts: 3).description == "the ticket database stayed locked after 3 attempts; try again")
        try other.inDatabase { db in try db.execute(sql: "ROLLBACK") }
        #expect(try store.count() == 0)
        _ = try store.create(Fixtures.newTicket(), by: .citizen)
        #expect(try store.count() == 1)
    }

    @Test func migratesAnEmptyFile() throws {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("empty.sqlite").path
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        let store = try Fixtures.store(path: path)
        #expect(try store.appliedMigrations() == ["v1-tickets", "v2-officers-directives"])
        _ = try store.create(Fixtures.newTicket(), by: .citizen)
        #expect(try store.count() == 1)
    }

    @Test func migratesFromThePreviousSchemaKeepingTickets() throws {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("v1.sqlite").path
        do {
            // A file written by the v1 release: tickets and history, no officer tables.
            let queue = try DatabaseQueue(path: path)
            try TicketStore.migrator.migrate(queue, upTo: TicketStore.Schema.v1)
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO tickets (code, created_at, updated_at, channel, category, description, citizen_name, phone,
                        unit_id, status, forward_deadline, answer_deadline)
                    VALUES ('1022-AAAA-BBBB', ?, ?, 'web', 'ha_tang', 'Đèn đường tắt', 'Lê Thị Hoa', '0912345678',
                        'so-xay-dung', 'forwarded', ?, ?)
                    """, arguments: [Fixtures.monday, Fixtures.monday, Fixtures.monday, Fixtures.monday.addingTimeInterval(86_400)])
                try db.execute(sql: "INSERT INTO ticket_history (ticket_id, at, actor, field, new_value) VALUES (1, ?, 'web', 'created', 'received')",
                               arguments: [Fixtures.monday])
                #expect(try db.tableExists("officer_tokens") == false)
            }
        }
        let store = try Fixtures.store(path: path)
        #expect(try store.appliedMigrations() == TicketStore.Schema.all)
        let ticket = try store.ticket(code: TicketCode(unchecked: "1022-AAAA-BBBB"))
        #expect(ticket.description == "Đèn đường tắt")
        #expect(ticket.transcript == [])
        #expect(try store.lookup(code: "1022-AAAA-BBBB", phone: "0912 345 678").statusName == "Đã chuyển đơn vị xử lý")
        _ = try store.createToken(name: "Lan", unitID: nil, role: .leader)
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func checkConstraintsGuardOtherWriters() throws {
        let store = try Fixtures.store()
        let queue = try DatabaseQueue(path: store.path)
        #expect(throws: DatabaseError.self) {
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO tickets (code, created_at, updated_at, channel, category, description, citizen_name, phone,
                        unit_id, status, forward_deadline, answer_deadline)
                    VALUES ('1022-AAAA-BBBB', 0, 0, 'web', 'ha_tang', 'x', 'y', '0912345678', 'u', 'overdue', 0, 0)
                    """)
            }
        }
        #expect(try store.count() == 0)
    }
}
