import Testing
@testable import VietText

/// Tokens, offsets, compounds and number readings.
@Suite struct TokenizerTests {
    func texts(_ input: String) -> [String] {
        Analyzer.document.tokens(input).map { "\($0.text)@\($0.position)" }
    }

    @Test(arguments: [
        ("Làm lại CCCD", ["làm@0", "lại@1", "cccd@2"]),
        ("Xin chào 😀👍 bạn!!!", ["xin@0", "chào@1", "bạn@2"]),
        ("ＣＣＣＤ ﬁle", ["cccd@0", "file@1"]),
        ("Nghị định 01/2021/NĐ-CP", ["nghị@0", "định@1", "01/2021/nđ-cp@2", "01@2", "2021@3", "nđ@4", "cp@5"]),
        ("số 123/QĐ-UBND", ["số@0", "123/qđ-ubnd@1", "123@1", "qđ@2", "ubnd@3"]),
        ("ngày 01/02/2025", ["ngày@0", "01/02/2025@1", "01@1", "02@2", "2025@3"]),
        ("gọi 0912.345.678", ["gọi@0", "0912.345.678@1", "0912345678@1", "0912@1", "345@2", "678@3"]),
        ("phí 1.500.000đ", ["phí@0", "1.500.000đ@1", "1500000@1", "1@1", "500@2", "000đ@3"]),
        ("1tr5 hay 200k", ["1tr5@0", "1500000@0", "hay@1", "200k@2", "200000@2"]),
        ("TP.HCM", ["tp.hcm@0", "tp@0", "hcm@1"]),
        ("hết hạn.", ["hết@0", "hạn@1"]),
    ])
    func tokenTable(input: String, expected: [String]) {
        #expect(texts(input) == expected)
    }

    @Test func offsetsIndexTheInput() {
        let input = "Ｃấp lại\u{00A0}hộ chiếu — 1.500.000đ"
        let bytes = Array(input.utf8)
        let utf16 = Array(input.utf16)
        for token in Analyzer.document.tokens(input) {
            let fromBytes = String(decoding: bytes[token.utf8Range], as: UTF8.self)
            let fromUnits = String(decoding: utf16[token.utf16Range], as: UTF16.self)
            #expect(fromBytes == fromUnits)
            #expect(VietString.normalize(fromBytes) == token.text || token.kind == .reading)
        }
        #expect(Analyzer.document.tokens(input).first?.utf8Range == 0..<7)
    }

    @Test func foldedKeys() {
        let tokens = Analyzer.document.tokens("Đăng ký ĐƯỜNG Ðông ngõ ngách café")
        #expect(tokens.map(\.folded) == ["dang", "ky", "duong", "dong", "ngo", "ngach", "cafe"])
        #expect(tokens.map(\.text) == ["đăng", "ký", "đường", "đông", "ngõ", "ngách", "café"])
    }

    @Test(arguments: [("1.500.000", "1500000"), ("1.500.000đ", "1500000"), ("50.000 đồng", nil), ("50000đ", "50000"),
                      ("1tr5", "1500000"), ("2tr", "2000000"), ("2triệu", "2000000"), ("200k", "200000"), ("1tr25", "1250000"),
                      ("0912.345.678", "0912345678"), ("01/02/2025", nil), ("2025", nil), ("1.5", nil), ("tr5", nil)] as [(String, String?)])
    func numberReadings(text: String, expected: String?) {
        #expect(NumberReadingFilter.reading(text) == expected)
    }

    @Test func termsHaveBothSpacesAndBigramsWithinPhrases() {
        let analysis = Analyzer.document.analyze("Mất giấy tờ. Cấp lại")
        let terms = analysis.terms.map(\.description)
        #expect(terms == [
            "a:mất@0", "f:mat@0", "a:giấy@1", "f:giay@1", "a:mất giấy@0", "f:mat giay@0",
            "a:tờ@2", "f:to@2", "a:giấy tờ@1", "f:giay to@1",
            "a:cấp@3", "f:cap@3", "a:lại@4", "f:lai@4", "a:cấp lại@3", "f:cap lai@3",
        ])
    }
}
