import GRDB

extension TicketStore {
    /// The schema, one migration per released version; never edit a migration once shipped.
    ///
    /// - `v1-tickets`: tickets and their append-only history (triggers refuse UPDATE and
    ///   DELETE on history rows, so a bug cannot rewrite the record).
    /// - `v2-officers-directives`: officer tokens (hashed), leaders' directives and their
    ///   acknowledgements.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(Schema.v1) { db in
            let statuses = TicketStatus.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let categories = TicketCategory.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let channels = TicketChannel.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            // The CHECKs repeat the Swift validation limits so that no other writer (a
            // future import, a hand-run SQL fix) can store what the API would refuse.
            try db.execute(sql: """
                CREATE TABLE tickets (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL,
                    created_at DATETIME NOT NULL,
                    updated_at DATETIME NOT NULL,
                    channel TEXT NOT NULL CHECK (channel IN (\(channels))),
                    category TEXT NOT NULL CHECK (category IN (\(categories))),
                    description TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND \(TicketLimits.description)),
                    transcript TEXT NOT NULL DEFAULT '[]',
                    address TEXT,
                    ward TEXT,
                    latitude REAL,
                    longitude REAL,
                    citizen_name TEXT NOT NULL CHECK (length(citizen_name) BETWEEN 1 AND \(TicketLimits.name)),
                    phone TEXT NOT NULL,
                    email TEXT,
                    unit_id TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN (\(statuses))),
                    status_note TEXT,
                    forward_deadline DATETIME NOT NULL,
                    answer_deadline DATETIME NOT NULL,
                    closed_at DATETIME
                );
                CREATE UNIQUE INDEX tickets_code ON tickets(code);
                CREATE INDEX tickets_unit_status ON tickets(unit_id, status);
                CREATE INDEX tickets_created_at ON tickets(created_at);
                CREATE TABLE ticket_history (
                    id INTEGER PRIMARY KEY,
                    ticket_id INTEGER NOT NULL REFERENCES tickets(id),
                    at DATETIME NOT NULL,
                    actor TEXT NOT NULL,
                    field TEXT NOT NULL,
                    old_value TEXT,
                    new_value TEXT,
                    note TEXT
                );
                CREATE INDEX ticket_history_ticket ON ticket_history(ticket_id, id);
                CREATE TRIGGER ticket_history_no_update BEFORE UPDATE ON ticket_history
                    BEGIN SELECT RAISE(ABORT, 'ticket history is append-only'); END;
                CREATE TRIGGER ticket_history_no_delete BEFORE DELETE ON ticket_history
                    BEGIN SELECT RAISE(ABORT, 'ticket history is append-only'); END;
                """)
        }
        migrator.registerMigration(Schema.v2) { db in
            try db.execute(sql: """
                CREATE TABLE officer_tokens (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    unit_id TEXT,
                    role TEXT NOT NULL CHECK (role IN ('officer', 'leader')),
                    token_hash TEXT NOT NULL,
                    created_at DATETIME NOT NULL,
                    revoked_at DATETIME
                );
                CREATE UNIQUE INDEX officer_tokens_hash ON officer_tokens(token_hash);
                CREATE UNIQUE INDEX officer_tokens_active_name ON officer_tokens(name) WHERE revoked_at IS NULL;
                CREATE TABLE directives (
                    id INTEGER PRIMARY KEY,
                    target_kind TEXT NOT NULL CHECK (target_kind IN ('ticket', 'category', 'ward')),
                    target TEXT NOT NULL,
                    text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND \(TicketLimits.directive)),
                    author TEXT NOT NULL,
                    created_at DATETIME NOT NULL
                );
                CREATE INDEX directives_target ON directives(target_kind, target);
                CREATE TABLE directive_acks (
                    directive_id INTEGER NOT NULL REFERENCES directives(id),
                    unit_id TEXT NOT NULL,
                    officer TEXT NOT NULL,
                    at DATETIME NOT NULL,
                    PRIMARY KEY (directive_id, unit_id)
                );
                """)
        }
        return migrator
    }

    /// Migration identifiers, oldest first.
    public enum Schema {
        public static let v1 = "v1-tickets"
        public static let v2 = "v2-officers-directives"
        public static let all = [v1, v2]
    }
}

/// Input bounds shared by validation and the schema's CHECK constraints.
public enum TicketLimits {
    /// Characters in a description: room for a detailed complaint, not for a pasted file.
    public static let description = 5000
    public static let name = 100
    public static let address = 300
    public static let email = 254
    public static let note = 2000
    public static let directive = 1000
    /// Transcript turns and total characters kept with a ticket.
    public static let transcriptTurns = 100
    public static let transcriptCharacters = 50_000
}
