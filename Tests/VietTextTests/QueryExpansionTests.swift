import Testing
@testable import VietText

/// Query-side repair and lexicon readings, as weighted alternatives.
@Suite struct QueryExpansionTests {
    static let lexicon = Lexicon(entries: [
        .init(term: "cccd", kind: .abbreviation, readings: ["căn cước công dân", "căn cước"]),
        .init(term: "ko", kind: .teencode, readings: ["không"]),
        .init(term: "hông", kind: .teencode, readings: ["không"], weight: 0.5),
        .init(term: "đk", kind: .teencode, readings: ["được", "đăng ký", "điều kiện"]),
        .init(term: "sổ hồng", kind: .synonym, readings: ["giấy chứng nhận quyền sử dụng đất"]),
        .init(term: "bn", kind: .teencode, readings: ["bao nhiêu"]),
    ])
    let analyzer = Analyzer.document.with(lexicon: QueryExpansionTests.lexicon)

    func alternatives(_ query: String) -> [String] {
        analyzer.analyze(query, purpose: .query).alternatives.map(\.description)
    }

    @Test(arguments: [
        ("thur tucj caaps laij", ["thủ (telex 0.9) @0..<1", "tục (telex 0.9) @1..<2", "cấp (telex 0.9) @2..<3", "lại (telex 0.9) @3..<4"]),
        ("thu3 tu5c", ["thủ (vni 0.9) @0..<1", "tục (vni 0.9) @1..<2"]),
        ("nguwowif ddeens", ["người (telex 0.9) @0..<1", "đến (telex 0.9) @1..<2"]),
        ("ca6p1 la5i", ["cấp (vni 0.9) @0..<1", "lại (vni 0.9) @1..<2"]),
        ("ddăng ký", ["đăng (telex 0.9) @0..<1"]),
        ("ddương", ["đương (telex 0.9) @0..<1"]),
        ("thủ tục cấp lại", []),
        ("xin chao", []),
        ("giấy a4", []),
    ])
    func repairs(query: String, expected: [String]) {
        #expect(alternatives(query) == expected)
    }

    @Test(arguments: [
        ("làm cccd ko", ["căn cước công dân (abbreviation 0.9) @1..<2", "căn cước (abbreviation 0.9) @1..<2", "không (teencode 0.9) @2..<3"]),
        ("đk kinh doanh", ["được (teencode 0.9) @0..<1", "đăng ký (teencode 0.9) @0..<1", "điều kiện (teencode 0.9) @0..<1"]),
        ("dk kinh doanh", ["được (teencode 0.9) @0..<1", "đăng ký (teencode 0.9) @0..<1", "điều kiện (teencode 0.9) @0..<1"]),
        ("sổ hồng", ["giấy chứng nhận quyền sử dụng đất (synonym 0.7) @0..<2"]),
        ("so hong", ["giấy chứng nhận quyền sử dụng đất (synonym 0.7) @0..<2", "không (teencode 0.5) @1..<2"]),
        ("hết bn tiền", ["bao nhiêu (teencode 0.9) @1..<2"]),
        ("CCCD", ["căn cước công dân (abbreviation 0.9) @0..<1", "căn cước (abbreviation 0.9) @0..<1"]),
    ])
    func lexiconReadings(query: String, expected: [String]) {
        #expect(alternatives(query) == expected)
    }

    @Test func documentsGetNoAlternatives() {
        #expect(analyzer.analyze("làm cccd ko", purpose: .document).alternatives.isEmpty)
    }

    @Test func repairedTokensAlsoMeetTheLexicon() {
        #expect(alternatives("ddk") == [])
        let lexicon = Lexicon(entries: [.init(term: "cấp lại", kind: .synonym, readings: ["làm lại"])])
        let result = Analyzer.document.with(lexicon: lexicon).analyze("caaps laij", purpose: .query).alternatives.map(\.description)
        #expect(result == ["cấp (telex 0.9) @0..<1", "lại (telex 0.9) @1..<2", "làm lại (synonym 0.7) @0..<2"])
    }
}
