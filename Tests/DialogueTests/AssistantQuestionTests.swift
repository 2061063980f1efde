import Knowledge
import Testing
@testable import Dialogue

/// Questions about the assistant itself (its name, its maker, help with no topic), which the
/// classifier takes for procedure questions, and look-alikes that are not about it.
@Suite("Questions about the assistant")
struct AssistantQuestionTests {
    static let engine = Fixture.engine().engine

    @Test("its name, its maker and a bare request for help are recognised", arguments: [
        ("em tên gì thế", ChitChat.identity), ("trợ lý tên là j vậy", .identity), ("ai viết ra cái chatbot này", .identity),
        ("hệ thống này do ai phát triển", .identity), ("bot này tên gì", .identity), ("ai làm ra bn vậy", .identity),
        ("mình cần được giúp đỡ", .help), ("cần hỗ trợ gấp", .help), ("tư vấn giúp tôi với", .help),
        ("trợ lý này giúp được những việc gì", .help), ("bn biết những gì vậy", .help), ("hỏi gì cũng được hả ad", .help),
        ("what can you do for me", .help),
    ])
    func recognised(message: String, kind: ChitChat) {
        let reading = Self.engine.read(message)
        #expect(AssistantQuestion.kind(reading.syllables, content: reading.content) == kind, "\(message)")
        #expect(Self.engine.ask(message).intent.rawValue == kind.rawValue, "\(message)")
    }

    @Test("names, makers and help that are about something else are left alone", arguments: [
        "ai làm ra bản sao giấy khai sinh", "tên con tôi viết sai thì sửa thế nào", "tôi cần hỗ trợ làm thẻ bảo hiểm y tế",
        "ai được hưởng trợ cấp hộ nghèo", "đổi tên công ty thì làm gì",
        "luật quy định việc tuyển sinh, văn bản đó tên gì",
        "họp với phường xong thì có văn bản trả lời gì không", "bạn biết thủ tục làm cccd gồm những gì không",
    ])
    func leftAlone(message: String) {
        let reading = Self.engine.read(message)
        #expect(AssistantQuestion.kind(reading.syllables, content: reading.content) == nil, "\(message)")
    }
}
