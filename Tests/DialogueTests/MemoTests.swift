import Foundation
import Knowledge
import Testing
@testable import Dialogue

/// The memo of readings: bounded, keeps what is asked again, and never changes a reply.
@Suite("Reading memo")
struct MemoTests {
    /// Counts how often the memoized function really ran.
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func add() { lock.withLock { count += 1 } }
    }

    @Test("a key computed once is handed out again, and counted as a hit")
    func computesOnce() {
        let memo = BoundedMemo<String, Int>(capacity: 8)
        let calls = Calls()
        for _ in 0..<3 {
            #expect(memo.value(for: "xin chào") { calls.add(); return $0.count } == 8)
        }
        #expect(calls.value == 1)
        #expect(memo.counts == MemoCounts(hits: 2, misses: 1))
    }

    @Test("never more than the capacity, and a key asked again and again survives")
    func boundedAndKeepsTheUsed() {
        let memo = BoundedMemo<Int, Int>(capacity: 10)
        let calls = Calls()
        for key in 0..<200 {
            _ = memo.value(for: key) { $0 * 2 }
            #expect(memo.count <= 10)
            #expect(memo.value(for: -1) { calls.add(); return $0 } == -1)
        }
        #expect(calls.value == 1)
        // An old key that was not asked again is gone and is computed afresh.
        #expect(memo.lookUp(3) == nil)
        #expect(memo.value(for: 3) { $0 * 2 } == 6)
    }

    @Test("capacity 0 keeps nothing")
    func disabled() {
        let memo = BoundedMemo<String, Int>(capacity: 0)
        let calls = Calls()
        for _ in 0..<3 { _ = memo.value(for: "a") { calls.add(); return $0.count } }
        #expect(calls.value == 3)
        #expect(memo.count == 0)
        #expect(memo.counts == MemoCounts())
    }

    @Test("threads sharing a memo all get the right values")
    func concurrent() async {
        let memo = BoundedMemo<Int, String>(capacity: 64)
        await withTaskGroup(of: Bool.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    (0..<2_000).allSatisfy { step in
                        let key = (step * 7 + worker) % 100
                        return memo.value(for: key) { String($0) } == String(key)
                    }
                }
            }
            for await correct in group { #expect(correct) }
        }
        #expect(memo.count <= 64)
        let counts = memo.counts
        #expect(counts.hits + counts.misses == 16_000)
        #expect(counts.hits > 0)
    }

    /// Short first questions, each asked twice, then follow-ups whose meaning depends on the
    /// procedure in context.
    static let conversations: [[String]] = [
        ["làm lại cccd bị mất cần gì", "lệ phí bao nhiêu", "làm online được không"],
        ["xin chào"], ["xin chào"], ["cảm ơn nhiều nha"],
        ["tôi muốn làm hộ chiếu lần đầu", "lệ phí bao nhiêu", "mất bao lâu"],
        ["lệ phí bao nhiêu"],
        ["đăng ký khai sinh cho con", "lệ phí bao nhiêu"],
        ["giá vàng hôm nay"], ["đường trước nhà có ổ gà lớn", "Ổ gà sâu trước số 12"],
        ["làm lại cccd bị mất cần gì", "lệ phí bao nhiêu"],
        ["căn cước"], ["căn cước", "số 2"],
        ["tôi muốn làm hộ chiếu lần đầu", "nộp ở đâu"],
    ]

    @Test("replies with the memo are the replies without it, context included")
    func sameReplies() {
        let plain = Fixture.engine().engine
        let memoized = Fixture.engine(memo: 64).engine
        for (number, turns) in Self.conversations.enumerated() {
            for message in turns {
                let expected = plain.reply(session: "p\(number)", message: message)
                let got = memoized.reply(session: "m\(number)", message: message)
                #expect(got.intent == expected.intent, "\(message)")
                #expect(got.procedure?.id == expected.procedure?.id, "\(message)")
                #expect(got.aspect == expected.aspect, "\(message)")
                #expect(got.answer == expected.answer, "\(message)")
                #expect(got.candidates.map(\.id) == expected.candidates.map(\.id), "\(message)")
                #expect(got.confidence == expected.confidence, "\(message)")
            }
        }
        // Asked again: "xin chào", "làm lại cccd bị mất cần gì" and its follow-up in the same
        // context, "tôi muốn làm hộ chiếu lần đầu", "căn cước"; "lệ phí bao nhiêu" is read once per context.
        #expect(memoized.memoCounts.hits >= 5)
        #expect(memoized.readings.lookUp(.init(message: "lệ phí bao nhiêu", context: "cap-ho-chieu")) != nil)
        #expect(memoized.readings.lookUp(.init(message: "lệ phí bao nhiêu", context: nil)) != nil)
    }

    @Test("the same follow-up means the procedure in context, memo or not")
    func contextKeysTheMemo() {
        let engine = Fixture.engine(memo: 64).engine
        _ = engine.reply(session: "a", message: "tôi muốn làm hộ chiếu lần đầu")
        #expect(engine.reply(session: "a", message: "lệ phí bao nhiêu").procedure?.id == "cap-ho-chieu")
        _ = engine.reply(session: "b", message: "đăng ký khai sinh cho con")
        #expect(engine.reply(session: "b", message: "lệ phí bao nhiêu").procedure?.id == "khai-sinh")
        #expect(engine.reply(session: "c", message: "lệ phí bao nhiêu").procedure == nil)
    }
}
