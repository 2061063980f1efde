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

    @Test("a follow-up naming a sibling procedure with the current title's words switches to it")
    func siblingByContext() {
        let session = "switch-sibling"
        #expect(Self.engine.reply(session: session, message: "em mới thuê phòng trọ, đăng ký tạm trú thế nào").procedure?.id == "dang-ky-tam-tru")
        let reply = Self.engine.reply(session: session, message: "còn khi hết hạn thì sao")
        #expect(reply.procedure?.id == "gia-han-tam-tru")
    }

    @Test("an online follow-up that mentions the portal stays with the procedure, not the portal guide")
    func portalWordsStay() {
        let session = "switch-guide"
        #expect(Self.engine.reply(session: session, message: "đổi bằng lái xe hết hạn").procedure?.id == "doi-gplx")
        let reply = Self.engine.reply(session: session, message: "đổi online trên dvc đc ko")
        #expect(reply.procedure?.id == "doi-gplx")
        #expect(reply.aspect == .online)
    }
}

