import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Time for the scheduler: read the clock and wait until an instant. Tests pass a fake that
/// jumps instead of waiting.
public protocol DigestClock: Sendable {
    func now() -> Date
    func sleep(until instant: Date) async throws
}

/// The machine's clock; waits in slices of at most an hour so a clock change is noticed.
public struct SystemDigestClock: DigestClock {
    public init() {}
    public func now() -> Date { Date() }
    public func sleep(until instant: Date) async throws {
        while true {
            let remaining = instant.timeIntervalSinceNow
            if remaining <= 0 { return }
            try await Task.sleep(nanoseconds: UInt64(min(remaining, 3600) * 1_000_000_000))
        }
    }
}

/// Delivers the digest to a webhook; returns the HTTP status.
public protocol WebhookSender: Sendable {
    func post(_ body: Data, contentType: String, to url: URL) async throws -> Int
}

/// POSTs with URLSession, 15 s timeout.
public struct URLSessionWebhookSender: WebhookSender {
    public init() {}
    public func post(_ body: Data, contentType: String, to url: URL) async throws -> Int {
        var request = URLRequest(url: url, timeoutInterval: 15)
        request.httpMethod = "POST"
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }
}

/// When the digest is due: a weekday and a time in Ho Chi Minh City (+07:00).
public struct DigestSchedule: Sendable, Hashable {
    /// ISO weekday, 1 = Monday … 5 = Friday … 7 = Sunday.
    public var weekday: Int
    public var hour: Int
    public var minute: Int

    /// Friday 15:00.
    public static let friday1500 = DigestSchedule(weekday: 5, hour: 15, minute: 0)

    public init(weekday: Int, hour: Int, minute: Int) {
        self.weekday = weekday
        self.hour = hour
        self.minute = minute
    }

    /// The first due instant strictly after `instant`.
    public func next(after instant: Date) -> Date {
        let today = TicketTime.localDate(instant)
        let ahead = (weekday - today.isoWeekday + 7) % 7
        let candidate = TicketTime.instant(today.adding(days: ahead), hour: hour, minute: minute)
        return candidate > instant ? candidate : TicketTime.instant(today.adding(days: ahead + 7), hour: hour, minute: minute)
    }
}

/// Produces the weekly digest on schedule while `serve` runs: writes
/// `<directory>/<week>.md`, `.html` and `.json`, then POSTs the JSON to a webhook if one is
/// configured, retrying a bounded number of times.
///
/// It runs in its own task, so nothing it does (building the report, a slow webhook) ever
/// sits on a request's path; `hoidap report weekly` produces the same document on demand.
///
///     let scheduler = DigestScheduler(store: store, directory: "var/reports", webhook: url)
///     await scheduler.start()
public actor DigestScheduler {
    /// What one run produced.
    public struct Output: Sendable, Equatable {
        public var week: String
        public var files: [String]
        /// The webhook's final HTTP status, nil when there is no webhook or every attempt failed to connect.
        public var webhookStatus: Int?
        public var webhookAttempts: Int
    }

    let store: TicketStore
    let directory: String
    let schedule: DigestSchedule
    let clock: any DigestClock
    let webhook: URL?
    let sender: any WebhookSender
    let webhookAttempts: Int
    let retryDelay: TimeInterval
    let log: @Sendable (String) -> Void
    private var task: Task<Void, Never>?

    public init(store: TicketStore, directory: String = "var/reports", schedule: DigestSchedule = .friday1500,
                clock: any DigestClock = SystemDigestClock(), webhook: URL? = nil, sender: any WebhookSender = URLSessionWebhookSender(),
                webhookAttempts: Int = 4, retryDelay: TimeInterval = 60, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.store = store
        self.directory = directory
        self.schedule = schedule
        self.clock = clock
        self.webhook = webhook
        self.sender = sender
        self.webhookAttempts = max(1, webhookAttempts)
        self.retryDelay = retryDelay
        self.log = log
    }

    /// Starts the weekly loop (once; later calls do nothing).
    public func start() {
        guard task == nil else { return }
        task = Task { await self.run() }
    }

    public func stop() {
        task?.cancel()
        task = nil
    }

    /// Sleeps until each due time and produces the digest; returns when cancelled.
    public func run() async {
        while !Task.isCancelled {
            let due = schedule.next(after: clock.now())
            do {
                try await clock.sleep(until: due)
            } catch {
                return
            }
            do {
                let output = try await produce(at: due)
                log("weekly digest \(output.week) written: \(output.files.joined(separator: ", "))")
            } catch {
                log("weekly digest failed: \(error)")
            }
        }
    }

    /// Writes the digest of the week containing `instant`, as of `instant`, and delivers it.
    @discardableResult
    public func produce(at instant: Date) async throws -> Output {
        let week = ISOWeek(containing: instant)
        let report = try store.weeklyReport(week: week, now: instant)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var files: [String] = []
        for (suffix, format) in [("md", ReportFormat.markdown), ("html", .html), ("json", .json)] {
            let path = (directory as NSString).appendingPathComponent("\(week).\(suffix)")
            // Atomic: a reader (or a crash) never sees half a report.
            try Data(report.render(format).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            files.append(path)
        }
        var output = Output(week: week.description, files: files, webhookStatus: nil, webhookAttempts: 0)
        if let webhook {
            (output.webhookStatus, output.webhookAttempts) = await deliver(report, to: webhook)
        }
        return output
    }

    /// POSTs `{"week", "markdown", "report"}`; retries on connection errors and non-2xx
    /// statuses, waiting `retryDelay × attempt` between tries.
    func deliver(_ report: WeeklyReport, to url: URL) async -> (Int?, Int) {
        struct Payload: Encodable {
            var week: String
            var markdown: String
            var report: WeeklyReport
        }
        let body = Data(TicketJSON.encode(Payload(week: report.week, markdown: report.render(.markdown), report: report), pretty: false).utf8)
        var status: Int?
        for attempt in 1...webhookAttempts {
            do {
                status = try await sender.post(body, contentType: "application/json; charset=utf-8", to: url)
                if let code = status, (200..<300).contains(code) { return (code, attempt) }
                log("digest webhook answered \(status ?? 0) (attempt \(attempt) of \(webhookAttempts))")
            } catch {
                status = nil
                log("digest webhook unreachable (attempt \(attempt) of \(webhookAttempts))")
            }
            if attempt < webhookAttempts {
                do {
                    try await clock.sleep(until: clock.now().addingTimeInterval(retryDelay * Double(attempt)))
                } catch {
                    return (status, attempt)
                }
            }
        }
        return (status, webhookAttempts)
    }
}
