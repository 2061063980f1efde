import ArgumentParser
import Dispatch
import Foundation
import Synchronization
import HTTPServer
import HoiDapService
import Knowledge
import Tickets

/// `hoidap bench chat`: the cost of one `POST /api/chat` inside the service, without sockets.
///
/// Each request goes through the service exactly as `serve` wires it (routing, JSON body, rate
/// limits off, session store, dialogue turn, reply serialization, metrics; no access log), so a
/// profiler or `valgrind --tool=callgrind --toggle-collect='*BenchChatCommand*measure*'` sees what
/// the server spends per request besides libmicrohttpd and system calls.
///
///     hoidap bench chat --questions bench/http/questions.jsonl --requests 20000
struct BenchChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "In-process POST /api/chat cost (µs per request, one thread), without sockets."
    )

    @Option(help: "JSON Lines request bodies, sent in turn (each a new conversation, as bench/http/chat.lua).")
    var questions = "bench/http/questions.jsonl"

    @Option(help: "Requests to measure (after one warm-up pass over the questions).")
    var requests = 10_000

    @Option(help: "Messages whose reading is kept, as `serve --message-memo` (default 0: every message read afresh).")
    var messageMemo = 0

    @Option(help: "Threads sending requests at once (each sends --requests), to see what sharing the engine costs.")
    var threads = 1

    @OptionGroup var data: DataOptions

    func validate() throws {
        guard requests >= 1 else { throw ValidationError("--requests must be at least 1") }
        guard (1...64).contains(threads) else { throw ValidationError("--threads must be from 1 to 64") }
        guard messageMemo >= 0 else { throw ValidationError("--message-memo must be 0 or more") }
    }

    func run() throws {
        guard let contents = FileManager.default.contents(atPath: questions) else { throw ValidationError("cannot read \(questions)") }
        let bodies = contents.split(separator: UInt8(ascii: "\n")).map(Array.init).filter { !$0.isEmpty }
        guard !bodies.isEmpty else { throw ValidationError("no request bodies in \(questions)") }
        let knowledge: KnowledgeBase
        do {
            knowledge = try KnowledgeBase.load(corpus: data.corpusDirectory, intents: data.intentsDirectory)
        } catch {
            throw ValidationError("the knowledge files are invalid (run hoidap validate)")
        }
        // A scratch ticket database, as bench/http/server.sh uses.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoidap-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try TicketStoreOptions.parse(["--db", folder.appendingPathComponent("tickets.sqlite").path]).openStore()
        let engines = try ServeCommand.makeEngines(knowledge: knowledge, store: store, memo: messageMemo)
        var options = HoiDapService.Configuration()
        (options.chatPerMinute, options.ticketsPerHour, options.lookupsPerMinute) = (0, 0, 0)
        let service = try HoiDapService(store: store, engine: engines.chat, catalog: engines.catalog, configuration: options)
        let requests = bodies.map { body in
            Request(method: "POST", path: "/api/chat", headers: [("Content-Type", "application/json")], body: body)
        }

        _ = Self.measure(service, requests, count: requests.count)
        let start = DispatchTime.now().uptimeNanoseconds
        let failures = Self.measure(service, requests, count: self.requests, threads: threads)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let total = self.requests * threads
        print(String(format: "%d requests (%d bodies rotating), %.1f µs per request, %.0f requests/s on %d thread%@, %d not 200",
                     total, requests.count, seconds * 1e6 * Double(threads) / Double(total), Double(total) / seconds,
                     threads, threads == 1 ? "" : "s", failures))
    }

    /// Sends `count` requests in turn on each of `threads` threads (each starting at its own place in
    /// the rotation); returns how many were not answered 200.
    static func measure(_ service: HoiDapService, _ requests: [Request], count: Int, threads: Int) -> Int {
        guard threads > 1 else { return measure(service, requests, count: count) }
        let failures = Mutex([Int](repeating: 0, count: threads))
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            let shifted = Array(requests[(thread * 7 % requests.count)...] + requests[..<(thread * 7 % requests.count)])
            let failed = measure(service, shifted, count: count)
            failures.withLock { $0[thread] = failed }
        }
        return failures.withLock { $0.reduce(0, +) }
    }

    /// Sends `count` requests in turn; returns how many were not answered 200. Its own function,
    /// so callgrind can collect only inside it (`--toggle-collect`).
    @inline(never)
    static func measure(_ service: HoiDapService, _ requests: [Request], count: Int) -> Int {
        var failures = 0
        for number in 0..<count where (try? service.respond(to: requests[number % requests.count]))?.status != .ok {
            failures += 1
        }
        return failures
    }
}
