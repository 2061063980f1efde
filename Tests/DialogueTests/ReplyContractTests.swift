import Foundation
import Knowledge
import OrderedJSON
import Testing
@testable import Dialogue

/// The chat reply JSON of DESIGN.md, field by field: keys and their order, value types, null
/// where absent; every answer in NFC.
@Suite("Reply contract")
struct ReplyContractTests {
    static let fixture = Fixture.engine()
    static var engine: DialogueEngine { fixture.engine }

    static let keys = ["session", "intent", "answer", "procedure", "aspect", "category", "confidence", "candidates",
                       "suggestions", "ticket"]

    static func pairs(_ json: JSON) -> [(String, JSON)] {
        if case let .object(pairs) = json { return pairs }
        return []
    }

    static func isString(_ json: JSON?) -> Bool { if case .string = json { true } else { false } }
    static func isNumber(_ json: JSON?) -> Bool {
        switch json { case .double?, .int?: true; default: false }
    }
    static func number(_ json: JSON?) -> Double? {
        switch json { case let .double(value)?: value; case let .int(value)?: Double(value); default: nil }
    }

    @Test("a procedure reply: every key, in order, with its type")
    func procedureReply() throws {
        let reply = Self.engine.reply(session: "json-proc", message: "lệ phí đổi giấy phép lái xe là bao nhiêu")
        let json = reply.json
        #expect(Self.pairs(json).map(\.0) == Self.keys)
        #expect(json["session"] == .string("json-proc"))
        #expect(json["intent"] == .string("procedure"))
        #expect(Self.isString(json["answer"]))
        let procedure = try #require(json["procedure"])
        #expect(Self.pairs(procedure).map(\.0) == ["id", "title", "code", "score"])
        #expect(procedure["id"] == .string("doi-gplx"))
        #expect(procedure["title"] == .string("Đổi giấy phép lái xe"))
        #expect(procedure["code"] == .string("3.000347"))
        #expect(Self.isNumber(procedure["score"]))
        #expect(Self.number(procedure["score"]) == (reply.procedure!.score * 100).rounded() / 100)
        #expect(json["aspect"] == .string("fee"))
        #expect(json["category"] == .null)
        let confidence = try #require(Self.number(json["confidence"]))
        #expect((0...1).contains(confidence))
        #expect(confidence == (reply.confidence * 1000).rounded() / 1000)
        guard case let .array(candidates)? = json["candidates"] else { Issue.record("candidates is not an array"); return }
        #expect(candidates.count == 3)
        for candidate in candidates {
            #expect(Self.pairs(candidate).map(\.0) == ["id", "title", "score"])
            #expect(Self.isString(candidate["id"]) && Self.isString(candidate["title"]) && Self.isNumber(candidate["score"]))
        }
        #expect(candidates.first?["id"] == .string("doi-gplx"))
        #expect(json["suggestions"] == .array([.string("Hồ sơ gồm những gì?"), .string("Mất bao lâu?"), .string("Nộp hồ sơ ở đâu?")]))
        #expect(json["ticket"] == .null)
    }

    @Test("a deterministic reply, byte for byte")
    func serialized() {
        let reply = Self.engine.reply(session: "json-bytes", message: "tình trạng phiếu 1022-ABCD-1234 sđt 0912345678")
        #expect(reply.json.serialized() == """
            {"session":"json-bytes","intent":"ticket_status","answer":"Không tìm thấy phiếu khớp với mã và số điện thoại này. Bạn kiểm tra lại mã phiếu, hoặc gọi Tổng đài 1022 để được hỗ trợ.","procedure":null,"aspect":null,"category":null,"confidence":1,"candidates":[],"suggestions":[],"ticket":null}
            """)
    }

    @Test("a clarification: no procedure, the aspect asked, three candidates")
    func clarifyReply() {
        let json = Self.engine.reply(session: "json-clarify", message: "chứng thực").json
        #expect(Self.pairs(json).map(\.0) == Self.keys)
        #expect(json["intent"] == .string("clarify"))
        #expect(json["procedure"] == .null)
        #expect(json["aspect"] == .string("overview"))
        #expect(json["suggestions"] == .array([.string("Số 1"), .string("Số 2"), .string("Số 3")]))
        guard case let .array(candidates)? = json["candidates"] else { Issue.record("candidates is not an array"); return }
        let ids = candidates.compactMap { candidate -> String? in
            if case let .string(id)? = candidate["id"] { return id }
            return nil
        }
        #expect(Set(ids) == ["chung-thuc-hop-dong", "chung-thuc-chu-ky", "chung-thuc-ban-sao"])
        #expect(ids.count == 3)
    }

    @Test("an escalation names its category; the created ticket is an object")
    func escalationReply() throws {
        let session = "json-escalate"
        let first = Self.engine.reply(session: session, message: "cống trước nhà bị nghẹt, nước tràn lên đường hai hôm nay").json
        #expect(Self.pairs(first).map(\.0) == Self.keys)
        #expect(first["intent"] == .string("escalate"))
        #expect(first["category"] == .string("ha_tang"))
        #expect(first["procedure"] == .null && first["aspect"] == .null && first["ticket"] == .null)
        #expect(first["candidates"] == .array([]) && first["suggestions"] == .array([]))
        for message in ["hẻm 12 đường Lê Lợi phường Bến Thành", "Trần Văn Bình", "0903 123 456"] {
            _ = Self.engine.reply(session: session, message: message)
        }
        let done = Self.engine.reply(session: session, message: "đồng ý").json
        let ticket = try #require(done["ticket"])
        #expect(Self.pairs(ticket).map(\.0) == ["code", "status", "expected_by", "unit"])
        #expect(ticket["code"] == .string("1022-TEST-0001"))
        #expect(ticket["status"] == .string("Đã tiếp nhận"))
        #expect(ticket["expected_by"] == .string("07/12/2026"))
        #expect(ticket["unit"] == .string("Trung tâm 1022"))
    }

    @Test("the serialized reply is valid JSON with the contract's types")
    func parses() throws {
        let text = Self.engine.reply(session: "json-parse", message: "làm lý lịch tư pháp xong nhận được gì").json.serialized()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == Set(Self.keys))
        #expect(object["session"] as? String == "json-parse")
        #expect(object["intent"] as? String == "procedure")
        #expect(object["answer"] is String)
        #expect(object["procedure"] is [String: Any])
        #expect(object["aspect"] as? String == "result")
        #expect(object["category"] is NSNull)
        #expect(object["confidence"] is NSNumber)
        #expect(object["candidates"] is [[String: Any]])
        #expect(object["suggestions"] is [String])
        #expect(object["ticket"] is NSNull)
    }

    @Test("every intent and aspect value is one the contract names")
    func enumerations() {
        #expect(Intent.allCases.map(\.rawValue) == ["procedure", "clarify", "escalate", "ticket_status", "greeting", "thanks",
                                                    "goodbye", "identity", "help", "out_of_scope"])
        #expect(Aspect.allCases.map(\.rawValue) == ["overview", "documents", "fee", "duration", "agency", "steps", "online",
                                                    "requirements", "legal_basis", "result"])
        #expect(EscalationCategory.allCases.map(\.rawValue) == ["ha_tang", "giao_thong", "trat_tu_do_thi", "moi_truong", "y_te",
                                                                "hanh_chinh", "an_ninh", "khac"])
    }

    @Test("every answer and suggestion is NFC, including from decomposed input", arguments: [
        "xin chào", "cảm ơn", "bạn là ai", "giá xăng hôm nay bao nhiêu", "chứng thực",
        "lệ phí đổi giấy phép lái xe là bao nhiêu", "đăng ký khai sinh cho con nộp ở đâu", "quy trình làm hộ chiếu",
        "điều kiện mua nhà ở xã hội", "cấp phiếu lý lịch tư pháp theo luật nào", "cho tôi nói chuyện với cán bộ",
        "kiểm tra giúp tình trạng phản ánh của tôi", "hướng dẫn mình cách hỏi",
        "đăng ký khai sinh trực tuyến".decomposedStringWithCanonicalMapping,
    ])
    func nfc(message: String) {
        let reply = Self.engine.ask(message)
        for text in [reply.answer] + reply.suggestions + reply.candidates.map(\.title) {
            #expect(Array(text.unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars), "\(text)")
        }
    }
}
