import Knowledge
import Testing
@testable import Dialogue

/// A new topic replaces the procedure in context cleanly.
@Suite("Topic switch")
struct TopicSwitchTests {
    static let engine = Fixture.engine().engine

    @Test("\"còn làm cccd cho con thì sao\" after another procedure", arguments: [
        ("làm hộ chiếu online", "cap-ho-chieu"),
        ("đăng ký khai sinh cho con", "khai-sinh"),
    ])
    func switchTopic(first: String, firstID: String) {
        let session = "switch-\(firstID)"
        #expect(Self.engine.reply(session: session, message: first).procedure?.id == firstID)
        let reply = Self.engine.reply(session: session, message: "còn làm cccd cho con thì sao")
        #expect(reply.intent == .procedure)
        #expect(reply.procedure?.id == "cap-can-cuoc")
        #expect(reply.aspect == .overview)
        #expect(reply.answer.hasPrefix("**Cấp thẻ căn cước**\n"))
        #expect(Self.engine.sessions.peek(session)?.procedureID == "cap-can-cuoc")
    }

    @Test("after the switch, follow-ups are about the new procedure")
    func followUpAfterSwitch() {
        let session = "switch-follow"
        _ = Self.engine.reply(session: session, message: "làm hộ chiếu online")
        _ = Self.engine.reply(session: session, message: "còn làm cccd cho con thì sao")
        let reply = Self.engine.reply(session: session, message: "cần giấy tờ gì")
        #expect(reply.procedure?.id == "cap-can-cuoc")
        #expect(reply.aspect == .documents)
    }

    @Test("a full question about another procedure is not taken as a follow-up")
    func fullQuestion() {
        let session = "switch-full"
        _ = Self.engine.reply(session: session, message: "làm lại cccd bị mất")
        let reply = Self.engine.reply(session: session, message: "lệ phí đổi giấy phép lái xe là bao nhiêu")
        #expect(reply.procedure?.id == "doi-gplx")
        #expect(reply.aspect == .fee)
    }
}
