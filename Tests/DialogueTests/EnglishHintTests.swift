import Knowledge
import Testing
@testable import Dialogue

/// Messages in English get how to ask, in Vietnamese and English, with the Vietnamese question
/// for a subject hoidap knows; Vietnamese typed without marks is never taken for English.
@Suite("English messages")
struct EnglishHintTests {
    static let engine = Fixture.engine().engine

    @Test("an English question is told to ask in Vietnamese, with the question to send", arguments: [
        ("How do I renew my passport?", "cấp hộ chiếu phổ thông"),
        ("I lost my ID card, what should I do", "cấp lại thẻ căn cước"),
        ("where could I get a work permit", "cấp giấy phép lao động cho người nước ngoài"),
    ])
    func english(message: String, question: String) {
        let reply = Self.engine.ask(message)
        #expect(reply.intent == .outOfScope)
        #expect(reply.answer.hasPrefix("Xin lỗi, hiện tôi chỉ trả lời bằng tiếng Việt."))
        #expect(reply.answer.contains("Sorry, I can only answer in Vietnamese."))
        #expect(reply.answer.contains("ví dụ: \"\(question)\""))
        #expect(reply.suggestions.first == question)
    }

    @Test("the suggested question finds the procedure it stands for", arguments: EnglishHint.subjects.map(\.question))
    func suggestionAnswers(question: String) {
        let reply = Self.engine.ask(question)
        #expect(reply.intent == .procedure || reply.intent == .clarify, "\(question) → \(reply.intent)")
    }

    @Test("Vietnamese without marks, mixed messages and English small talk are not hinted", arguments: [
        "cho be di hoc can gi", "visa di my can gi", "work permit cho nguoi nuoc ngoai", "thank you bot", "hello",
        "can cuoc het han thi lam sao", "to khai dang ky tam tru o dau",
    ])
    func notEnglish(message: String) {
        #expect(!Self.engine.ask(message).answer.contains("Sorry, I can only answer in Vietnamese."), "\(message)")
    }
}
