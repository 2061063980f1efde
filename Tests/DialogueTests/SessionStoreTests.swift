import Foundation
import Knowledge
import Testing
@testable import Dialogue

/// Sessions expire after an idle time, are bounded in number (LRU), and can be reset.
@Suite("Session store")
struct SessionStoreTests {
    @Test("a session idle longer than the timeout starts over")
    func expiry() {
        let clock = TestClock()
        let store = SessionStore(capacity: 10, idleTimeout: 60, clock: clock.function)
        store.with("a") { $0.procedureID = "khai-sinh" }
        clock.advance(60)
        #expect(store.peek("a")?.procedureID == "khai-sinh")
        store.with("a") { _ in }  // touching it renews the idle time
        clock.advance(61)
        #expect(store.peek("a") == nil)
        let fresh = store.with("a") { $0.procedureID }
        #expect(fresh == nil)
    }

    @Test("the engine forgets the procedure in context after the idle time")
    func engineExpiry() {
        let clock = TestClock()
        let engine = Fixture.engine(sessions: SessionStore(capacity: 10, idleTimeout: 300, clock: clock.function)).engine
        #expect(engine.reply(session: "idle", message: "tôi muốn làm hộ chiếu lần đầu").procedure?.id == "cap-ho-chieu")
        clock.advance(299)
        #expect(engine.sessions.peek("idle")?.procedureID == "cap-ho-chieu")
        clock.advance(301)
        #expect(engine.sessions.peek("idle") == nil)
        _ = engine.reply(session: "idle", message: "chào")
        #expect(engine.sessions.peek("idle")?.procedureID == nil)
    }

    @Test("beyond capacity the least recently used go first")
    func lru() {
        let clock = TestClock()
        let store = SessionStore(capacity: 10, idleTimeout: 3600, clock: clock.function)
        for index in 0..<10 {
            store.with("s\(index)") { _ in }
            clock.advance(1)
        }
        store.with("s0") { _ in }  // s0 is now the most recently used
        clock.advance(1)
        #expect(store.count == 10)
        store.with("s10") { _ in }
        // Over capacity: evicted down to 9 (a tenth free), oldest first.
        #expect(store.count == 9)
        #expect(store.peek("s0") != nil)
        #expect(store.peek("s1") == nil)
        #expect(store.peek("s2") == nil)
        #expect(store.peek("s3") != nil)
        #expect(store.peek("s10") != nil)
    }

    @Test("memory stays bounded under any number of sessions", arguments: [1, 7, 100])
    func bounded(capacity: Int) {
        let clock = TestClock()
        let store = SessionStore(capacity: capacity, idleTimeout: 3600, clock: clock.function)
        for index in 0..<5_000 {
            store.with("c\(index)") { $0.transcript = Array(repeating: "x", count: 50) }
            clock.advance(0.01)
            #expect(store.count <= capacity)
        }
        #expect(store.peek("c4999")?.transcript.count == 20)
    }

    @Test("reset forgets one session")
    func reset() {
        let store = SessionStore()
        store.with("keep") { $0.procedureID = "khai-sinh" }
        store.with("drop") { $0.procedureID = "ket-hon" }
        store.reset("drop")
        #expect(store.peek("drop") == nil)
        #expect(store.peek("keep")?.procedureID == "khai-sinh")
        #expect(store.count == 1)
        store.reset("absent")
        #expect(store.count == 1)
    }

    @Test("a nil or empty id gets a fresh session id", arguments: [nil, ""] as [String?])
    func newID(id: String?) {
        let engine = Fixture.engine().engine
        let first = engine.reply(session: id, message: "chào")
        let second = engine.reply(session: id, message: "chào")
        #expect(first.session.hasPrefix("s") && first.session.count > 1)
        #expect(first.session != second.session)
        #expect(engine.sessions.count == 2)
    }

    @Test("the known session id is echoed back")
    func echo() {
        let engine = Fixture.engine().engine
        #expect(engine.reply(session: "web-42", message: "chào").session == "web-42")
    }
}

/// The selection eviction uses to find its cut-off time.
@Suite("Session eviction cut-off")
struct EvictionCutoffTests {
    @Test("the rank-th smallest, as sorting would give, with ties and any order")
    func matchesSorting() {
        var generator = SystemRandomNumberGenerator()
        for count in [1, 2, 3, 10, 101, 1_000] {
            let values = (0..<count).map { _ in Double(Int.random(in: 0..<(count / 2 + 1), using: &generator)) }
            let sorted = values.sorted()
            for rank in Set([1, count / 3 + 1, count / 2 + 1, count]) {
                var scratch = values
                #expect(SessionStore.smallest(rank, in: &scratch) == sorted[rank - 1], "count \(count), rank \(rank)")
            }
        }
    }
}
