import Foundation
import GRDB

/// What a caller supplies to file a ticket; `TicketStore.create` validates all of it.
///
/// Fields are raw text as received (chat, web form, Open311, officer), so validation can
/// report exactly which one is wrong.
public struct NewTicket: Sendable, Hashable {
    public var channel: TicketChannel
    public var category: String
    public var description: String
    public var transcript: [TranscriptLine]
    public var address: String?
    public var ward: String?
    public var latitude: Double?
    public var longitude: Double?
    public var name: String
    public var phone: String
    public var email: String?

    public init(channel: TicketChannel, category: String, description: String, transcript: [TranscriptLine] = [],
                address: String? = nil, ward: String? = nil, latitude: Double? = nil, longitude: Double? = nil,
                name: String, phone: String, email: String? = nil) {
        self.channel = channel
        self.category = category
        self.description = description
        self.transcript = transcript
        self.address = address
        self.ward = ward
        self.latitude = latitude
        self.longitude = longitude
        self.name = name
        self.phone = phone
        self.email = email
    }
}

/// Who performs an action; the history records `name`.
public enum TicketActor: Sendable, Hashable {
    /// A citizen filing or reading their own ticket.
    case citizen
    /// An authenticated officer (token); scoped to their unit when they have one.
    case officer(Officer)
    /// A trusted local process: the terminal (`cli:USER`), the scheduler, a test.
    case system(String)

    public var name: String {
        switch self {
        case .citizen: "citizen"
        case let .officer(officer): "officer:\(officer.name)"
        case let .system(name): name
        }
    }
}

extension TicketStore {
    /// Validates, routes and stores a new ticket with its first history entry.
    ///
    /// The returned ticket is committed (fsynced) before this returns, so its code may be
    /// given to the citizen. A code collision is retried with a fresh code.
    /// - Throws: `TicketError` for invalid input (nothing is written), `.busy` when the file
    ///   stays locked, `.codeSpaceExhausted` after `Options.codeAttempts` collisions.
    public func create(_ input: NewTicket, by actor: TicketActor) throws(TicketError) -> Ticket {
        let valid = try Self.validate(input)
        let decision = router.route(category: valid.category, ward: valid.location.ward)
        var location = valid.location
        if let area = decision.area { location.ward = area }
        let created = now
        let deadlines = policy.deadlines(for: valid.category, receivedAt: created)
        let transcript = String(decoding: (try? JSONEncoder().encode(valid.transcript)) ?? Data("[]".utf8), as: UTF8.self)

        for _ in 0..<options.codeAttempts {
            let code = options.codeGenerator()
            let inserted = try write { db -> Int64? in
                do {
                    try db.execute(sql: """
                        INSERT INTO tickets (code, created_at, updated_at, channel, category, description, transcript,
                            address, ward, latitude, longitude, citizen_name, phone, email, unit_id, status,
                            forward_deadline, answer_deadline)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [
                            code.text, created, created, input.channel.rawValue, valid.category.rawValue, valid.description, transcript,
                            location.address, location.ward, location.latitude, location.longitude,
                            valid.citizen.name, valid.citizen.phone.national, valid.citizen.email, decision.unit.id,
                            TicketStatus.received.rawValue, deadlines.forward, deadlines.answer,
                        ])
                } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                    // The only UNIQUE index on tickets is the code: another ticket has it.
                    // The failed statement is undone; the empty transaction commits harmlessly.
                    return nil
                }
                let id = db.lastInsertedRowID
                try Self.appendHistory(db, ticketID: id, TicketHistoryEntry(
                    at: created, actor: actor.name, field: .created, newValue: TicketStatus.received.rawValue,
                    note: "routed to \(decision.unit.id) (\(decision.rule))"))
                return id
            }
            guard let id = inserted else {
                log("ticket code collision, retrying with a fresh code")
                continue
            }
            log("ticket \(code) created via \(input.channel.rawValue) by \(actor.name): \(valid.category.rawValue) → \(decision.unit.id), citizen \(LogMask.name(valid.citizen.name)) \(LogMask.phone(valid.citizen.phone.national))")
            return Ticket(id: id, code: code, createdAt: created, updatedAt: created, channel: input.channel,
                          category: valid.category, description: valid.description, transcript: valid.transcript,
                          location: location, citizen: valid.citizen, unitID: decision.unit.id, status: .received,
                          statusNote: nil, forwardDeadline: deadlines.forward, answerDeadline: deadlines.answer, closedAt: nil)
        }
        throw .codeSpaceExhausted(attempts: options.codeAttempts)
    }

    /// What a citizen may see of their ticket, given its code and the phone number they filed with.
    ///
    /// A wrong code and a wrong phone give the same `.notFound`, so neither codes nor phone
    /// numbers can be probed. A malformed code is also `.notFound`; a malformed phone number
    /// is `.invalidPhone`, which depends only on the input, not on any stored ticket.
    public func lookup(code text: String, phone: String) throws(TicketError) -> CitizenTicketView {
        let phone = try PhoneNumber(phone)
        guard let code = TicketCode(parsing: text) else { throw .notFound }
        guard let ticket = try read({ db in try Self.fetchTicket(db, code: code) }),
              ticket.citizen.phone.national == phone.national
        else { throw .notFound }
        return citizenView(ticket)
    }

    /// The citizen's view of a ticket (no personal data, no internal history).
    public func citizenView(_ ticket: Ticket) -> CitizenTicketView {
        CitizenTicketView(code: ticket.code, status: ticket.status, statusName: ticket.status.displayName,
                          category: ticket.category, unitName: router.unit(id: ticket.unitID)?.name ?? ticket.unitID,
                          createdAt: ticket.createdAt, updatedAt: ticket.updatedAt,
                          answerDeadline: ticket.answerDeadline, statusNote: ticket.statusNote)
    }

    struct ValidTicket {
        var category: TicketCategory
        var description: String
        var transcript: [TranscriptLine]
        var location: TicketLocation
        var citizen: Citizen
    }

    /// Checks every field; the first problem found is thrown, in field order.
    static func validate(_ input: NewTicket) throws(TicketError) -> ValidTicket {
        let categoryText = input.category.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !categoryText.isEmpty else { throw .invalidInput(field: "category", message: "is required") }
        guard let category = TicketCategory(rawValue: categoryText) else { throw .unknownCategory(categoryText) }
        let description = try text(input.description, field: "description", limit: TicketLimits.description, multiline: true)
        guard let description else { throw .invalidInput(field: "description", message: "is required") }
        guard input.transcript.count <= TicketLimits.transcriptTurns else {
            throw .invalidInput(field: "transcript", message: "has more than \(TicketLimits.transcriptTurns) turns")
        }
        var transcript: [TranscriptLine] = []
        var transcriptSize = 0
        for line in input.transcript {
            transcriptSize += line.text.count
            guard transcriptSize <= TicketLimits.transcriptCharacters else {
                throw .invalidInput(field: "transcript", message: "is longer than \(TicketLimits.transcriptCharacters) characters")
            }
            transcript.append(TranscriptLine(speaker: line.speaker, text: clean(line.text, multiline: true)))
        }
        let address = try text(input.address, field: "address", limit: TicketLimits.address)
        let ward = try text(input.ward, field: "ward", limit: TicketLimits.address)
        switch (input.latitude, input.longitude) {
        case (nil, nil): break
        case let (lat?, long?):
            guard lat.isFinite, long.isFinite, (-90...90).contains(lat), (-180...180).contains(long) else {
                throw .invalidInput(field: "lat/long", message: "latitude must be within ±90 and longitude within ±180")
            }
        default: throw .invalidInput(field: "lat/long", message: "give both latitude and longitude, or neither")
        }
        guard let name = try text(input.name, field: "name", limit: TicketLimits.name) else {
            throw .invalidInput(field: "name", message: "is required")
        }
        let phone = try PhoneNumber(input.phone)
        let email = try text(input.email, field: "email", limit: TicketLimits.email)
        if let email, !isPlausibleEmail(email) {
            throw .invalidInput(field: "email", message: "is not an email address (name@domain)")
        }
        return ValidTicket(category: category, description: description, transcript: transcript,
                           location: TicketLocation(address: address, ward: ward, latitude: input.latitude, longitude: input.longitude),
                           citizen: Citizen(name: name, phone: phone, email: email))
    }

    /// NFC, trimmed, control characters removed; nil when empty. Length counts characters
    /// after cleaning, and is checked on the raw UTF-8 size first so a 10 MB paste is refused
    /// without being processed.
    static func text(_ value: String?, field: String, limit: Int, multiline: Bool = false) throws(TicketError) -> String? {
        guard let value else { return nil }
        guard value.utf8.count <= limit * 4 else {
            throw .invalidInput(field: field, message: "is longer than \(limit) characters")
        }
        let cleaned = clean(value, multiline: multiline)
        guard cleaned.count <= limit else { throw .invalidInput(field: field, message: "is longer than \(limit) characters") }
        return cleaned.isEmpty ? nil : cleaned
    }

    static func clean(_ value: String, multiline: Bool) -> String {
        let scalars = value.precomposedStringWithCanonicalMapping.unicodeScalars.filter { scalar in
            if scalar == "\n" { return multiline }
            return !(scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format)
        }
        return String(String.UnicodeScalarView(scalars)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func isPlausibleEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else {
            return false
        }
        return !email.contains(where: \.isWhitespace)
    }
}
