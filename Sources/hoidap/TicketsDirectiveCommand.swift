import ArgumentParser
import Foundation
import Tickets

/// `hoidap tickets directive add|list|ack`: leaders' directives and units' acknowledgements.
struct TicketsDirectiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "directive", abstract: "Leaders' directives on a ticket, a category or a ward.",
        subcommands: [Add.self, List.self, Ack.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue a directive (leader token, or the local user).")

        @OptionGroup var store: TicketStoreOptions
        @OptionGroup var who: TicketActorOptions
        @Option(help: "A ticket code.") var ticket: TicketCode?
        @Option(help: "A category.") var category: TicketCategory?
        @Option(help: "A ward, commune or special zone.") var ward: String?
        @Argument(help: "The directive, e.g. \"Xử lý dứt điểm trước thứ Sáu\".") var text: String

        func validate() throws {
            guard [ticket != nil, category != nil, ward != nil].filter({ $0 }).count == 1 else {
                throw ValidationError("give exactly one of --ticket, --category, --ward")
            }
        }

        func run() throws {
            let store = try store.openStore(log: true)
            let target: Directive.Target = if let ticket { .ticket(ticket) } else if let category { .category(category) } else { .ward(ward!) }
            let directive = try withTicketErrors { try store.issueDirective(target, text: text, by: try who.resolve(store)) }
            print("#\(directive.id)  \(directive.target.displayName): \(directive.text)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List directives, newest first; with a unit, those concerning it.")

        @OptionGroup var store: TicketStoreOptions
        @Option(help: "Only directives concerning this unit's open tickets or its ward.") var unit: String?
        @Option(help: "Output format.") var format: TicketOutputFormat = .table

        func run() throws {
            let store = try store.openStore()
            let directives = try withTicketErrors { try store.directives(unitID: unit) }
            switch format {
            case .json:
                print(TicketJSON.encode(directives.map { directive in
                    ["id": "\(directive.id)", "target": directive.target.displayName, "text": directive.text, "author": directive.author,
                     "created_at": TicketTime.iso8601(directive.createdAt),
                     "acknowledged_by": directive.acknowledgements.map(\.unitID).joined(separator: ",")]
                }))
            case .table:
                let rows = directives.map { directive in
                    ["#\(directive.id)", directive.target.displayName, directive.text, directive.author, TicketTime.vietnamese(directive.createdAt),
                     directive.acknowledgements.map(\.unitID).joined(separator: ", ")]
                }
                print(directives.isEmpty ? "(chưa có chỉ đạo nào)" : TicketTable.table([["SỐ", "ÁP DỤNG", "NỘI DUNG", "NGƯỜI CHỈ ĐẠO", "LÚC", "ĐÃ XÁC NHẬN"]] + rows))
            }
        }
    }

    struct Ack: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Acknowledge a directive for your unit.")

        @OptionGroup var store: TicketStoreOptions
        @OptionGroup var who: TicketActorOptions
        @Argument(help: "The directive number.") var id: Int64

        func run() throws {
            let store = try store.openStore(log: true)
            let directive = try withTicketErrors { try store.acknowledge(directive: id, by: try who.resolve(store)) }
            print("#\(directive.id) đã xác nhận: \(directive.acknowledgements.map(\.unitID).joined(separator: ", "))")
        }
    }
}
