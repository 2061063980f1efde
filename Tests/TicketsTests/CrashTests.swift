import TestSupport
import Foundation
import Testing
@testable import Tickets

/// Kills a writing process with SIGKILL, many times, and checks that nothing it reported
/// as created was lost or damaged.
@Suite struct CrashTests {
    /// The built `hoidap` binary beside the test bundle (`.build/<triple>/debug/hoidap`).
    static var hoidap: URL? {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent().appendingPathComponent("hoidap")) }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("hoidap"))
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/hoidap"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    @Test(.enabled(if: hoidap != nil, "the hoidap binary is not built beside the tests; run `swift build --build-tests` first"))
    func killedWriterLosesNothingItReported() throws {
        let binary = try #require(Self.hoidap)
        let path = Fixtures.temporaryDirectory().appendingPathComponent("crash.sqlite").path
        var reported: [(code: String, index: Int)] = []
        var generator = SeededGenerator(state: 2026)
        // Kill after 1 line (right after the first commit), then at varied depths.
        let killAfter = [1] + (0..<7).map { _ in Int.random(in: 5...80, using: &generator) }
        for lines in killAfter {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["tickets", "stress-writer", "--db", path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            var buffer = Data()
            // Read until the writer has reported `lines` tickets, then kill it mid-stream.
            while buffer.split(separator: UInt8(ascii: "\n")).count < lines {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }   // the writer died on its own: the check below still applies
                buffer += chunk
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            buffer += output.fileHandleForReading.readDataToEndOfFile()
            #expect(process.terminationReason == .uncaughtSignal)
            // A line cut by the kill is incomplete: the writer never finished reporting it.
            let text = String(decoding: buffer, as: UTF8.self)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                let fields = line.split(separator: "\t")
                try #require(fields.count == 2, "malformed line \(line)")
                reported.append((String(fields[0]), Int(fields[1])!))
            }
        }
        #expect(reported.count >= killAfter.reduce(0, +))

        let store = try TicketStore(path: path, router: try TicketRouter(units: [Fixtures.units[0]]))
        #expect(try store.integrityCheck() == ["ok"])
        for (code, index) in reported {
            let ticket = try store.ticket(code: try #require(TicketCode(parsing: code)))
            #expect(ticket.description == "Phản ánh thử số \(index)")
            #expect(ticket.citizen.name == "Người thử \(index)")
            #expect(ticket.category == TicketCategory.allCases[index % TicketCategory.allCases.count])
            #expect(try store.history(of: ticket.code).map(\.field) == [.created])
        }
        #expect(Set(reported.map(\.code)).count == reported.count)
        #expect(try store.count() >= reported.count)
    }
}
