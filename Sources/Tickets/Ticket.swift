import Foundation

/// A 1022 ticket: a citizen's petition, where it was routed, and where it stands.
///
/// Times are UTC instants; `TicketTime` renders them with the +07:00 offset citizens and
/// officers expect. Whether the ticket is overdue is computed from its deadlines and a clock
/// (`isOverdue(at:)`), never stored.
public struct Ticket: Sendable, Hashable, Codable {
    public var id: Int64
    public var code: TicketCode
    public var createdAt: Date
    public var updatedAt: Date
    public var channel: TicketChannel
    public var category: TicketCategory
    public var description: String
    /// The chat turns that led to the ticket (empty for other channels).
    public var transcript: [TranscriptLine]
    public var location: TicketLocation
    public var citizen: Citizen
    /// The unit that holds the ticket: proposed by routing when received, confirmed when forwarded.
    public var unitID: String
    public var status: TicketStatus
    /// The last note given with a status change (the Open311 `status_notes`).
    public var statusNote: String?
    /// When the central desk must have forwarded the ticket to a unit.
    public var forwardDeadline: Date
    /// When the unit must have answered the citizen.
    public var answerDeadline: Date
    /// When the ticket was last resolved or rejected; nil while open.
    public var closedAt: Date?

    /// Whether a deadline has passed at `instant` while the ticket is still open.
    ///
    /// A ticket still waiting at the desk is late once the forwarding deadline passes; after
    /// that only the answer deadline counts.
    public func isOverdue(at instant: Date) -> Bool {
        guard status.isOpen else { return false }
        if status == .received, instant > forwardDeadline { return true }
        return instant > answerDeadline
    }

    /// How long past its deadline the ticket is at `instant` (zero when not overdue).
    public func overdueBy(at instant: Date) -> TimeInterval {
        guard isOverdue(at: instant) else { return 0 }
        let deadline = status == .received ? min(forwardDeadline, answerDeadline) : answerDeadline
        return instant.timeIntervalSince(deadline)
    }
}

/// How a ticket reached the centre.
public enum TicketChannel: String, Sendable, Codable, CaseIterable {
    case chat, web, api, officer
}

/// One turn of the chat that led to a ticket.
public struct TranscriptLine: Sendable, Hashable, Codable {
    public enum Speaker: String, Sendable, Codable { case citizen, assistant }
    public var speaker: Speaker
    public var text: String

    public init(speaker: Speaker, text: String) {
        self.speaker = speaker
        self.text = text
    }
}

/// Where the problem is.
public struct TicketLocation: Sendable, Hashable, Codable {
    /// Street address as the citizen wrote it.
    public var address: String?
    /// The ward, commune or special zone (canonical name when routing recognised it).
    public var ward: String?
    public var latitude: Double?
    public var longitude: Double?

    public init(address: String? = nil, ward: String? = nil, latitude: Double? = nil, longitude: Double? = nil) {
        self.address = address
        self.ward = ward
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// Who filed the ticket. Personal data: shown to officers, masked in logs, never published.
public struct Citizen: Sendable, Hashable, Codable {
    public var name: String
    public var phone: PhoneNumber
    public var email: String?

    public init(name: String, phone: PhoneNumber, email: String? = nil) {
        self.name = name
        self.phone = phone
        self.email = email
    }
}

/// One change to a ticket, as recorded in its append-only history.
public struct TicketHistoryEntry: Sendable, Hashable, Codable {
    /// What changed: `created`, `status`, `unit`, `directive`, `acknowledged`, `note`.
    public enum Field: String, Sendable, Codable {
        case created, status, unit, directive, acknowledged, note
    }

    public var at: Date
    public var actor: String
    public var field: Field
    public var oldValue: String?
    public var newValue: String?
    public var note: String?

    public init(at: Date, actor: String, field: Field, oldValue: String? = nil, newValue: String? = nil, note: String? = nil) {
        self.at = at
        self.actor = actor
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.note = note
    }
}

/// What a citizen may learn about their ticket: no name, phone, transcript or internal notes
/// beyond the status note written for them.
public struct CitizenTicketView: Sendable, Hashable, Codable {
    public var code: TicketCode
    public var status: TicketStatus
    public var statusName: String
    public var category: TicketCategory
    public var unitName: String
    public var createdAt: Date
    public var updatedAt: Date
    public var answerDeadline: Date
    public var statusNote: String?
}
