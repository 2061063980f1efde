import Knowledge
import Testing
@testable import Dialogue

/// Filing a 1022 report: one question at a time, bad phone numbers, corrections, cancel, confirm.
@Suite("Escalation", .serialized)
struct EscalationTests {
    /// One desk for the suite; only `fullReport` creates a ticket, so its code is the first one.
    static let fixture = Fixture.engine()
    static var engine: DialogueEngine { fixture.engine }

    static let summaryHead = "Xin xác nhận nội dung phản ánh (Hạ tầng đô thị):\n• Sự việc: cống trước nhà bị nghẹt, nước tràn lên đường hai hôm nay\n• Địa điểm: hẻm 12 đường Lê Lợi phường Bến Thành\n"

    @Test("description, address with ward, name, a bad phone, corrections, then the ticket")
    func fullReport() throws {
        let session = "esc-full"
        func say(_ message: String) -> Reply { Self.engine.reply(session: session, message: message) }

        var reply = say("cống trước nhà bị nghẹt, nước tràn lên đường hai hôm nay")
        #expect(reply.intent == .escalate)
        #expect(reply.category == .haTang)
        #expect(reply.answer == Texts.start("Hạ tầng đô thị") + " " + Texts.askAddress)
        #expect(reply.procedure == nil && reply.ticket == nil)

        reply = say("hẻm 12 đường Lê Lợi phường Bến Thành")
        #expect(reply.answer == Texts.askName)
        #expect(Self.engine.sessions.peek(session)?.escalation?.ward == "Phường Bến Thành")

        reply = say("Trần Văn Bình")
        #expect(reply.answer == Texts.askPhone)

        reply = say("12345")
        #expect(reply.answer == Texts.badPhone + " " + Texts.askPhone)
        #expect(reply.intent == .escalate && reply.category == .haTang)
        #expect(Self.engine.sessions.peek(session)?.escalation?.phone == nil)

        reply = say("0903 123 456")
        #expect(reply.answer == Self.summaryHead + "• Người phản ánh: Trần Văn Bình\n• Điện thoại: 0903123456\n" + Texts.confirmHint)
        #expect(Self.engine.sessions.peek(session)?.escalation?.confirming == true)

        reply = say("sửa số điện thoại 0287 3001 234")
        #expect(reply.answer == Self.summaryHead + "• Người phản ánh: Trần Văn Bình\n• Điện thoại: 02873001234\n" + Texts.confirmHint)

        reply = say("sửa tên Trần Thị Bình")
        #expect(reply.answer == Self.summaryHead + "• Người phản ánh: Trần Thị Bình\n• Điện thoại: 02873001234\n" + Texts.confirmHint)

        reply = say("để tôi nghĩ thêm")
        #expect(reply.answer == Texts.confirmHint)
        #expect(Self.fixture.desk.created.isEmpty)

        reply = say("đồng ý")
        #expect(reply.intent == .escalate)
        #expect(reply.category == .haTang)
        #expect(reply.answer == "Đã gửi phản ánh đến Tổng đài 1022. Mã phiếu của bạn: 1022-TEST-0001 (đơn vị xử lý: Trung tâm 1022). Dự kiến trả lời trước ngày 07/12/2026. Bạn có thể hỏi \"phiếu 1022-TEST-0001 tới đâu rồi\" để tra cứu.")
        #expect(reply.ticket == Reply.TicketRef(code: "1022-TEST-0001", status: "Đã tiếp nhận", expectedBy: "07/12/2026", unit: "Trung tâm 1022"))
        #expect(Self.engine.sessions.peek(session)?.escalation == nil)

        let drafts = Self.fixture.desk.created
        try #require(drafts.count == 1)
        let draft = drafts[0]
        #expect(draft.category == .haTang)
        #expect(draft.description == "cống trước nhà bị nghẹt, nước tràn lên đường hai hôm nay")
        #expect(draft.address == "hẻm 12 đường Lê Lợi phường Bến Thành")
        #expect(draft.ward == "Phường Bến Thành")
        #expect(draft.name == "Trần Thị Bình")
        #expect(draft.phone == "02873001234")
        #expect(draft.transcript.count == 16)
        #expect(draft.transcript.first == "Công dân: cống trước nhà bị nghẹt, nước tràn lên đường hai hôm nay")
        #expect(draft.transcript.last == "Trợ lý: " + Texts.confirmHint)  // the answer to "để tôi nghĩ thêm"
    }

    @Test("a report that names its ward keeps the description and the ward from the first message")
    func wardInFirstMessage() {
        let session = "esc-ward"
        let reply = Self.engine.reply(session: session, message: "quán nhậu mở nhạc ầm ĩ tới 2 giờ sáng ở phường Tân Định, khiếu nại nhiều lần rồi")
        #expect(reply.category == .moiTruong)
        #expect(reply.answer == Texts.start("Môi trường") + " " + Texts.askAddress)
        let escalation = Self.engine.sessions.peek(session)?.escalation
        #expect(escalation?.description == "quán nhậu mở nhạc ầm ĩ tới 2 giờ sáng ở phường Tân Định, khiếu nại nhiều lần rồi")
        #expect(escalation?.ward == "Phường Tân Định")
        #expect(escalation?.missing == .address)
    }

    @Test("saying one wants to report is a report, whatever the rest resembles; asking how a complaint procedure works is not", arguments: [
        ("quán nhậu đầu hẻm bán bia cho học sinh, tôi muốn phản ánh", Intent.escalate),
        ("xin kiến nghị về việc xe ba gác chở vật liệu rơi vãi khắp đường", .escalate),
        ("muốn phản ánh về tiếng ồn thì gọi số nào", .procedure),
        ("thủ tục khiếu nại quyết định hành chính gồm những bước nào", .procedure),
    ])
    func wantsToReport(message: String, intent: Intent) {
        let reply = Self.engine.ask(message)
        #expect(reply.intent == intent, "\(message)")
        if intent == .escalate { #expect(reply.confidence == 1, "\(message): \(reply.confidence)") }
    }

    @Test("asking for a person starts with the description question")
    func handoff() {
        let session = "esc-handoff"
        let reply = Self.engine.reply(session: session, message: "cho tôi nói chuyện với cán bộ")
        #expect(reply.intent == .escalate)
        #expect(reply.category == .khac)
        #expect(reply.answer == Texts.start("Khác") + " " + Texts.askDescription)
        let next = Self.engine.reply(session: session, message: "vỉa hè trước nhà bị bể gạch cả tháng nay")
        #expect(next.answer == Texts.askAddress)
        #expect(Self.engine.sessions.peek(session)?.escalation?.description == "vỉa hè trước nhà bị bể gạch cả tháng nay")
        // The description names an infrastructure problem: the report should no longer be filed under "Khác".
        #expect(next.category == .haTang)
    }

    @Test("bad phone numbers get the Vietnamese error and the question again", arguments: [
        "12345", "0123456789", "09031234567", "không có", "0903 123 45",
    ])
    func badPhone(message: String) {
        let session = "esc-phone-\(message)"
        _ = Self.engine.reply(session: session, message: "cống trước nhà bị nghẹt, nước tràn lên đường hai hôm nay")
        _ = Self.engine.reply(session: session, message: "hẻm 12 đường Lê Lợi phường Bến Thành")
        _ = Self.engine.reply(session: session, message: "Trần Văn Bình")
        let reply = Self.engine.reply(session: session, message: message)
        #expect(reply.answer == Texts.badPhone + " " + Texts.askPhone)
        #expect(Self.engine.sessions.peek(session)?.escalation?.missing == .phone)
    }

    @Test("good phone numbers in the usual forms", arguments: [
        ("0903 123 456", "0903123456"), ("0903.123.456", "0903123456"), ("+84 903 123 456", "0903123456"),
        ("028 3822 1234", "02838221234"),
    ])
    func goodPhone(message: String, phone: String) {
        let session = "esc-goodphone-\(message)"
        _ = Self.engine.reply(session: session, message: "cống trước nhà bị nghẹt, nước tràn lên đường hai hôm nay")
        _ = Self.engine.reply(session: session, message: "hẻm 12 đường Lê Lợi phường Bến Thành")
        _ = Self.engine.reply(session: session, message: "Trần Văn Bình")
        let reply = Self.engine.reply(session: session, message: message)
        #expect(reply.answer.hasPrefix("Xin xác nhận nội dung phản ánh (Hạ tầng đô thị):\n"))
        #expect(Self.engine.sessions.peek(session)?.escalation?.phone == phone)
    }

    @Test("a correction with a bad phone number says what is wrong and keeps the old one")
    func badCorrection() {
        let session = "esc-badfix"
        for message in ["cống trước nhà bị nghẹt, nước tràn lên đường hai hôm nay", "hẻm 12 đường Lê Lợi phường Bến Thành",
                        "Trần Văn Bình", "0903 123 456"] {
            _ = Self.engine.reply(session: session, message: message)
        }
        let reply = Self.engine.reply(session: session, message: "sửa số điện thoại 12345")
        #expect(reply.answer.hasPrefix(Texts.badPhone), "\(reply.answer)")
        #expect(Self.engine.sessions.peek(session)?.escalation?.phone == "0903123456")
    }

    @Test("corrections of address and description update the summary")
    func correctAddressAndDescription() {
        let session = "esc-fix"
        for message in ["cống trước nhà bị nghẹt, nước tràn lên đường hai hôm nay", "hẻm 12 đường Lê Lợi phường Bến Thành",
                        "Trần Văn Bình", "0903 123 456"] {
            _ = Self.engine.reply(session: session, message: message)
        }
        _ = Self.engine.reply(session: session, message: "sửa địa chỉ số 5 đường Pasteur phường Sài Gòn")
        let reply = Self.engine.reply(session: session, message: "sửa nội dung cống bị nghẹt ba ngày nay")
        // The ward follows the corrected address.
        #expect(Self.engine.sessions.peek(session)?.escalation?.ward == "Phường Sài Gòn")
        #expect(reply.answer == "Xin xác nhận nội dung phản ánh (Hạ tầng đô thị):\n• Sự việc: cống bị nghẹt ba ngày nay\n• Địa điểm: số 5 đường Pasteur phường Sài Gòn\n• Người phản ánh: Trần Văn Bình\n• Điện thoại: 0903123456\n" + Texts.confirmHint)
    }

    @Test("\"hủy\" cancels, nothing is filed, and the next message is a normal turn", arguments: ["hủy", "huỷ", "thôi"])
    func cancel(word: String) {
        let session = "esc-cancel-\(word)"
        _ = Self.engine.reply(session: session, message: "cống trước nhà bị nghẹt, nước tràn lên đường hai hôm nay")
        _ = Self.engine.reply(session: session, message: "hẻm 12 đường Lê Lợi phường Bến Thành")
        let before = Self.fixture.desk.created.count
        let reply = Self.engine.reply(session: session, message: word)
        #expect(reply.intent == .escalate)
        #expect(reply.answer == Texts.cancelled)
        #expect(Self.engine.sessions.peek(session)?.escalation == nil)
        #expect(Self.fixture.desk.created.count == before)
        #expect(Self.engine.reply(session: session, message: "tôi muốn làm hộ chiếu lần đầu").procedure?.id == "cap-ho-chieu")
    }

    /// Reports misfiled today (see the report that came with these tests).
    @Test("the category of plain reports", arguments: [
        ("xe tải đậu chiếm hết làn đường trước chợ Bà Chiểu phường Gia Định suốt buổi sáng", EscalationCategory.giaoThong),
        ("rác thải đổ bừa bãi ở đầu hẻm 45 đường Nguyễn Trãi phường Chợ Quán mấy tuần nay không ai dọn", .moiTruong),
        ("phòng khám tư ở phường Bàn Cờ bán thuốc hết hạn", .yTe),
        ("người lạ trộm xe máy liên tục trong hẻm, đề nghị công an tuần tra", .anNinh),
    ])
    func category(message: String, category: EscalationCategory) {
        let reply = Self.engine.ask(message)
        if let reason = Self.knownMisfiled[message] {
            withKnownIssue(Comment(rawValue: reason)) {
                #expect(reply.intent == .escalate)
                #expect(reply.category == category)
            }
        } else {
            #expect(reply.intent == .escalate)
            #expect(reply.category == category)
        }
    }

    /// Reports misfiled today; each fails loudly once fixed so the entry is removed.
    static let knownMisfiled: [String: String] = [
        "xe tải đậu chiếm hết làn đường trước chợ Bà Chiểu phường Gia Định suốt buổi sáng": "'làn đường' cues infrastructure before traffic",
    ]
}
