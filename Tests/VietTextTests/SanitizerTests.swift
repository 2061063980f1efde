import Testing
@testable import VietText

/// Invalid input is replaced and reported, never a crash.
@Suite struct SanitizerTests {
    @Test func invalidUTF8BecomesReplacementCharacter() {
        let bytes: [UInt8] = [0x78, 0x69, 0x6E, 0xFF, 0x20, 0x63, 0x68, 0xC3, 0xA0, 0x6F, 0xE1, 0xBA]
        let result = TextSanitizer.decode(utf8: bytes)
        #expect(result.text == "xin\u{FFFD} chào\u{FFFD}")
        #expect(result.warnings == ["replaced 2 invalid UTF-8 sequences with U+FFFD"])
    }

    @Test func loneSurrogatesBecomeReplacementCharacter() {
        let units: [UInt16] = [0x61, 0xD800, 0x62, 0xDC00]
        let result = TextSanitizer.decode(utf16: units)
        #expect(result.text == "a\u{FFFD}b\u{FFFD}")
        #expect(result.warnings == ["replaced 2 invalid surrogates with U+FFFD"])
    }

    @Test func validInputHasNoWarnings() {
        #expect(TextSanitizer.decode(utf8: Array("cấp lại".utf8)) == .init(text: "cấp lại", warnings: []))
    }

    @Test func analyzerReportsWarningsFromBytes() {
        let bytes = Array("cấp".utf8) + [0xC0] + Array(" lạ".utf8)
        let analysis = Analyzer.document.analyze(bytes: bytes)
        #expect(analysis.warnings == ["replaced 1 invalid UTF-8 sequence with U+FFFD"])
        #expect(analysis.input.text == "cấp\u{FFFD} lạ")
        #expect(analysis.tokens.map(\.text) == ["cấp", "lạ"])
        #expect(analysis.tokens.map(\.utf8Range) == [0..<5, 9..<13])
    }
}
