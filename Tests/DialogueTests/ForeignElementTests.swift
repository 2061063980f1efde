import Testing
@testable import Dialogue

/// A civil-status procedure and its "có yếu tố nước ngoài" variant follow what the message
/// tells: a foreign spouse, parent or birthplace picks the variant; two Vietnamese the base.
@Suite("Foreign element in civil status")
struct ForeignElementTests {
    static let engine = Fixture.engine().engine


    @Test("a foreign spouse, nationality, birthplace or a Vietnamese abroad tells of a foreign element", arguments: [
        "chồng em người Hàn, bé mới sinh", "vợ tôi mang quốc tịch Philippines", "sinh bé bên Nhật rồi về nước",
        "kết hôn với người nước ngoài", "anh ấy là Việt kiều", "cha mẹ khác quốc tịch", "khai sinh cho bé lai",
    ])
    func told(message: String) {
        #expect(ForeignElement.told(Fixture.folded(message)), "\(message)")
    }

    @Test("two Vietnamese, a centre or a crossroads do not", arguments: [
        "hai đứa đều là người Việt", "chúng tôi là công dân Việt Nam", "nộp ở trung tâm hành chính công",
        "nhà ở ngã ba", "người lao động muốn đăng ký kết hôn",
    ])
    func notTold(message: String) {
        #expect(!ForeignElement.told(Fixture.folded(message)), "\(message)")
    }

    @Test("the engine answers the base procedure for two Vietnamese and the variant for a foreign spouse")
    func engine() {
        let both = Self.engine.ask("Tụi em đều là người Việt, tính tháng sau làm đám cưới, muốn lên phường làm giấy cho hai đứa thành vợ chồng hợp pháp, nộp rồi thì chờ mấy ngày?")
        #expect(both.procedure?.id == "ket-hon")
        let foreign = Self.engine.ask("chồng tôi là người Pháp, con mới sinh ở bệnh viện Từ Dũ, làm khai sinh cho bé thế nào")
        #expect(foreign.procedure?.id == "khai-sinh-co-yeu-to-nuoc-ngoai")
    }
}
