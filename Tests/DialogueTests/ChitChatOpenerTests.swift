import Knowledge
import Testing
@testable import Dialogue

/// Small talk recognised by its opening: thanks, greetings and farewells that go on to tell
/// something, but never a greeting that goes on to ask, request or report.
@Suite("Small talk by its opening")
struct ChitChatOpenerTests {
    static let engine = Fixture.engine().engine


    @Test("an opener decides the kind; letters held at the end count once", arguments: [
        ("Xin cảm ơn, phần giải thích về lệ phí rất rõ", ChitChat.thanks), ("thankss ad", .thanks),
        ("tôi rất biết ơn, nhờ bạn chỉ mà tôi nộp được rồi", .thanks), ("Xin kính chào, tôi là chủ tiệm tạp hóa", .greeting),
        ("chàoo bạn", .greeting), ("chào bạn, tôi đi làm đây", .goodbye), ("chào nhé, mình off đây", .goodbye),
        ("Xin cáo từ", .goodbye), ("xin chào cán bộ trực ca hôm nay", .greeting),
        ("cảm ơn bạn đã hướng dẫn kỹ, nhờ vậy tôi nộp xong rồi", .thanks),
        ("cảm ơn nhiều, mong lần sau lại được hỗ trợ như vậy", .thanks),
    ])
    func kinds(message: String, kind: ChitChat) {
        #expect(ChitChatOpener.kind(Fixture.folded(message)) == kind, "\(message)")
    }

    @Test("a greeting that goes on to want something is not small talk", arguments: [
        "chào ad, em muốn làm lại cccd", "xin chào, cho tôi hỏi về khai sinh", "chào bạn, cần tư vấn đăng ký kết hôn",
        "làm lại cccd", "hộ chiếu bao lâu thì có", "Kính gửi quý cơ quan, đường trước nhà tôi ngập nửa tháng nay",
        "Kính chào quý cơ quan, xưởng gỗ đầu hẻm chạy máy tới khuya, mong được kiểm tra",
        "chào anh chị, đề nghị phường dọn bãi rác ở cuối chợ",
    ])
    func needs(message: String) {
        #expect(ChitChatOpener.kind(Fixture.folded(message)) == nil, "\(message)")
    }

    @Test("a greeting that only announces a question, or asks leave to ask, is still a greeting", arguments: [
        "chào chị, cho em hỏi xíu được không ạ", "Kính gửi quý cơ quan, tôi xin phép được hỏi một việc",
    ])
    func announcing(message: String) {
        #expect(ChitChatOpener.kind(Fixture.folded(message)) == .greeting, "\(message)")
        #expect(Self.engine.ask(message + "?").intent == .greeting, "\(message)?")
    }

    @Test("the engine answers openers that tell as small talk and openers that ask or report as they are")
    func engine() {
        #expect(Self.engine.ask("Xin cảm ơn, phần giải thích về thời gian giải quyết hồ sơ rất hữu ích cho gia đình tôi.").intent == .thanks)
        #expect(Self.engine.ask("Xin kính chào. Tôi là Nguyễn Văn Hùng, chủ tiệm tạp hóa ở phường Bình Thạnh.").intent == .greeting)
        #expect(Self.engine.ask("chào ad, làm lại căn cước bị mất thì cần giấy tờ gì?").intent == .procedure)
        #expect(Self.engine.ask("chào anh, nhà tôi ở phường Bình Thạnh bị cúp nước ba ngày nay rồi").intent == .escalate)
    }
}
