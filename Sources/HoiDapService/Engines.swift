import OrderedJSON

/// One citizen message for the chat engine.
public struct ChatTurn: Sendable, Equatable {
    /// The session id the client sent back, or nil for a new conversation.
    public var session: String?
    /// The message, NFC-normalized and trimmed, 1…`ChatLimits.messageCharacters` characters.
    public var message: String
    /// False when this client has filed its allowance of tickets: the engine must not create
    /// one now and should tell the citizen to try later or call 1022.
    public var canFileTicket: Bool

    public init(session: String?, message: String, canFileTicket: Bool = true) {
        self.session = session
        self.message = message
        self.canFileTicket = canFileTicket
    }
}

/// What answers a citizen's message: the Dialogue module in production, a fake in tests.
///
/// `reply` returns the DESIGN.md chat reply object (`session`, `intent`, `answer`, `procedure`,
/// `aspect`, `category`, `confidence`, `candidates`, `suggestions`, `ticket`); the service sends it
/// as is and reads `intent` and `ticket` for metrics. Called concurrently from the server's
/// threads. Optional extra keys the widget understands: `sources` (`[{"title", "url"}]`),
/// shown as links under the answer.
public protocol ChatEngine: Sendable {
    func reply(to turn: ChatTurn) -> JSON
    /// Messages answered from the engine's memo of earlier readings, and those read afresh
    /// (nil: the engine keeps no memo); shown on `/metrics`.
    var memoCounts: (hits: Int, misses: Int)? { get }
}

extension ChatEngine {
    public var memoCounts: (hits: Int, misses: Int)? { nil }
}

/// The procedures behind `GET /api/procedures/{id}` and `GET /api/search?q=`.
public protocol ProcedureCatalog: Sendable {
    /// The procedure record as JSON, or nil for an unknown id.
    func procedure(id: String) -> JSON?
    /// Ranked results for a query: `{"query", "results": [{"id", "title", "score", …}]}`.
    func search(_ query: String, limit: Int) -> JSON
}
