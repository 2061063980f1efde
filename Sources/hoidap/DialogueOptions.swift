import ArgumentParser
import Dialogue
import Foundation
import Knowledge
import Tickets

/// Loading the knowledge and a ticket desk for the commands that talk (`ask`, `chat`, `serve`, `eval --chat`).
struct DialogueOptions: ParsableArguments {
    @OptionGroup var data: DataOptions

    @Option(help: "The ticket database chat reports are filed in (SQLite).")
    var db = "var/hoidap.sqlite"

    @Flag(help: "File reports in memory instead of the database (nothing is kept).")
    var noTickets = false

    func knowledge() throws -> KnowledgeBase {
        do { return try KnowledgeBase.load(corpus: data.corpusDirectory, intents: data.intentsDirectory) } catch {
            throw ValidationError("the knowledge files are invalid:\n\(error.description)")
        }
    }

    func desk(_ knowledge: KnowledgeBase) throws -> any TicketDesk {
        if noTickets { return InMemoryTicketDesk() }
        let units = knowledge.units.units.map { unit in
            TicketUnit(id: unit.id, name: unit.name, kind: TicketUnit.Kind(rawValue: unit.kind.rawValue) ?? .other,
                       categories: Set(unit.categories.compactMap(TicketCategory.init(rawValue:))), area: unit.area)
        }
        do {
            let store = try TicketStore(path: db, router: try TicketRouter(units: units))
            return StoreTicketDesk(store: store, unitNames: Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }))
        } catch {
            throw ValidationError("cannot open the ticket database \(db): \(error)")
        }
    }

    func engine() throws -> DialogueEngine {
        let knowledge = try knowledge()
        return DialogueEngine(knowledge: knowledge, desk: try desk(knowledge))
    }
}
