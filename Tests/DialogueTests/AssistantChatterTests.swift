import Testing
@testable import Dialogue

/// Chatter put to the assistant (entertain me, tell me about yourself) is declined as out of
/// scope; look-alikes about a business, a child's age or a job are still procedure questions.
@Suite("Chatter to the assistant")
struct AssistantChatterTests {
    static let engine = Fixture.engine().engine

    @Test("requests to entertain and questions about its private life are declined", arguments: [
        "kể chuyện cười nghe đi", "ke chuyen cuoi ve cong an phuong di", "làm một bài thơ tặng mẹ tôi",
        "bạn có người yêu chưa", "ad năm nay mấy tuổi rồi", "bot ăn cơm chưa 😄", "hát cho tôi nghe một bài",
    ])
    func declined(message: String) {
        #expect(AssistantChatter.asks(Fixture.folded(message)), "\(message)")
        let reply = Self.engine.ask(message)
        #expect(reply.intent == .outOfScope, "\(message)")
        #expect(reply.procedure == nil, "\(message)")
    }

    @Test("a karaoke business, a child's age and a builder's job are not chatter", arguments: [
        "mở phòng hát cho khách thuê cần giấy phép gì", "con em mấy tuổi thì phải làm căn cước",
        "con trai 19 tuổi đi làm thợ hồ xa nhà có phải báo tạm vắng không", "em 15 tuổi làm cccd được không",
        "bạn tôi có người yêu người Hàn, muốn đăng ký kết hôn thì cần gì",
    ])
    func notChatter(message: String) {
        #expect(!AssistantChatter.asks(Fixture.folded(message)), "\(message)")
        // Answered, or asked back which procedure ("căn cước" is issued, renewed and reissued).
        #expect([.procedure, .clarify].contains(Self.engine.ask(message).intent), "\(message)")
    }

    @Test("the citizen's friend is not the assistant")
    func friend() {
        #expect(!AssistantChatter.asks(Fixture.folded("bạn tôi có người yêu chưa")))
        #expect(AssistantChatter.asks(Fixture.folded("bạn có người yêu chưa")))
    }
}
