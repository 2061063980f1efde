import Foundation

/// The officer's JSON view of a ticket: every field, times as ISO 8601 with +07:00,
/// statuses with their Vietnamese names, and whether it is overdue at the time of reading.
///
/// Used by `hoidap tickets list|show --json` and the officer API; contains personal data,
/// so it is never logged or published.
public struct TicketView: Sendable, Encodable {
    public struct HistoryView: Sendable, Encodable {
        var at: String
        var actor: String
        var field: String
        var old: String?
        var new: String?
        var note: String?
    }

    public struct DirectiveView: Sendable, Encodable {
        var id: Int64
        var target: String
        var text: String
        var author: String
        var created_at: String
        var acknowledged_by: [String]
    }

    var code: String
    var status: String
    var status_name: String
    var status_note: String?
    var category: String
    var category_name: String
    var channel: String
    var unit: String
    var unit_name: String?
    var created_at: String
    var updated_at: String
    var forward_deadline: String
    var answer_deadline: String
    var closed_at: String?
    var overdue: Bool
    var description: String
    var address: String?
    var ward: String?
    var lat: Double?
    var long: Double?
    var name: String
    var phone: String
    var email: String?
    var transcript: [TranscriptLine]?
    var history: [HistoryView]?
    var directives: [DirectiveView]?

    /// - Parameters:
    ///   - history, directives: included when given (`show`), omitted in lists.
    public init(_ ticket: Ticket, at instant: Date, unitName: String?, history: [TicketHistoryEntry]? = nil,
                directives: [Directive]? = nil, includeTranscript: Bool = false) {
        code = ticket.code.text
        status = ticket.status.rawValue
        status_name = ticket.status.displayName
        status_note = ticket.statusNote
        category = ticket.category.rawValue
        category_name = ticket.category.displayName
        channel = ticket.channel.rawValue
        unit = ticket.unitID
        unit_name = unitName
        created_at = TicketTime.iso8601(ticket.createdAt)
        updated_at = TicketTime.iso8601(ticket.updatedAt)
        forward_deadline = TicketTime.iso8601(ticket.forwardDeadline)
        answer_deadline = TicketTime.iso8601(ticket.answerDeadline)
        closed_at = ticket.closedAt.map(TicketTime.iso8601)
        overdue = ticket.isOverdue(at: instant)
        description = ticket.description
        address = ticket.location.address
        ward = ticket.location.ward
        lat = ticket.location.latitude
        long = ticket.location.longitude
        name = ticket.citizen.name
        phone = ticket.citizen.phone.national
        email = ticket.citizen.email
        transcript = includeTranscript ? ticket.transcript : nil
        self.history = history?.map {
            HistoryView(at: TicketTime.iso8601($0.at), actor: $0.actor, field: $0.field.rawValue, old: $0.oldValue, new: $0.newValue, note: $0.note)
        }
        self.directives = directives?.map {
            DirectiveView(id: $0.id, target: $0.target.displayName, text: $0.text, author: $0.author,
                          created_at: TicketTime.iso8601($0.createdAt), acknowledged_by: $0.acknowledgements.map(\.unitID))
        }
    }
}

/// JSON with sorted keys, unescaped slashes and readable Vietnamese (no \u escapes).
public enum TicketJSON {
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = true) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}
