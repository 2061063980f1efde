import ArgumentParser
import Foundation
import Tickets

/// `hoidap tickets list`: the officer's worklist, filtered, as a table or JSON.
struct TicketsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List tickets, newest first.")

    @OptionGroup var store: TicketStoreOptions
    @OptionGroup var who: TicketActorOptions

    @Option(help: "Only these statuses (repeatable): \(TicketStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
    var status: [TicketStatus] = []

    @Option(help: "Only this unit's tickets (unit id).")
    var unit: String?

    @Option(help: "Only this category.")
    var category: TicketCategory?

    @Option(help: "Only this ward or commune (with or without diacritics).")
    var ward: String?

    @Flag(help: "Only overdue tickets.")
    var overdue = false

    @Option(help: "Created on or after (YYYY-MM-DD or ISO 8601).")
    var from: String?

    @Option(help: "Created before (YYYY-MM-DD or ISO 8601).")
    var to: String?

    @Option(help: "At most this many tickets.")
    var limit = 100

    @Option(help: "Output format.")
    var format: TicketOutputFormat = .table

    func run() throws {
        let store = try store.openStore()
        var filter = TicketFilter()
        filter.statuses = Set(status)
        filter.unitID = unit
        filter.category = category
        filter.ward = ward
        filter.overdue = overdue ? true : nil
        filter.from = try from.map { try parseTime($0, option: "--from") }
        filter.to = try to.map { try parseTime($0, option: "--to") }
        filter.limit = limit
        let now = Date()
        let tickets = try withTicketErrors { try store.tickets(filter, at: now, by: try who.resolve(store)) }
        switch format {
        case .json:
            print(TicketJSON.encode(tickets.map { TicketView($0, at: now, unitName: store.router.unit(id: $0.unitID)?.name) }))
        case .table:
            print(TicketTable.render(tickets, at: now))
        }
    }
}

/// `hoidap tickets show CODE`: one ticket with its history and directives.
struct TicketsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a ticket with its full history.")

    @OptionGroup var store: TicketStoreOptions
    @OptionGroup var who: TicketActorOptions

    @Argument(help: "The ticket code (1022-XXXX-XXXX).")
    var code: TicketCode

    @Option(help: "Output format.")
    var format: TicketOutputFormat = .table

    func run() throws {
        let store = try store.openStore()
        let now = Date()
        try withTicketErrors {
            let actor = try who.resolve(store)
            let ticket = try store.ticket(code: code)
            if case let .officer(officer) = actor, let unit = officer.unitID, unit != ticket.unitID {
                throw TicketError.forbidden("the ticket belongs to another unit")
            }
            let history = try store.history(of: code)
            let directives = try store.directives(for: code)
            let unitName = store.router.unit(id: ticket.unitID)?.name
            switch format {
            case .json:
                print(TicketJSON.encode(TicketView(ticket, at: now, unitName: unitName, history: history, directives: directives,
                                                   includeTranscript: true)))
            case .table:
                print(TicketTable.detail(ticket, unitName: unitName, history: history, directives: directives, at: now))
            }
        }
    }
}

/// `hoidap tickets assign CODE UNIT`: forward or reassign to a unit.
struct TicketsAssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Forward a ticket to a unit (or reassign it).")

    @OptionGroup var store: TicketStoreOptions
    @OptionGroup var who: TicketActorOptions

    @Argument(help: "The ticket code.") var code: TicketCode
    @Argument(help: "The unit id from the units file.") var unit: String
    @Option(help: "Why (kept in the history).") var note: String?

    func run() throws {
        let store = try store.openStore(log: true)
        let ticket = try withTicketErrors { try store.assign(code, to: unit, note: note, by: try who.resolve(store)) }
        print("\(ticket.code)  \(ticket.status.displayName)  → \(store.router.unit(id: ticket.unitID)?.name ?? ticket.unitID)")
    }
}

/// `hoidap tickets update CODE --status S`: move a ticket along the workflow.
struct TicketsUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "update", abstract: "Change a ticket's status (in_progress, resolved, rejected, …).")

    @OptionGroup var store: TicketStoreOptions
    @OptionGroup var who: TicketActorOptions

    @Argument(help: "The ticket code.") var code: TicketCode
    @Option(help: "The new status: \(TicketStatus.allCases.map(\.rawValue).joined(separator: ", ")).") var status: TicketStatus
    @Option(help: "The note the citizen reads (required to reject).") var note: String?

    func run() throws {
        let store = try store.openStore(log: true)
        let ticket = try withTicketErrors { try store.transition(code, to: status, note: note, by: try who.resolve(store)) }
        print("\(ticket.code)  \(ticket.status.displayName)")
    }
}

/// `hoidap tickets reopen CODE --note …`: a closed ticket comes back.
struct TicketsReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen a resolved or rejected ticket.")

    @OptionGroup var store: TicketStoreOptions
    @OptionGroup var who: TicketActorOptions

    @Argument(help: "The ticket code.") var code: TicketCode
    @Option(help: "Why it is reopened.") var note: String

    func run() throws {
        let store = try store.openStore(log: true)
        let ticket = try withTicketErrors { try store.reopen(code, note: note, by: try who.resolve(store)) }
        print("\(ticket.code)  \(ticket.status.displayName)  hạn trả lời \(TicketTime.vietnamese(ticket.answerDeadline))")
    }
}

/// `hoidap tickets note CODE TEXT`: an internal note in the history.
struct TicketsNoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add an internal note to a ticket's history.")

    @OptionGroup var store: TicketStoreOptions
    @OptionGroup var who: TicketActorOptions

    @Argument(help: "The ticket code.") var code: TicketCode
    @Argument(help: "The note.") var text: String

    func run() throws {
        let store = try store.openStore()
        try withTicketErrors { try store.addNote(code, note: text, by: try who.resolve(store)) }
        print("\(code)  ghi chú đã lưu")
    }
}

/// `hoidap tickets create`: an officer files a ticket taken by phone or in person.
struct TicketsCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "File a ticket (officer channel).")

    @OptionGroup var store: TicketStoreOptions
    @OptionGroup var who: TicketActorOptions

    @Option(help: "Category: \(TicketCategory.allCases.map(\.rawValue).joined(separator: ", ")).") var category: String
    @Option(help: "What the citizen reports.") var description: String
    @Option(help: "The citizen's name.") var name: String
    @Option(help: "The citizen's phone number.") var phone: String
    @Option(help: "The citizen's email.") var email: String?
    @Option(help: "Street address.") var address: String?
    @Option(help: "Ward, commune or special zone.") var ward: String?
    @Option(help: "Latitude.") var lat: Double?
    @Option(help: "Longitude.") var long: Double?
    @Option(help: "Channel: chat, web, api, officer.") var channel = "officer"
    @Flag(help: "Print the ticket as JSON.") var json = false

    func run() throws {
        guard let channel = TicketChannel(rawValue: channel) else {
            throw ValidationError("--channel must be one of: \(TicketChannel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let store = try store.openStore(log: true)
        let input = NewTicket(channel: channel, category: category, description: description, address: address, ward: ward,
                              latitude: lat, longitude: long, name: name, phone: phone, email: email)
        let ticket = try withTicketErrors { try store.create(input, by: try who.resolve(store)) }
        if json {
            print(TicketJSON.encode(TicketView(ticket, at: ticket.createdAt, unitName: store.router.unit(id: ticket.unitID)?.name)))
        } else {
            print("\(ticket.code)  \(ticket.status.displayName)  → \(store.router.unit(id: ticket.unitID)?.name ?? ticket.unitID)")
            print("hạn chuyển \(TicketTime.vietnamese(ticket.forwardDeadline)), hạn trả lời \(TicketTime.vietnamese(ticket.answerDeadline))")
        }
    }
}

/// `hoidap tickets lookup CODE --phone P`: what the citizen would see.
struct TicketsLookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lookup", abstract: "Look a ticket up as the citizen does (code and phone).")

    @OptionGroup var store: TicketStoreOptions
    @Argument(help: "The ticket code.") var code: String
    @Option(help: "The phone number given when filing.") var phone: String

    func run() throws {
        let store = try store.openStore()
        let view = try withTicketErrors { try store.lookup(code: code, phone: phone) }
        print("Phiếu \(view.code): \(view.statusName)")
        print("Đơn vị xử lý: \(view.unitName)")
        print("Tiếp nhận: \(TicketTime.vietnamese(view.createdAt)); hạn trả lời: \(TicketTime.vietnamese(view.answerDeadline))")
        if let note = view.statusNote { print("Ghi chú: \(note)") }
    }
}

func parseTime(_ text: String, option: String) throws -> Date {
    guard let date = TicketTime.parse(text) else {
        throw ValidationError("\(option) must be a date (2026-11-23) or an ISO 8601 time (2026-11-23T09:00:00+07:00)")
    }
    return date
}
