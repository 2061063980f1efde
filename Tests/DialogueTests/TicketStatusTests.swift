import Knowledge
import Testing
@testable import Dialogue

/// Looking up a 1022 ticket: the code, then the phone, then the status.
@Suite("Ticket status", .serialized)
struct TicketStatusTests {
    static let fixture = Fixture.engine()
    static var engine: DialogueEngine { fixture.engine }

    /// Files one ticket (the desk is fresh, so its code is 1022-TEST-0001).
    static let code: String = {
        let draft = TicketDraft(category: .moiTruong, description: "rác tồn đọng", address: "hẻm 3 đường Hai Bà Trưng",
                                ward: "Phường Sài Gòn", name: "Lê Văn An", phone: "0903123456", transcript: [])
        return (try? fixture.desk.create(draft).code) ?? "none"
    }()

    @Test("code in the message → the phone is asked → the status")
    func codeThenPhone() {
        #expect(Self.code == "1022-TEST-0001")
        let session = "status-ok"
        let first = Self.engine.reply(session: session, message: "phiếu 1022-test-0001 tới đâu rồi")
        #expect(first.intent == .ticketStatus)
        #expect(first.answer == Texts.askLookupPhone)
        #expect(first.ticket == nil)
        #expect(Self.engine.sessions.peek(session)?.statusLookup == Session.StatusLookup(code: "1022-TEST-0001", phone: nil))
        let reply = Self.engine.reply(session: session, message: "0903 123 456")
        #expect(reply.intent == .ticketStatus)
        #expect(reply.answer == "Phiếu 1022-TEST-0001: Đã tiếp nhận. Đơn vị xử lý: Trung tâm 1022. Cập nhật lần cuối: 29/11/2026.")
        #expect(reply.ticket == Reply.TicketRef(code: "1022-TEST-0001", status: "Đã tiếp nhận", expectedBy: nil, unit: "Trung tâm 1022"))
        #expect(Self.engine.sessions.peek(session)?.statusLookup == nil)
    }

    @Test("a wrong phone gets the not-found text")
    func wrongPhone() {
        #expect(Self.code == "1022-TEST-0001")
        let session = "status-wrong"
        _ = Self.engine.reply(session: session, message: "phiếu 1022-TEST-0001 tới đâu rồi")
        let reply = Self.engine.reply(session: session, message: "0912 345 678")
        #expect(reply.intent == .ticketStatus)
        #expect(reply.answer == Texts.notFound)
        #expect(reply.ticket == nil)
    }

    @Test("code and phone in one message", arguments: [
        ("tình trạng phiếu 1022-TEST-0001 sđt 0903123456", "Phiếu 1022-TEST-0001: Đã tiếp nhận. Đơn vị xử lý: Trung tâm 1022. Cập nhật lần cuối: 29/11/2026."),
        ("tình trạng phiếu 1022-ABCD-1234 sđt 0912345678", Texts.notFound),
    ])
    func oneMessage(message: String, answer: String) {
        #expect(Self.code == "1022-TEST-0001")
        let reply = Self.engine.reply(session: "status-one-\(message)", message: message)
        #expect(reply.intent == .ticketStatus)
        #expect(reply.answer == answer)
    }

    @Test("no code → the code is asked, then the phone")
    func askCodeFirst() {
        #expect(Self.code == "1022-TEST-0001")
        let session = "status-nocode"
        #expect(Self.engine.reply(session: session, message: "kiểm tra giúp tình trạng phản ánh của tôi").answer == Texts.askCode)
        #expect(Self.engine.reply(session: session, message: "1022-TEST-0001").answer == Texts.askLookupPhone)
        let reply = Self.engine.reply(session: session, message: "0903123456")
        #expect(reply.ticket?.code == "1022-TEST-0001")
    }

    @Test("\"hủy\" stops the lookup")
    func cancel() {
        let session = "status-cancel"
        _ = Self.engine.reply(session: session, message: "kiểm tra phiếu 1022-ABCD-1234 giúp tôi")
        let reply = Self.engine.reply(session: session, message: "hủy")
        #expect(reply.intent == .ticketStatus)
        #expect(reply.answer == Texts.stopped)
        #expect(Self.engine.sessions.peek(session)?.statusLookup == nil)
    }

    @Test("a message that is not an answer ends the lookup and is handled as itself")
    func otherMessage() {
        let session = "status-other"
        _ = Self.engine.reply(session: session, message: "kiểm tra phiếu 1022-ABCD-1234 giúp tôi")
        let reply = Self.engine.reply(session: session, message: "tôi muốn làm hộ chiếu lần đầu")
        #expect(reply.intent == .procedure)
        #expect(reply.procedure?.id == "cap-ho-chieu")
        #expect(Self.engine.sessions.peek(session)?.statusLookup == nil)
    }

    @Test("a status question mentions the report made; a complaint asked as a question makes one", arguments: [
        ("phản ánh của tôi tới đâu rồi", true), ("hôm trước mình báo đèn đường hư, giờ sao rồi", true),
        ("kiến nghị gửi tuần trước có kết quả chưa", true), ("cúp điện từ trưa tới giờ ko ai báo trước, có ai xử lý ko", false),
        ("sao mấy tuần rồi chưa ai sửa đèn đường hẻm nhà e", false), ("bao giờ thì có người xuống", false),
    ])
    func earlierReport(message: String, mentions: Bool) {
        let syllables = Self.engine.read(message).syllables
        #expect(DialogueEngine.mentionsEarlierReport(syllables) == mentions, "\(message)")
    }

    @Test("an outage asked about without a report made is escalated, not looked up")
    func outageEscalates() {
        let reply = Self.engine.reply(session: "status-outage", message: "cúp điện từ trưa tới giờ ko ai báo trước, có ai xử lý ko")
        #expect(reply.intent == .escalate)
        #expect(reply.category?.rawValue == "ha_tang")
    }
}

/// Finding a ticket code inside a message.
@Suite("Ticket codes in messages")
struct TicketCodeScanTests {
    @Test("a code anywhere, any case, comes back upper-cased; near misses are not codes", arguments: [
        ("mã của tôi là 1022-ab12-CD34 nhé", "1022-AB12-CD34"),
        ("1022-ABCD-1234", "1022-ABCD-1234"),
        ("tra cứu giúp 1022-ABCD-1234, sđt 0901234567", "1022-ABCD-1234"),
        ("mã 1022-ABC-1234 sai", nil),
        ("gọi 1022 để phản ánh", nil),
        ("1022-ÂBCD-1234", nil),
        ("", nil),
    ] as [(String, String?)])
    func scan(message: String, code: String?) {
        #expect(Fixture.engine().engine.ticketCode(in: message) == code)
    }
}
