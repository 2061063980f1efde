import Knowledge
import Testing
@testable import Dialogue

/// Short follow-ups resolve against the procedure the conversation is about.
@Suite("Follow-ups")
struct FollowUpTests {
    static let engine = Fixture.engine().engine

    @Test("a follow-up answers the aspect of the last procedure", arguments: [
        ("làm lại cccd bị mất", "cap-lai-can-cuoc", "cần giấy tờ gì", Aspect.documents, "Hồ sơ cấp lại thẻ căn cước gồm:"),
        ("làm lại cccd bị mất", "cap-lai-can-cuoc", "lệ phí bn", .fee, "Lệ phí cấp lại thẻ căn cước:"),
        ("làm lại cccd bị mất", "cap-lai-can-cuoc", "làm online được không", .online,
         "Có, thủ tục này nộp trực tuyến được tại https://dichvucong.gov.vn."),
        ("làm lại cccd bị mất", "cap-lai-can-cuoc", "lệ phí bao nhiêu", .fee, "Lệ phí cấp lại thẻ căn cước:"),
        ("đăng ký khai sinh cho con", "khai-sinh", "cần giấy tờ gì", .documents, "Hồ sơ đăng ký khai sinh gồm:"),
        ("đăng ký khai sinh cho con", "khai-sinh", "lệ phí bn", .fee, "Lệ phí đăng ký khai sinh:"),
        ("đăng ký khai sinh cho con", "khai-sinh", "làm online được không", .online,
         "Có, thủ tục này nộp trực tuyến được tại https://dichvucong.gov.vn."),
        ("xin giấy phép xây dựng nhà ở", "giay-phep-xay-dung", "mất bao lâu", .duration,
         "Thời hạn giải quyết cấp giấy phép xây dựng nhà ở riêng lẻ:"),
    ])
    func followUp(first: String, id: String, message: String, aspect: Aspect, firstLine: String) {
        let session = "follow-\(id)-\(message)"
        let opening = Self.engine.reply(session: session, message: first)
        #expect(opening.intent == .procedure)
        #expect(opening.procedure?.id == id)
        let reply = Self.engine.reply(session: session, message: message)
        #expect(reply.intent == .procedure)
        #expect(reply.procedure?.id == id)
        #expect(reply.aspect == aspect)
        #expect(reply.answer.hasPrefix(firstLine), "\(reply.answer)")
        #expect(Self.engine.sessions.peek(session)?.procedureID == id)
        #expect(Self.engine.sessions.peek(session)?.lastAspect == aspect)
    }

    @Test("follow-ups chain: each keeps the same procedure")
    func chain() {
        let session = "follow-chain"
        let turns: [(String, Aspect)] = [("lệ phí bao nhiêu", .fee), ("mất bao lâu", .duration), ("nộp ở đâu", .agency)]
        #expect(Self.engine.reply(session: session, message: "tôi muốn làm hộ chiếu lần đầu").procedure?.id == "cap-ho-chieu")
        for (message, aspect) in turns {
            let reply = Self.engine.reply(session: session, message: message)
            #expect(reply.procedure?.id == "cap-ho-chieu", "\(message)")
            #expect(reply.aspect == aspect, "\(message)")
        }
    }

    @Test("without a procedure in context, a bare aspect question is not pinned to one")
    func noContext() {
        let reply = Self.engine.reply(session: "follow-none", message: "cần giấy tờ gì")
        #expect(reply.intent != .procedure)
    }
}
