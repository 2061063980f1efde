import Testing
@testable import VietText

/// Each stage of the chain on its own: input → expected tokens.
@Suite struct FilterTests {
    func run(_ text: String, _ filters: [any TokenFilter]) -> [String] {
        let input = AnalysisInput(text)
        var tokens = WordTokenizer().tokenize(input)
        for filter in filters { filter.apply(&tokens, input: input) }
        return tokens.map { "\($0.text)|\($0.folded)|\($0.kind.rawValue)@\($0.position)" }
    }

    @Test(arguments: [
        ("Xin chào, TP.HCM!", ["Xin||word@0", "chào||word@1", "TP.HCM||word@2"]),
        ("thu3 2025 😀 ＣＣＣＤ", ["thu3||word@0", "2025||number@1", "ＣＣＣＤ||word@2"]),
        ("01/2021/NĐ-CP", ["01||number@0", "2021||number@1", "NĐ||word@2", "CP||word@3"]),
    ])
    func tokenizerAlone(text: String, expected: [String]) {
        #expect(run(text, []) == expected)
    }

    @Test(arguments: [
        ("01/2021/NĐ-CP", ["01/2021/NĐ-CP||compound@0", "01||number@0", "2021||number@1", "NĐ||word@2", "CP||word@3"]),
        ("TP.HCM mới", ["TP.HCM||compound@0", "TP||word@0", "HCM||word@1", "mới||word@2"]),
        ("a - b", ["a||word@0", "b||word@1"]),
    ])
    func compoundFilter(text: String, expected: [String]) {
        #expect(run(text, [CompoundFilter()]) == expected)
    }

    @Test(arguments: [
        ("HOÀ Thuỷ", ["hòa|hoa|word@0", "thủy|thuy|word@1"]),
        ("Ðông ĐĂNG", ["đông|dong|word@0", "đăng|dang|word@1"]),
        ("ＣＣＣＤ ﬁle", ["cccd|cccd|word@0", "file|file|word@1"]),
        ("Crème Brûlée", ["crème|creme|word@0", "brûlée|brulee|word@1"]),
    ])
    func normalizeFilter(text: String, expected: [String]) {
        #expect(run(text, [NormalizeFilter()]) == expected)
    }

    @Test(arguments: [
        ("200k", ["200k|200k|word@0", "200000|200000|reading@0"]),
        ("2025 năm", ["2025|2025|number@0", "năm|nam|word@1"]),
    ])
    func numberReadingFilter(text: String, expected: [String]) {
        #expect(run(text, [NormalizeFilter(), NumberReadingFilter()]) == expected)
    }

    @Test func spellingCacheGivesTheSameKeysAsAFreshNormalization() {
        let text = "Hoà hoà HOÀ hòa Thuỷ thủy"
        let first = run(text, [NormalizeFilter()]), second = run(text, [NormalizeFilter()])
        #expect(first == second)
        #expect(first == ["hòa|hoa|word@0", "hòa|hoa|word@1", "hòa|hoa|word@2", "hòa|hoa|word@3", "thủy|thuy|word@4", "thủy|thuy|word@5"])
    }
}
