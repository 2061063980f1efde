import Foundation
import Testing
@testable import VietText

/// The trimming and NFC fast paths give exactly Foundation's results, whether or not they
/// take the fast path.
@Suite struct QuickCleaningTests {
    static let texts = [
        "", " ", "làm lại cccd bị mất cần giấy tờ gì", "  làm lại cccd  ", "\tthủ tục\n", "\u{00A0}căn cước\u{3000}",
        "hỏi\u{2028}", "\u{200B}ZWSP\u{200B}", "lam lai cccd?", "Đăng ký “khai sinh” — bao lâu…",
        "hòa thuỷ", "ho\u{0300}a", "Ðiện", "e\u{0301}", "\u{212B}ngström", "emoji 👍", "👍", "cafe\u{0301} ",
        "Ω ohm \u{2126}", "x\u{0323}\u{0302}", "ǅ Ǆ", "\u{1E9B}\u{0323}",
    ]

    @Test(arguments: texts)
    func trimmingEqualsFoundation(_ text: String) {
        #expect(text.trimmingWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test(arguments: texts)
    func precomposingEqualsFoundation(_ text: String) {
        let fast = text.precomposedIfNeeded()
        let foundation = text.precomposedStringWithCanonicalMapping
        // String == compares canonically; the scalars must match too.
        #expect(Array(fast.unicodeScalars) == Array(foundation.unicodeScalars))
    }

    @Test func fastPathsCoverTheUsualMessage() {
        #expect(String.isNeverTrimmed("l") && String.isNeverTrimmed("ì") && String.isNeverTrimmed("?"))
        #expect(!String.isNeverTrimmed(" ") && !String.isNeverTrimmed("\u{00A0}") && !String.isNeverTrimmed("\u{1680}"))
        #expect("làm lại căn cước ở đâu ạ?".unicodeScalars.allSatisfy(String.isAlwaysComposed))
        #expect(!String.isAlwaysComposed("\u{0300}") && !String.isAlwaysComposed("\u{2126}"))
    }
}
