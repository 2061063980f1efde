import Testing
@testable import Dialogue

/// Another country's papers are out of scope with a reply naming who handles them; a
/// nationality, a trip abroad or a Vietnamese procedure named outright is not.
@Suite("Foreign governments' papers")
struct ForeignDocumentTests {
    static let engine = Fixture.engine().engine


    @Test("a paper followed by a country, or a green card, is another government's", arguments: [
        "chồng tôi muốn làm lại hộ chiếu Hàn Quốc", "xin visa Nhật Bản cần chứng minh tài chính không",
        "thủ tục xin thẻ xanh định cư", "xin quốc tịch Canada thế nào", "gia hạn hộ chiếu Mỹ",
        "vợ tôi cần gia hạn hộ chiếu Thái thì nộp ở đâu", "làm visa Lào mất mấy ngày",
    ])
    func foreign(message: String) {
        #expect(ForeignDocument.asks(Fixture.folded(message)), "\(message)")
    }

    @Test("a nationality, a Vietnamese passport for a trip, or our own papers are not", arguments: [
        "chồng tôi quốc tịch Hàn Quốc, làm khai sinh cho con thế nào", "làm hộ chiếu đi Nhật cần gì",
        "hộ chiếu cho con", "bằng lái xe hết hạn", "có bằng lái của Đức, muốn lái xe ở đây", "vợ tôi người Hàn, hộ chiếu của tôi sắp hết hạn", "em trai tôi định cư Mỹ rồi, muốn xóa thường trú",
        "vợ tôi đang hưởng thai sản, hộ chiếu của cô ấy sắp hết hạn",
    ])
    func notForeign(message: String) {
        #expect(!ForeignDocument.asks(Fixture.folded(message)), "\(message)")
    }

    @Test("the engine refuses another country's passport and says who handles it")
    func refuses() {
        let reply = Self.engine.ask("chồng tôi người Hàn, muốn làm lại hộ chiếu Hàn Quốc thì làm sao")
        #expect(reply.intent == .outOfScope)
        #expect(reply.answer.contains("đại sứ quán"))
        #expect(reply.procedure == nil)
    }

    @Test("a Vietnamese passport for a trip abroad is still answered")
    func vietnamesePassport() {
        let reply = Self.engine.ask("làm hộ chiếu đi Hàn Quốc du lịch cần giấy tờ gì")
        #expect(reply.intent == .procedure)
        #expect(reply.procedure?.id == "cap-ho-chieu")
    }

    @Test("a procedure of ours named beside another country's paper is answered")
    func oursNamed() {
        let reply = Self.engine.ask("xin lý lịch tư pháp để nộp hồ sơ visa Úc thì làm ở đâu")
        #expect(reply.intent == .procedure)
        #expect(reply.procedure?.id == "ly-lich-tu-phap")
    }

    @Test("the same paper said twice is still the other country's")
    func samePaperAgain() throws {
        let words = Fixture.folded("con chưa có hộ chiếu, làm hộ chiếu Đài Loan cho cháu ở đâu")
        let span = try #require(ForeignDocument.span(in: words))
        let mentions = ForeignDocument.mentions(of: span, in: words)
        #expect(mentions.count == 6)  // "hộ chiếu" twice and "Đài Loan"
        #expect(mentions.isSuperset(of: span))
        let reply = Self.engine.ask("Con có quốc tịch Đài Loan nhưng chưa có hộ chiếu. Làm hộ chiếu Đài Loan cho cháu thì nộp ở đâu?")
        #expect(reply.intent == .outOfScope)
        #expect(reply.procedure == nil)
    }
}
