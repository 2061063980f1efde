import Foundation
import GRDB

/// The durable home of 1022 tickets: one SQLite file in WAL mode.
///
/// Every write is one IMMEDIATE transaction with `synchronous = FULL`, so a ticket whose code
/// was handed to a citizen survives a crash or power cut; several processes (`serve` and the
/// officers' `hoidap tickets …`) may share the file. A locked database is waited for
/// (`busyTimeout`), then retried a bounded number of times before `TicketError.busy`.
///
///     let store = try TicketStore(path: "var/hoidap.sqlite", router: router)
///     let ticket = try store.create(NewTicket(...), by: .citizen)
///     print(ticket.code)   // 1022-7KQ4-XM2D
public final class TicketStore: Sendable {
    /// Tuning knobs; the defaults suit production.
    public struct Options: Sendable {
        /// How long SQLite waits on a lock before reporting SQLITE_BUSY.
        public var busyTimeout: TimeInterval = 5
        /// Attempts of a write that keeps meeting SQLITE_BUSY (the first try included).
        public var busyAttempts = 4
        /// Attempts to find an unused ticket code.
        public var codeAttempts = 8
        /// Where new codes come from (tests inject collisions).
        public var codeGenerator: @Sendable () -> TicketCode = { TicketCode.random() }
        /// Receives one line per change, with personal data masked; nil logs nothing.
        public var log: (@Sendable (String) -> Void)?

        public init() {}
    }

    public let path: String
    public let router: TicketRouter
    public let policy: DeadlinePolicy
    public let clock: any TicketClock
    let options: Options
    let pool: DatabasePool

    /// Opens (creating if needed) the database at `path` and migrates it to the current schema.
    /// - Throws: `TicketError.database` when the file cannot be opened or migrated.
    public init(path: String, router: TicketRouter, policy: DeadlinePolicy = .default,
                clock: any TicketClock = SystemClock(), options: Options = Options()) throws(TicketError) {
        self.path = path
        self.router = router
        self.policy = policy
        self.clock = clock
        self.options = options
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw .database("cannot create the folder \(directory)")
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(options.busyTimeout)
        configuration.label = "tickets"
        configuration.prepareDatabase { db in
            // FULL: the WAL is fsynced at every commit, so a committed ticket survives power loss,
            // not only a killed process (NORMAL would only guarantee the latter).
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw .database("cannot open the ticket database: \(TicketError.wrap(error).description)")
        }
        try migrate(upTo: nil)
    }

    /// Applies migrations up to `target` (nil: all). Tests use a target to build an old schema.
    func migrate(upTo target: String?) throws(TicketError) {
        do {
            if let target {
                try Self.migrator.migrate(pool, upTo: target)
            } else {
                try Self.migrator.migrate(pool)
            }
        } catch {
            throw .database("migration failed: \(TicketError.wrap(error).description)")
        }
    }

    /// The applied migration identifiers, oldest first.
    public func appliedMigrations() throws(TicketError) -> [String] {
        try read { db in try Self.migrator.appliedMigrations(db) }
    }

    /// `PRAGMA integrity_check`: `["ok"]` for a healthy file.
    public func integrityCheck() throws(TicketError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// The current time at the precision tickets are stored with.
    var now: Date { clock.now().wholeSeconds }

    // MARK: - Transactions

    /// Runs `body` in a write transaction, retrying a bounded number of times on SQLITE_BUSY.
    func write<T>(_ body: (Database) throws -> T) throws(TicketError) -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try pool.write(body)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                if attempt >= options.busyAttempts { throw .busy(attempts: attempt) }
                // The busy handler already waited `busyTimeout`; back off a little more so a
                // writer holding the lock for a long batch can finish.
                Thread.sleep(forTimeInterval: 0.01 * Double(attempt))
            } catch {
                throw TicketError.wrap(error)
            }
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(TicketError) -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw .busy(attempts: 1)
        } catch {
            throw TicketError.wrap(error)
        }
    }

    func log(_ line: @autoclosure () -> String) {
        options.log?(line())
    }

    // MARK: - Reading tickets

    /// The ticket with this code, for officers (no phone check).
    public func ticket(code: TicketCode) throws(TicketError) -> Ticket {
        guard let ticket = try read({ db in try Self.fetchTicket(db, code: code) }) else { throw .notFound }
        return ticket
    }

    /// The ticket's history, oldest first.
    public func history(of code: TicketCode) throws(TicketError) -> [TicketHistoryEntry] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT h.* FROM ticket_history h JOIN tickets t ON t.id = h.ticket_id
                WHERE t.code = ? ORDER BY h.id
                """, arguments: [code.text])
            return rows.map(Self.historyEntry)
        }
    }

    /// How many tickets the file holds.
    public func count() throws(TicketError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tickets") ?? 0 }
    }

    static func fetchTicket(_ db: Database, code: TicketCode) throws -> Ticket? {
        try Row.fetchOne(db, sql: "SELECT * FROM tickets WHERE code = ?", arguments: [code.text]).map(ticket)
    }

    static func ticket(_ row: Row) throws -> Ticket {
        let transcriptText: String = row["transcript"]
        let transcript = (try? JSONDecoder().decode([TranscriptLine].self, from: Data(transcriptText.utf8))) ?? []
        guard let channel = TicketChannel(rawValue: row["channel"]),
              let category = TicketCategory(rawValue: row["category"]),
              let status = TicketStatus(rawValue: row["status"])
        else {
            throw TicketError.database("ticket #\(row["id"] as Int64) has a value the CHECK constraints should have refused")
        }
        // Phones were validated on the way in; a stored number that no longer parses would be
        // a rule change, and the officer still needs to see it.
        let phoneText: String = row["phone"]
        let phone = (try? PhoneNumber(phoneText)) ?? PhoneNumber(unchecked: phoneText)
        return Ticket(
            id: row["id"], code: TicketCode(unchecked: row["code"]),
            createdAt: row["created_at"], updatedAt: row["updated_at"],
            channel: channel, category: category, description: row["description"], transcript: transcript,
            location: TicketLocation(address: row["address"], ward: row["ward"], latitude: row["latitude"], longitude: row["longitude"]),
            citizen: Citizen(name: row["citizen_name"], phone: phone, email: row["email"]),
            unitID: row["unit_id"], status: status, statusNote: row["status_note"],
            forwardDeadline: row["forward_deadline"], answerDeadline: row["answer_deadline"], closedAt: row["closed_at"])
    }

    static func historyEntry(_ row: Row) -> TicketHistoryEntry {
        TicketHistoryEntry(at: row["at"], actor: row["actor"],
                           field: TicketHistoryEntry.Field(rawValue: row["field"]) ?? .note,
                           oldValue: row["old_value"], newValue: row["new_value"], note: row["note"])
    }

    static func appendHistory(_ db: Database, ticketID: Int64, _ entry: TicketHistoryEntry) throws {
        try db.execute(sql: """
            INSERT INTO ticket_history (ticket_id, at, actor, field, old_value, new_value, note)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [ticketID, entry.at, entry.actor, entry.field.rawValue, entry.oldValue, entry.newValue, entry.note])
    }
}
