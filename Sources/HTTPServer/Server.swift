import CMicroHTTPD
import Foundation
import Synchronization

/// An HTTP/1.1 server on GNU libmicrohttpd: a thread pool, each thread running an epoll loop,
/// calling one `Responder` per request.
///
/// The server owns the daemon handle (GRDB style: a failed start leaves nothing open, `deinit`
/// stops). Bodies are bounded (`maxBodyBytes` → 413), idle or slow connections are closed after
/// `connectionTimeout`, and `stop` drains: it stops accepting, lets in-flight requests finish,
/// then closes every connection.
///
///     let server = try Server(Server.Configuration(port: 0), responder: router)
///     print(server.port)   // the ephemeral port chosen by the kernel
///     server.stop()
public final class Server: @unchecked Sendable {
    public struct Configuration: Sendable {
        /// A numeric IPv4 or IPv6 address (`127.0.0.1`, `0.0.0.0`, `::`).
        public var host = "127.0.0.1"
        /// 0 asks the kernel for a free port (read `Server.port`).
        public var port: UInt16 = 8022
        /// Threads in the pool, each with its own epoll loop.
        public var threads = max(1, ProcessInfo.processInfo.activeProcessorCount)
        /// The largest accepted body; larger ones get 413 without being kept.
        public var maxBodyBytes = 64 * 1024
        /// Seconds of inactivity after which libmicrohttpd closes a connection (slowloris defence).
        public var connectionTimeout: UInt32 = 15
        /// Open connections at most; beyond it new connections are refused by the kernel backlog.
        public var connectionLimit: UInt32 = 10_000
        /// Open connections per client address (0: unlimited; keep 0 behind a reverse proxy).
        public var perClientConnectionLimit: UInt32 = 0
        /// Per-connection buffer for the request line and headers (libmicrohttpd answers 431 beyond).
        public var headerMemoryLimit = 32 * 1024
        /// How long `stop` waits for in-flight requests.
        public var drainTimeout: Duration = .seconds(10)
        /// Told about requests the server itself refused before routing (413, 400 for a bad URL),
        /// with the method and status, so metrics and logs can count them.
        public var onRejected: (@Sendable (_ method: String, _ status: Int) -> Void)?

        public init(host: String = "127.0.0.1", port: UInt16 = 8022) {
            self.host = host
            self.port = port
        }
    }

    /// Why the server could not start.
    public struct StartError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public let configuration: Configuration
    /// The bound port (the kernel's choice when `configuration.port` was 0).
    public let port: UInt16
    let context: ServerContext
    private let daemon: Mutex<DaemonHandle?>

    struct DaemonHandle: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    /// Binds and starts serving immediately.
    /// - Throws: `StartError` for a non-numeric host, a port in use, or a refused start.
    public init(_ configuration: Configuration, responder: any Responder) throws(StartError) {
        self.configuration = configuration
        context = ServerContext(responder: responder, configuration: configuration)
        var error: Int32 = 0
        // MHD_USE_EPOLL_INTERNAL_THREAD + MHD_OPTION_THREAD_POOL_SIZE: each pool thread runs its
        // own epoll loop over its share of connections. MHD_USE_ITC is required by
        // MHD_quiesce_daemon ("some thread modes require MHD_USE_ITC", microhttpd.h).
        // MHD_USE_TURBO tries reads and writes before polling (sockets are non-blocking).
        let flags = MHD_USE_EPOLL_INTERNAL_THREAD.rawValue | MHD_USE_ITC.rawValue | MHD_USE_TURBO.rawValue
        let cls = Unmanaged.passUnretained(context).toOpaque()
        let pointer = hd_start_daemon(
            UInt32(flags), configuration.host, configuration.port,
            ServerCallbacks.access, cls, ServerCallbacks.completed, cls,
            UInt32(max(1, configuration.threads)), configuration.connectionTimeout,
            configuration.connectionLimit, configuration.perClientConnectionLimit,
            configuration.headerMemoryLimit, &error)
        guard let pointer else {
            if error == Int32(HD_START_BAD_HOST.rawValue) {
                throw StartError(description: "--host must be a numeric IPv4 or IPv6 address, not '\(configuration.host)'")
            }
            let reason = String(cString: strerror(errno))
            throw StartError(description: "cannot listen on \(configuration.host):\(configuration.port): \(reason)")
        }
        daemon = Mutex(DaemonHandle(pointer: pointer))
        port = hd_daemon_port(pointer)
    }

    deinit { stop() }

    /// Requests being handled right now (body received or being received, response not yet sent).
    public var inFlight: Int { context.inFlight.load(ordering: .relaxed) }

    public var isRunning: Bool { daemon.withLock { $0 != nil } }

    /// Stops gracefully: stops accepting connections, waits up to `drainTimeout` for in-flight
    /// requests to finish (answers carry `Connection: close` meanwhile), then closes every
    /// connection and joins the pool threads. Safe to call more than once.
    /// - Returns: true when every in-flight request finished within the timeout.
    @discardableResult
    public func stop() -> Bool {
        guard let handle = daemon.withLock({ value -> DaemonHandle? in
            defer { value = nil }
            return value
        }) else { return true }
        context.stopping.store(true, ordering: .relaxed)
        // "Stop accepting connections from the listening socket. Allows clients to continue
        // processing, but stops accepting new connections." The caller owns the returned socket.
        // Each pool thread takes the socket out of its own epoll set when it next wakes, and
        // libmicrohttpd aborts the process if it is gone by then ("Failed to remove listen FD
        // from epoll set"), so it is only shut down here — Linux then refuses new connections —
        // and closed once the threads are joined.
        let listener = MHD_quiesce_daemon(handle.pointer)
        if listener >= 0 { shutdown(listener, Int32(SHUT_RDWR)) }
        defer { if listener >= 0 { close(listener) } }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: configuration.drainTimeout)
        var drained = true
        while context.inFlight.load(ordering: .acquiring) > 0 {
            if clock.now >= deadline {
                drained = false
                break
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        // Closes the remaining (idle keep-alive) connections; the completion callback runs for
        // any request still open, so every per-request state is released before this returns.
        MHD_stop_daemon(handle.pointer)
        return drained
    }
}

/// What the C callbacks reach through `cls`: the responder and the counters. Outlives the
/// daemon because `Server` owns both and stops the daemon first.
final class ServerContext: Sendable {
    let responder: any Responder
    let configuration: Server.Configuration
    let inFlight = Atomic<Int>(0)
    let stopping = Atomic<Bool>(false)

    init(responder: any Responder, configuration: Server.Configuration) {
        self.responder = responder
        self.configuration = configuration
    }
}

/// Per-request state kept in `*con_cls` between the access handler's calls (retained there,
/// released in the completion callback).
final class RequestState {
    var body: [UInt8] = []
    var tooLarge = false
    var answered = false
}
