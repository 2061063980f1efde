import ArgumentParser
import Foundation
import Tickets

/// `hoidap tickets token create|list|revoke`: officers' bearer tokens.
struct TicketsTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Create, list and revoke officer tokens.",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue a token; it is printed once and stored hashed.")

        @OptionGroup var store: TicketStoreOptions
        @Argument(help: "The officer's name (unique among active tokens).") var name: String
        @Option(help: "The unit whose tickets the officer sees; omit for the central desk's staff.") var unit: String?
        @Flag(help: "A leader, who may issue directives.") var leader = false

        func run() throws {
            let store = try store.openStore(log: true)
            let (officer, token) = try withTicketErrors { try store.createToken(name: name, unitID: unit, role: leader ? .leader : .officer) }
            print(token)
            FileHandle.standardError.write(Data("token for \(officer.name) (\(officer.role.rawValue), \(officer.unitID ?? "all units")); store it now, it is not shown again\n".utf8))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List issued tokens (never the secrets).")

        @OptionGroup var store: TicketStoreOptions

        func run() throws {
            let store = try store.openStore()
            let officers = try withTicketErrors { try store.officers() }
            let rows = officers.map { officer in
                [officer.name, officer.role.rawValue, officer.unitID ?? "(tất cả)", TicketTime.vietnamese(officer.createdAt),
                 officer.revokedAt.map { "thu hồi \(TicketTime.vietnamese($0))" } ?? "hiệu lực"]
            }
            print(officers.isEmpty ? "(chưa có token nào)" : TicketTable.table([["TÊN", "VAI TRÒ", "ĐƠN VỊ", "TẠO LÚC", "TRẠNG THÁI"]] + rows))
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke an officer's active token.")

        @OptionGroup var store: TicketStoreOptions
        @Argument(help: "The officer's name.") var name: String

        func run() throws {
            let store = try store.openStore(log: true)
            let officer = try withTicketErrors { try store.revokeToken(name: name) }
            print("revoked the token of \(officer.name)")
        }
    }
}
