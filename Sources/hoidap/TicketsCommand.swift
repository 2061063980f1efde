import ArgumentParser
import Foundation
import Knowledge
import Tickets

/// `hoidap tickets`: the 1022 officers' terminal for tickets, tokens and directives.
struct TicketsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tickets",
        abstract: "Work 1022 tickets: list, show, assign, update, reopen; officer tokens; leaders' directives.",
        subcommands: [
            TicketsListCommand.self, TicketsShowCommand.self, TicketsAssignCommand.self, TicketsUpdateCommand.self,
            TicketsReopenCommand.self, TicketsNoteCommand.self, TicketsCreateCommand.self, TicketsLookupCommand.self,
            TicketsTokenCommand.self, TicketsDirectiveCommand.self, TicketsStressWriterCommand.self,
        ]
    )
}

/// Where tickets live and what routes and times them; shared by `tickets`, `report` and `serve`.
struct TicketStoreOptions: ParsableArguments {
    @Option(help: "The ticket database (SQLite, created if missing).")
    var db = "var/hoidap.sqlite"

    @Option(help: "The units file that routing and unit names come from.")
    var units = "corpus/units.yaml"

    @Option(help: "A holidays JSON file replacing the built-in list ({\"holidays\": [{\"date\": \"2026-09-01\", \"name\": \"…\"}]}).")
    var holidays: String?

    @Option(help: "Deadlines per category, JSON ({\"ha_tang\": {\"forward_minutes\": 60, \"answer_working_days\": 5}}).")
    var deadlines: String?

    /// The units of `corpus/units.yaml` as routing input.
    func ticketUnits() throws -> [TicketUnit] {
        let catalog: UnitCatalog
        do {
            catalog = try UnitCatalog.load(path: units)
        } catch {
            throw ValidationError("the units file is invalid:\n\(error.description)")
        }
        return catalog.units.map { unit in
            TicketUnit(id: unit.id, name: unit.name, kind: TicketUnit.Kind(rawValue: unit.kind.rawValue) ?? .other,
                       categories: Set(unit.categories.compactMap(TicketCategory.init(rawValue:))), area: unit.area)
        }
    }

    func policy() throws -> DeadlinePolicy {
        var calendar = WorkingCalendar.default
        if let holidays {
            calendar = try WorkingCalendar.load(json: try read(holidays))
        }
        guard let deadlines else { return DeadlinePolicy(rules: DeadlinePolicy.default.rules, calendar: calendar) }
        return try DeadlinePolicy.load(json: try read(deadlines), calendar: calendar)
    }

    func openStore(log: Bool = false) throws -> TicketStore {
        let router = try TicketRouter(units: try ticketUnits())
        var options = TicketStore.Options()
        if log { options.log = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) } }
        return try TicketStore(path: db, router: router, policy: try policy(), options: options)
    }

    private func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
        return data
    }
}

/// Who is acting: an officer's token (scopes to their unit) or the local terminal user.
struct TicketActorOptions: ParsableArguments {
    @Option(help: "An officer token; defaults to $HOIDAP_TOKEN. Without one, you act as the local user with full access.")
    var token: String?

    @Option(help: "The name recorded in the history when acting without a token.")
    var actor: String?

    func resolve(_ store: TicketStore) throws -> TicketActor {
        if let token = token ?? ProcessInfo.processInfo.environment["HOIDAP_TOKEN"], !token.isEmpty {
            return .officer(try store.authenticate(token: token))
        }
        let user = ProcessInfo.processInfo.environment["USER"] ?? "officer"
        return .system(actor ?? "cli:\(user)")
    }
}

enum TicketOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

extension TicketCode: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension TicketStatus: ExpressibleByArgument {}

extension TicketCategory: ExpressibleByArgument {}

/// A runtime failure worth one clear line (no usage text: the arguments were fine).
struct TicketCommandError: Error, CustomStringConvertible {
    var description: String
}

extension TicketError {
    /// Surfaces a store error as a command-line error with its clear text.
    var cli: TicketCommandError { TicketCommandError(description: description) }
}

/// Runs a command body, turning `TicketError`s into plain command-line errors.
func withTicketErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as TicketError {
        throw error.cli
    }
}
