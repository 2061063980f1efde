import Foundation
import Testing
@testable import Tickets

/// A clock that jumps to each wake-up time at once, and stops the loop after a few sleeps.
final class JumpingClock: DigestClock {
    let current: Locked<Date>
    let sleeps = Locked<[Date]>([])
    let maxSleeps: Int

    init(_ start: Date, maxSleeps: Int) {
        current = Locked(start)
        self.maxSleeps = maxSleeps
    }

    func now() -> Date { current.value }

    func sleep(until instant: Date) async throws {
        let count = sleeps.withLock { $0.append(instant); return $0.count }
        if count > maxSleeps { throw CancellationError() }
        current.withLock { $0 = max($0, instant) }
    }
}

/// A webhook that answers from a script of statuses (nil = connection failure) and records posts.
final class ScriptedWebhook: WebhookSender {
    let script: Locked<[Int?]>
    let posts = Locked<[(URL, String)]>([])

    init(_ script: [Int?]) { self.script = Locked(script) }

    struct Unreachable: Error {}

    func post(_ body: Data, contentType: String, to url: URL) async throws -> Int {
        posts.withLock { $0.append((url, String(decoding: body, as: UTF8.self))) }
        guard let status = script.withLock({ $0.isEmpty ? 200 : $0.removeFirst() }) else { throw Unreachable() }
        return status
    }
}

@Suite struct DigestSchedulerTests {
    @Test(arguments: [
        (Fixtures.local(2026, 11, 23, 9), "2026-11-27T15:00:00+07:00"),
        (Fixtures.local(2026, 11, 27, 14, 59), "2026-11-27T15:00:00+07:00"),
        (Fixtures.local(2026, 11, 27, 15), "2026-12-04T15:00:00+07:00"),
        (Fixtures.local(2026, 11, 28, 8), "2026-12-04T15:00:00+07:00"),
    ])
    func nextFridayAfternoon(from: Date, expected: String) {
        #expect(TicketTime.iso8601(DigestSchedule.friday1500.next(after: from)) == expected)
    }

    @Test func writesTheWeeksDigestEveryFridayAndPostsIt() async throws {
        let (store, _) = try WeeklyReportTests.scenario()
        let directory = Fixtures.temporaryDirectory().appendingPathComponent("reports").path
        let clock = JumpingClock(Fixtures.local(2026, 11, 25, 10), maxSleeps: 3)
        let webhook = ScriptedWebhook([500, nil])   // fails twice, then succeeds
        let log = Locked<[String]>([])
        let scheduler = DigestScheduler(store: store, directory: directory, clock: clock, webhook: URL(string: "https://chat.example/hook")!,
                                        sender: webhook, webhookAttempts: 3, retryDelay: 60, log: { line in log.withLock { $0.append(line) } })
        await scheduler.run()   // returns when the fake clock refuses its fourth sleep

        #expect(clock.sleeps.value.map(TicketTime.iso8601) == [
            "2026-11-27T15:00:00+07:00",   // first Friday
            "2026-11-27T15:01:00+07:00",   // webhook retry after 60 s
            "2026-11-27T15:03:00+07:00",   // then 120 s
            "2026-12-04T15:00:00+07:00",   // next Friday (refused: the loop ends)
        ])
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(files == ["2026-W48.html", "2026-W48.json", "2026-W48.md"])
        let markdown = try String(contentsOfFile: directory + "/2026-W48.md", encoding: .utf8)
        #expect(markdown == (try store.weeklyReport(week: ISOWeek("2026-W48")!, now: WeeklyReportTests.friday).render(.markdown)))
        #expect(webhook.posts.value.count == 3)
        let payload = try JSONSerialization.jsonObject(with: Data(webhook.posts.value[2].1.utf8)) as! [String: Any]
        #expect(payload["week"] as? String == "2026-W48")
        #expect((payload["markdown"] as? String) == markdown)
        #expect(log.value == [
            "digest webhook answered 500 (attempt 1 of 3)",
            "digest webhook unreachable (attempt 2 of 3)",
            "weekly digest 2026-W48 written: \(directory)/2026-W48.md, \(directory)/2026-W48.html, \(directory)/2026-W48.json",
        ])
    }

    @Test func webhookRetriesAreBounded() async throws {
        let (store, _) = try WeeklyReportTests.scenario()
        let directory = Fixtures.temporaryDirectory().path
        let webhook = ScriptedWebhook([503, 503, 503, 503, 503])
        let scheduler = DigestScheduler(store: store, directory: directory, clock: JumpingClock(WeeklyReportTests.friday, maxSleeps: 10),
                                        webhook: URL(string: "https://chat.example/hook")!, sender: webhook, webhookAttempts: 3)
        let output = try await scheduler.produce(at: WeeklyReportTests.friday)
        #expect(output.webhookStatus == 503)
        #expect(output.webhookAttempts == 3)
        #expect(webhook.posts.value.count == 3)
    }

    @Test func withoutAWebhookOnlyFilesAreWritten() async throws {
        let (store, _) = try WeeklyReportTests.scenario()
        let directory = Fixtures.temporaryDirectory().path
        let scheduler = DigestScheduler(store: store, directory: directory, clock: JumpingClock(WeeklyReportTests.friday, maxSleeps: 0))
        let output = try await scheduler.produce(at: WeeklyReportTests.friday)
        #expect(output == DigestScheduler.Output(week: "2026-W48", files: ["md", "html", "json"].map { "\(directory)/2026-W48.\($0)" },
                                                 webhookStatus: nil, webhookAttempts: 0))
    }
}
