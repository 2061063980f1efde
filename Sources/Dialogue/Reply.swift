import Knowledge
import OrderedJSON

/// What the assistant recognised a message as.
public enum Intent: String, Sendable, CaseIterable {
    case procedure, clarify, escalate
    case ticketStatus = "ticket_status"
    case greeting, thanks, goodbye, identity, help
    case outOfScope = "out_of_scope"

    init(_ chitChat: ChitChat) { self = Intent(rawValue: chitChat.rawValue)! }
}

/// One reply, following the chat contract of DESIGN.md field by field.
public struct Reply: Sendable, Equatable {
    /// A procedure the reply is about, with its retrieval score.
    public struct ProcedureRef: Sendable, Equatable {
        public var id: String
        public var title: String
        public var code: String
        public var score: Double
    }

    /// A ticket created or looked up in this turn.
    public struct TicketRef: Sendable, Equatable {
        public var code: String
        public var status: String
        public var expectedBy: String?
        public var unit: String?
    }

    public var session: String
    public var intent: Intent
    public var answer: String
    public var procedure: ProcedureRef?
    public var aspect: Aspect?
    public var category: EscalationCategory?
    public var confidence: Double
    public var candidates: [ProcedureRef]
    public var suggestions: [String]
    public var ticket: TicketRef?

    /// The contract's JSON object, keys in the documented order.
    public var json: JSON {
        .object([
            ("session", .string(session)),
            ("intent", .string(intent.rawValue)),
            ("answer", .string(answer)),
            ("procedure", procedure.map(Self.json) ?? .null),
            ("aspect", aspect.map { .string($0.rawValue) } ?? .null),
            ("category", category.map { .string($0.rawValue) } ?? .null),
            ("confidence", .double((confidence * 1000).rounded() / 1000)),
            ("candidates", .array(candidates.map { .object([("id", .string($0.id)), ("title", .string($0.title)), ("score", .double(Self.round($0.score)))]) })),
            ("suggestions", .strings(suggestions)),
            ("ticket", ticket.map { ticket in
                .object([("code", .string(ticket.code)), ("status", .string(ticket.status)),
                         ("expected_by", .optional(ticket.expectedBy)), ("unit", .optional(ticket.unit))])
            } ?? .null),
        ])
    }

    static func json(_ procedure: ProcedureRef) -> JSON {
        .object([("id", .string(procedure.id)), ("title", .string(procedure.title)), ("code", .string(procedure.code)),
                 ("score", .double(round(procedure.score)))])
    }

    static func round(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
