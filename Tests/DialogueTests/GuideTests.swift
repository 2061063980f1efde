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

    @Test("the level-2 identity account, not the VNeID guide, and only because of the penalty")
    func procedureBeforeGuide() {
        let question = "kich hoat vneid muc 2 can mang gi toi cong an"
        #expect(DialogueThresholds().guidePenalty > 0)
        #expect(Fixture.engine().engine.ask(question).procedure?.id == "dinh-danh-dien-tu")
        #expect(Self.engine(guidePenalty: 0).ask(question).procedure?.id == "huong-dan-vneid")
    }

    @Test("a question about the guide's own subject gets the guide", arguments: [
        ("cài đặt ứng dụng VNeID trên điện thoại thế nào", "huong-dan-vneid"),
    ])
    func guideItself(question: String, id: String) {
        #expect(Fixture.engine().engine.ask(question).procedure?.id == id)
    }
}
