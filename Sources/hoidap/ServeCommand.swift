import ArgumentParser
import Dispatch
import Foundation
import HTTPServer
import HoiDapService
import Knowledge
import Tickets

/// The chat engine and procedure catalog `serve` answers with.
struct ServeEngines {
    var chat: any ChatEngine
    var catalog: any ProcedureCatalog
}

/// Where `serve` gets its engines: the Dialogue module provides them by declaring, in
/// `DialogueBridge.swift`,
///
///     extension ServeCommand {
///         static func makeEngines(knowledge: KnowledgeBase, store: TicketStore, memo: Int) throws -> ServeEngines { … }
///     }
///
/// which takes precedence over the default below (a concrete type's member wins over a
/// protocol extension's). Without it, `serve` stops with a clear message instead of answering
/// citizens with nothing.
protocol ServeEngineProvider {
    /// `memo`: how many messages' readings the chat engine keeps for when they come again.
    static func makeEngines(knowledge: KnowledgeBase, store: TicketStore, memo: Int) throws -> ServeEngines
}

extension ServeEngineProvider {
    static func makeEngines(knowledge: KnowledgeBase, store: TicketStore, memo: Int) throws -> ServeEngines {
        throw ValidationError("this build has no chat engine: the Dialogue bridge (ServeCommand.makeEngines) is missing")
    }
}

/// `hoidap serve`: the HTTP service for citizens' chat, officers, Open311 and the public page.
struct ServeCommand: ParsableCommand, ServeEngineProvider {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the chat API, the widget, the officer and Open311 APIs and the public statistics over HTTP.",
        discussion: """
            Stops gracefully on SIGINT or SIGTERM: no new connections, in-flight requests finish, the \
            ticket database is closed. Put it behind a reverse proxy for TLS; pass --trust-proxy so rate \
            limits see the citizen's address from X-Forwarded-For.
            """
    )

    @Option(help: "Numeric address to listen on (0.0.0.0 or :: for every interface).")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port).")
    var port = 8022

    @Option(help: "Worker threads, each with its own epoll loop (default: one per core).")
    var threads: Int?

    @OptionGroup var data: DataOptions
    @OptionGroup var tickets: TicketStoreOptions

    @Option(name: .customLong("cors-origin"), help: "An origin allowed to call the API from its pages (repeatable; * for any).")
    var corsOrigins: [String] = []

    @Flag(help: "Take the client address from the last X-Forwarded-For hop (only behind a proxy that sets it).")
    var trustProxy = false

    @Option(help: "Chat messages per client per minute (0: no limit).")
    var chatLimit = 30

    @Option(help: "Tickets per client per hour, through chat or Open311 (0: no limit).")
    var ticketLimit = 5

    @Option(help: "Ticket lookups per client per minute (0: no limit).")
    var lookupLimit = 10

    @Option(help: "Seconds an idle or slow connection is kept.")
    var timeout = 15

    @Option(help: "Open connections at most.")
    var maxConnections = 10_000

    @Option(help: "Access log: - for standard error, a file to append to, or off.")
    var accessLog = "-"

    @Option(help: "Folder for the Friday digest files.")
    var reports = "var/reports"

    @Option(help: "A URL the Friday digest JSON is POSTed to.")
    var digestWebhook: String?

    @Flag(help: "Do not run the Friday digest scheduler.")
    var noDigest = false

    @Option(help: "Messages whose reading is kept for when they come again, as \"xin chào\" does all day (0: none).")
    var messageMemo = 4096

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        if let threads, !(1...256).contains(threads) { throw ValidationError("--threads must be between 1 and 256") }
        guard (1...3600).contains(timeout) else { throw ValidationError("--timeout must be between 1 and 3600 seconds") }
        guard (0...1_000_000).contains(messageMemo) else { throw ValidationError("--message-memo must be between 0 and 1000000") }
        guard (1...1_000_000).contains(maxConnections) else { throw ValidationError("--max-connections must be between 1 and 1000000") }
        for (name, value) in [("--chat-limit", chatLimit), ("--ticket-limit", ticketLimit), ("--lookup-limit", lookupLimit)] where value < 0 {
            throw ValidationError("\(name) must be 0 (no limit) or more")
        }
        if let digestWebhook, URL(string: digestWebhook)?.scheme?.hasPrefix("http") != true {
            throw ValidationError("--digest-webhook must be an http(s) URL")
        }
    }

    func run() throws {
        let knowledge: KnowledgeBase
        do {
            knowledge = try KnowledgeBase.load(corpus: data.corpusDirectory, intents: data.intentsDirectory)
        } catch {
            throw ValidationError("the knowledge files are invalid (run hoidap validate):\n\(error.issues.map(\.description).joined(separator: "\n"))")
        }
        var store: TicketStore? = try tickets.openStore(log: true)
        let engines = try Self.makeEngines(knowledge: knowledge, store: store!, memo: messageMemo)

        var options = HoiDapService.Configuration()
        options.corsOrigins = corsOrigins
        options.trustProxy = trustProxy
        options.chatPerMinute = chatLimit
        options.ticketsPerHour = ticketLimit
        options.lookupsPerMinute = lookupLimit
        options.accessLog = try makeAccessLog()
        var service: HoiDapService? = try HoiDapService(store: store!, engine: engines.chat, catalog: engines.catalog, configuration: options)
        let counted = service!

        var configuration = Server.Configuration(host: host, port: UInt16(port))
        if let threads { configuration.threads = threads }
        configuration.connectionTimeout = UInt32(timeout)
        configuration.connectionLimit = UInt32(maxConnections)
        configuration.onRejected = { [weak counted] method, status in counted?.recordRejected(method: method, status: status) }
        Self.raiseDescriptorLimit(to: maxConnections + 256)

        // Signals are turned into dispatch events; the default action (die mid-request) is off.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let stopRequested = DispatchSemaphore(value: 0)
        let sources = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stopRequested.signal() }
            source.resume()
            return source
        }

        let server: Server
        do {
            server = try Server(configuration, responder: service!)
        } catch {
            throw ValidationError(error.description)
        }
        let scheduler = noDigest ? nil : DigestScheduler(store: store!, directory: reports, webhook: digestWebhook.flatMap(URL.init(string:)),
                                                       log: { Self.say("hoidap: \($0)") })
        if let scheduler { Task { await scheduler.start() } }
        Self.say("hoidap: serving on http://\(host.contains(":") ? "[\(host)]" : host):\(server.port) with \(configuration.threads) threads "
                 + "(\(knowledge.procedures.count) procedures); Ctrl-C stops")

        stopRequested.wait()
        Self.say("hoidap: stopping — finishing requests in flight")
        let drained = server.stop()
        if let scheduler {
            let stopped = DispatchSemaphore(value: 0)
            Task {
                await scheduler.stop()
                stopped.signal()
            }
            stopped.wait()
        }
        sources.forEach { $0.cancel() }
        // The last references: the database pool closes its connections (and checkpoints the WAL) here.
        service = nil
        store = nil
        Self.say(drained ? "hoidap: stopped" : "hoidap: stopped; some requests did not finish within \(configuration.drainTimeout)")
    }

    func makeAccessLog() throws -> AccessLog? {
        switch accessLog {
        case "off": return nil
        case "-": return .standardError
        default:
            let descriptor = open(accessLog, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
            guard descriptor >= 0 else { throw ValidationError("cannot open the access log \(accessLog): \(String(cString: strerror(errno)))") }
            return AccessLog { line in
                var bytes = Array((line + "\n").utf8)
                bytes.withUnsafeMutableBytes { buffer in _ = write(descriptor, buffer.baseAddress, buffer.count) }
            }
        }
    }

    /// Thousands of connections need thousands of descriptors; the soft limit is often 1024.
    static func raiseDescriptorLimit(to wanted: Int) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < rlim_t(wanted) else { return }
        limit.rlim_cur = min(limit.rlim_max, rlim_t(wanted))
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }

    static func say(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
