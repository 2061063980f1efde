import ArgumentParser
import Foundation
import Tickets

/// `hoidap tickets stress-writer --db F` (hidden): creates tickets as fast as it can and
/// prints each code only after its transaction has committed.
///
/// The reliability test kills this process with SIGKILL mid-stream and checks that every
/// printed code survived. It routes everything to a one-unit desk so it needs no data files.
struct TicketsStressWriterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stress-writer", abstract: "Write tickets until killed (reliability tests).", shouldDisplay: false
    )

    @Option(help: "The database to write.") var db: String
    @Option(help: "Stop after this many tickets (default: never).") var count: Int?

    func run() throws {
        let desk = TicketUnit(id: "trung-tam-1022", name: "Trung tâm 1022", kind: .desk, categories: Set(TicketCategory.allCases))
        let store = try withTicketErrors { try TicketStore(path: db, router: try TicketRouter(units: [desk])) }
        var index = 0
        while count.map({ index < $0 }) ?? true {
            let input = NewTicket(channel: .api, category: TicketCategory.allCases[index % TicketCategory.allCases.count].rawValue,
                                  description: "Phản ánh thử số \(index)", name: "Người thử \(index)", phone: "0912345678")
            let ticket = try withTicketErrors { try store.create(input, by: .system("stress-writer")) }
            // write(2) straight to the descriptor: nothing waits in a buffer when the kill comes,
            // and nothing is printed before the commit returned.
            let line = Array("\(ticket.code.text)\t\(index)\n".utf8)
            _ = line.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            index += 1
        }
    }
}
