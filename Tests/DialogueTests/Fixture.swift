import Foundation
import Knowledge
import Testing
import VietText
@testable import Dialogue

/// The shipped knowledge (corpus/ and intents/ of this checkout) and engines over it, each with
/// an `InMemoryTicketDesk` so no test touches SQLite.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Loaded once for the whole test run: every suite builds its engine over it.
    static let knowledge: KnowledgeBase = {
        do {
            return try KnowledgeBase.load(corpus: root.appendingPathComponent("corpus").path,
                                          intents: root.appendingPathComponent("intents").path)
        } catch {
            fatalError("the shipped knowledge does not load: \(error)")
        }
    }()

    /// The index and trained classifiers, built once for every engine of the run.
    static let models = DialogueModels(knowledge: knowledge)

    /// A message's folded syllables without punctuation, as the routing rules read them.
    static func folded(_ message: String) -> [String] {
        VietString.searchKey(message).split(separator: " ").map { String($0.filter { $0.isLetter || $0.isNumber }) }.filter { !$0.isEmpty }
    }

    /// A fresh engine, its desk and its session store.
    static func engine(sessions: SessionStore = SessionStore(), memo: Int = 0) -> (engine: DialogueEngine, desk: InMemoryTicketDesk) {
        let desk = InMemoryTicketDesk()
        return (DialogueEngine(knowledge: knowledge, desk: desk, sessions: sessions, models: models, memo: memo), desk)
    }

    /// A procedure's title from the shipped corpus.
    static func title(_ id: String) -> String { knowledge.procedure(id: id)?.title ?? "<no procedure \(id)>" }

    static func replies(_ intent: ChitChat) -> [String] { knowledge.intents.chitChat[intent]?.replies ?? [] }

    static let starterSuggestions = ["Làm lại căn cước bị mất", "Đăng ký khai sinh cho con", "Tôi muốn phản ánh sự cố"]
}

/// A clock tests move by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_800_000_000)

    var now: Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
    var function: @Sendable () -> Date { { [self] in self.now } }
}

/// The citizen-facing texts the engine must say word for word.
enum Texts {
    static let askDescription = "Bạn mô tả giúp sự việc cần phản ánh (điều gì xảy ra, từ khi nào)?"
    static let askAddress = "Sự việc xảy ra ở đâu? Xin ghi số nhà, tên đường và phường/xã."
    static let askName = "Cho tôi xin họ tên của bạn để cán bộ liên hệ."
    static let askPhone = "Số điện thoại để cán bộ liên hệ là gì? (di động 10 số, ví dụ 0912 345 678)"
    static let badPhone = "Số điện thoại chưa đúng: số di động có 10 chữ số (ví dụ 0912 345 678), số cố định có 11 chữ số bắt đầu bằng 02."
    static let confirmHint = "Trả lời \"đồng ý\" để gửi, hoặc \"sửa …\" (ví dụ \"sửa số điện thoại 0912345678\") để chỉnh, \"hủy\" để thôi."
    static let cancelled = "Đã hủy phản ánh. Khi cần, bạn có thể gửi lại bất cứ lúc nào hoặc gọi Tổng đài 1022."
    static let askCode = "Bạn cho tôi xin mã phiếu phản ánh (dạng 1022-XXXX-XXXX)."
    static let askLookupPhone = "Bạn cho tôi xin số điện thoại đã dùng khi gửi phản ánh để đối chiếu."
    static let notFound = "Không tìm thấy phiếu khớp với mã và số điện thoại này. Bạn kiểm tra lại mã phiếu, hoặc gọi Tổng đài 1022 để được hỗ trợ."
    static let clarify = "Bạn hỏi về thủ tục nào dưới đây? Trả lời số thứ tự (ví dụ \"số 1\") hoặc tên thủ tục:"
    static let stopped = "Đã dừng tra cứu."

    static func start(_ category: String) -> String {
        "Tôi sẽ giúp bạn gửi phản ánh lĩnh vực \(category) đến Tổng đài 1022 TP. Hồ Chí Minh."
    }
}
