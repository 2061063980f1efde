import TestSupport
import Testing
@testable import VietText

/// Random hostile text through the whole analyzer: never a crash, NFC output, idempotent
/// folding, offsets that index the input.
@Suite struct PropertyTests {
    /// Pools of UTF-16 code units; surrogate halves are included on purpose.
    static let pools: [[UInt16]] = [
        Array("abcdđeghiklmnopqrstuvxy ".utf16),
        Array("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐÀÁÂÊÔƠƯ".utf16),
        [0x300, 0x301, 0x303, 0x309, 0x323, 0x302, 0x306, 0x31B, 0x20DD],          // combining marks
        [0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xD83D, 0xDE00],                             // surrogates, emoji halves
        Array("😀👍🏽👨‍👩‍👧🇻🇳".utf16),
        Array("مرحبا שלום \u{200F}\u{202E}".utf16),                                   // RTL and overrides
        [0x00, 0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x7F, 0x85, 0xA0, 0x200B, 0x200D, 0xFEFF, 0x2028],
        Array("0123456789./-,:%₫đ₫ＡＢＣ０１２ﬁﬂ".utf16),
        Array("東京中文ひらがなカタカナ한국어".utf16),
    ]

    static func randomText(_ generator: inout SeededGenerator, length: Int) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(length)
        for _ in 0..<length {
            let pool = pools[Int(generator.next() % UInt64(pools.count))]
            units.append(pool[Int(generator.next() % UInt64(pool.count))])
        }
        return TextSanitizer.decode(utf16: units).text
    }

    static func check(_ text: String, _ analyzer: Analyzer) -> String? {
        let analysis = analyzer.analyze(text, purpose: .query)
        let normalized = analysis.normalized
        if !ICU.isNormalized(Array(normalized.utf16), form: .nfc) { return "normalized text is not NFC" }
        let folded = VietString.foldKey(normalized)
        if VietString.foldKey(folded) != folded { return "folding is not idempotent" }
        if VietString.normalize(normalized) != normalized { return "normalization is not idempotent" }
        let bytes = Array(text.utf8), units = Array(text.utf16)
        for token in analysis.tokens {
            guard token.utf8Range.upperBound <= bytes.count, token.utf16Range.upperBound <= units.count else {
                return "token \(token) is out of bounds"
            }
            if String(decoding: bytes[token.utf8Range], as: UTF8.self) != String(decoding: units[token.utf16Range], as: UTF16.self) {
                return "token \(token) has UTF-8 and UTF-16 offsets that disagree"
            }
            if !ICU.isNormalized(Array(token.text.utf16), form: .nfc) { return "token \(token) is not NFC" }
        }
        _ = analysis.terms
        return nil
    }

    @Test func hundredThousandRandomStrings() {
        var generator = SeededGenerator(state: 20_261_129)
        let analyzer = Analyzer.document.with(lexicon: QueryExpansionTests.lexicon)
        var failures: [String] = []
        for index in 0..<100_000 {
            let length = Int(generator.next() % 40)
            let text = Self.randomText(&generator, length: length)
            if let failure = Self.check(text, analyzer) {
                failures.append("#\(index) \(failure): \(text.unicodeScalars.map { String($0.value, radix: 16) })")
                if failures.count > 5 { break }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func longLines() {
        var generator = SeededGenerator(state: 7)
        let analyzer = Analyzer.document.with(lexicon: QueryExpansionTests.lexicon)
        for _ in 0..<20 {
            let text = Self.randomText(&generator, length: 10_240)
            #expect(Self.check(text, analyzer) == nil)
        }
    }
}
