import Knowledge
import Testing
@testable import Dialogue

/// General guides (using VNeID, the portal, booking) match many questions a little; a specific
/// procedure that matches as well comes first, and questions about the guide still get it.
@Suite("Guides against procedures")
struct GuideTests {
    static func engine(guidePenalty: Double) -> DialogueEngine {
        var thresholds = DialogueThresholds()
        thresholds.guidePenalty = guidePenalty
        return DialogueEngine(knowledge: Fixture.knowledge, desk: InMemoryTicketDesk(), models: Fixture.models, thresholds: thresholds)
    }

    @Test("the joint death registration online, not the portal guide, and only because of the penalty")
    func procedureBeforeGuide() {
        let question = "khai tử liên thông trên dvc online làm sao ad"
        #expect(DialogueThresholds().guidePenalty > 0)
        #expect(Fixture.engine().engine.ask(question).procedure?.id == "lien-thong-khai-tu")
        #expect(Self.engine(guidePenalty: 0).ask(question).procedure?.id == "huong-dan-cong-dich-vu-cong-tphcm")
    }

    @Test("the level-2 identity account, not the VNeID guide")
    func identityAccount() {
        #expect(Fixture.engine().engine.ask("kich hoat vneid muc 2 can mang gi toi cong an").procedure?.id == "dinh-danh-dien-tu")
    }

    @Test("a question about the guide's own subject gets the guide", arguments: [
        ("cài đặt ứng dụng VNeID trên điện thoại thế nào", "huong-dan-vneid"),
    ])
    func guideItself(question: String, id: String) {
        #expect(Fixture.engine().engine.ask(question).procedure?.id == id)
    }
}
