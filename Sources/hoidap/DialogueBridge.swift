import Dialogue
import HoiDapService
import Knowledge
import OrderedJSON
import Retrieval
import Tickets

/// Connects the HTTP service to the dialogue: the chat engine and the procedure catalog
/// `serve` answers with, over the curated corpus and the ticket store.
extension ServeCommand {
    static func makeEngines(knowledge: KnowledgeBase, store: TicketStore, memo: Int) throws -> ServeEngines {
        let names = Dictionary(knowledge.units.units.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let engine = DialogueEngine(knowledge: knowledge, desk: StoreTicketDesk(store: store, unitNames: names), memo: memo)
        return ServeEngines(chat: DialogueChatEngine(engine: engine), catalog: DialogueCatalog(engine: engine))
    }
}

/// The dialogue as the service's chat engine.
struct DialogueChatEngine: ChatEngine {
    let engine: DialogueEngine

    func reply(to turn: ChatTurn) -> JSON {
        engine.reply(session: turn.session, message: turn.message, canFileTicket: turn.canFileTicket).json
    }

    var memoCounts: (hits: Int, misses: Int)? {
        guard engine.memoCapacity > 0 else { return nil }
        let counts = engine.memoCounts
        return (counts.hits, counts.misses)
    }
}

/// Procedures by id and search, for `GET /api/procedures/{id}` and `GET /api/search`.
struct DialogueCatalog: ProcedureCatalog {
    let engine: DialogueEngine

    func procedure(id: String) -> JSON? {
        guard let procedure = engine.knowledge.procedure(id: id) else { return nil }
        return .object([
            ("id", .string(procedure.id)), ("kind", .string(procedure.kind.rawValue)), ("code", .string(procedure.code)),
            ("title", .string(procedure.title)), ("aliases", .strings(procedure.aliases)), ("field", .string(procedure.field)),
            ("level", .string(procedure.level)), ("agency", .string(procedure.agency)),
            ("where", .object([("offices", .strings(procedure.place.offices)), ("online", .optional(procedure.place.online))])),
            ("channels", .strings(procedure.channels.map(\.rawValue))), ("steps", .strings(procedure.steps)),
            ("documents", .array(procedure.documents.map {
                .object([("name", .string($0.name)), ("form", .optional($0.form)), ("count", .optional($0.count)), ("note", .optional($0.note))])
            })),
            ("duration", .array(procedure.duration.map { .object([("channel", .optional($0.channel?.rawValue)), ("time", .string($0.time))]) })),
            ("fee", .array(procedure.fee.map {
                .object([("channel", .optional($0.channel?.rawValue)), ("amount", .string($0.amount)), ("note", .optional($0.note))])
            })),
            ("exemptions", .strings(procedure.exemptions)), ("requirements", .strings(procedure.requirements)),
            ("result", .string(procedure.result)), ("legal_basis", .strings(procedure.legalBasis)), ("notes", .strings(procedure.notes)),
            ("source", .optional(procedure.source)), ("updated", .string(procedure.updated)),
        ])
    }

    func search(_ query: String, limit: Int) -> JSON {
        let hits = engine.procedures.search(query, limit: max(1, min(limit, 50)))
        return .object([
            ("query", .string(query)),
            ("results", .array(hits.map { hit in
                .object([("id", .string(hit.id)), ("title", .string(hit.title)),
                         ("code", .string(engine.knowledge.procedure(id: hit.id)?.code ?? "")),
                         ("score", .double((hit.score * 100).rounded() / 100))])
            })),
        ])
    }
}
