import Testing
@testable import Retrieval

/// Synthesized corpora for benchmarks: deterministic per seed, fresh ids, the asked count.
@Suite struct CorpusSynthesizerTests {
    static let source = [
        IndexDocument(id: "1.001193", title: "Đăng ký khai sinh cho trẻ em", fields: [
            ("title", "Đăng ký khai sinh cho trẻ em"),
            ("text", "Nộp tờ khai đăng ký khai sinh. Lệ phí là 1.500.000đ theo 01/2021/NĐ-CP; nhận kết quả trong ngày.\n- Xuất trình giấy chứng sinh bản chính"),
        ]),
        IndexDocument(id: "1.000757", title: "Cấp lại thẻ căn cước", fields: [
            ("title", "Cấp lại thẻ căn cước"),
            ("text", "Người dân đến công an phường để làm thủ tục. Thời hạn giải quyết là bảy ngày làm việc!"),
        ]),
        IndexDocument(id: "1.000894", title: "Đăng ký kết hôn", fields: [
            ("title", "Đăng ký kết hôn"),
            ("steps", "Hai bên nam nữ nộp hồ sơ tại ủy ban. Ngắn quá. Cán bộ tư pháp kiểm tra và trao giấy chứng nhận kết hôn"),
        ]),
    ]

    static func synthesizer(seed: UInt64 = 1) throws -> CorpusSynthesizer {
        try #require(CorpusSynthesizer(source: source, seed: seed))
    }

    @Test(arguments: [
        ("Nộp tờ khai đăng ký khai sinh. Lệ phí là 1.500.000đ theo 01/2021/NĐ-CP; nhận kết quả trong ngày.\n- Xuất trình giấy chứng sinh bản chính", 30,
         ["Nộp tờ khai đăng ký khai sinh", "Lệ phí là 1.500.000đ theo 01/2021/NĐ-CP", "nhận kết quả trong ngày",
          "Xuất trình giấy chứng sinh bản chính"]),
        ("Ngắn quá. Có hỏi không? + Bốn chữ ở đây", 30, ["Bốn chữ ở đây"]),
        ("một hai ba bốn năm sáu bảy tám chín mười", 4, ["một hai ba bốn", "năm sáu bảy tám"]),
        ("  \n\n", 30, []),
    ])
    func sentencesSplitAtBoundaries(text: String, maxWords: Int, expected: [String]) {
        #expect(CorpusSynthesizer.sentences(in: text, maxWords: maxWords) == expected)
    }

    @Test func poolsComeFromTitlesAndOtherFields() throws {
        let synthesizer = try Self.synthesizer()
        #expect(synthesizer.titles.map { $0.joined(separator: " ") } == ["Đăng ký khai sinh cho trẻ em", "Cấp lại thẻ căn cước", "Đăng ký kết hôn"])
        #expect(synthesizer.sentences == [
            "Nộp tờ khai đăng ký khai sinh", "Lệ phí là 1.500.000đ theo 01/2021/NĐ-CP", "nhận kết quả trong ngày",
            "Xuất trình giấy chứng sinh bản chính", "Người dân đến công an phường để làm thủ tục",
            "Thời hạn giải quyết là bảy ngày làm việc", "Hai bên nam nữ nộp hồ sơ tại ủy ban",
            "Cán bộ tư pháp kiểm tra và trao giấy chứng nhận kết hôn",
        ])
    }

    @Test func splitMixMatchesTheReferenceSequence() {
        // Vigna's splitmix64.c from state 1234567.
        var generator = SplitMix64(state: 1_234_567)
        #expect((0..<5).map { _ in generator.next() } == [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ])
    }

    /// Pins the output for seed 1: a change here changes every published `--scale` figure.
    @Test func exactDocumentsForSeedOne() throws {
        let documents = Array(try Self.synthesizer().documents(count: 2))
        let first = "Lệ phí là 1.500.000đ theo 01/2021/NĐ-CP. nhận kết quả trong ngày. Lệ phí là 1.500.000đ theo 01/2021/NĐ-CP. Lệ phí là 1.500.000đ theo 01/2021/NĐ-CP."
        let second = "Nộp tờ khai đăng ký khai sinh. Cán bộ tư pháp kiểm tra và trao giấy chứng nhận kết hôn. Hai bên nam nữ nộp hồ sơ tại ủy ban."
        #expect(documents == [
            IndexDocument(id: "synth-000001", title: "Cấp lại thẻ cho trẻ em", fields: [("title", "Cấp lại thẻ cho trẻ em"), ("text", first)]),
            IndexDocument(id: "synth-000002", title: "Đăng ký khai sinh kết hôn", fields: [("title", "Đăng ký khai sinh kết hôn"), ("text", second)]),
        ])
    }

    @Test func sameSeedSameDocumentsOtherSeedOthers() throws {
        let first = Array(try Self.synthesizer(seed: 7).documents(count: 50))
        let again = Array(try Self.synthesizer(seed: 7).documents(count: 50))
        let other = Array(try Self.synthesizer(seed: 8).documents(count: 50))
        #expect(first == again)
        #expect(first.map(\.id) == other.map(\.id))
        #expect(first.map(\.fields.last!.text) != other.map(\.fields.last!.text))
        // Document n depends on n only, not on the documents made before it.
        #expect(try Self.synthesizer(seed: 7).document(42) == first[42])
    }

    @Test func freshUniqueIdsAndTheAskedCount() throws {
        let documents = Array(try Self.synthesizer().documents(count: 1000))
        #expect(documents.count == 1000)
        #expect(Set(documents.map(\.id)).count == 1000)
        #expect(Set(documents.map(\.id)).isDisjoint(with: Self.source.map(\.id)))
        #expect(documents.first?.id == "synth-000001")
        #expect(documents.last?.id == "synth-001000")
        #expect(CorpusSynthesizer.id(999_999) == "synth-1000000")
        #expect(Array(try Self.synthesizer().documents(count: 0)).isEmpty)
    }

    @Test func everyDocumentHasATitleAndAFewSentences() throws {
        let synthesizer = try Self.synthesizer(seed: 3)
        let pool = Set(synthesizer.sentences)
        let heads = Set(synthesizer.titles.map { $0.prefix(($0.count + 1) / 2).joined(separator: " ") })
        for document in synthesizer.documents(count: 300) {
            #expect(document.fields.map(\.name) == ["title", "text"])
            #expect(document.text(of: "title") == document.title)
            #expect(heads.contains { document.title == $0 || document.title.hasPrefix($0 + " ") })
            let text = try #require(document.text(of: "text"))
            #expect(text.hasSuffix("."))
            let sentences = text.dropLast().components(separatedBy: ". ")
            #expect((2...4).contains(sentences.count))
            #expect(sentences.allSatisfy(pool.contains))
        }
    }

    @Test func sourcesWithoutTextAreHandled() throws {
        #expect(CorpusSynthesizer(source: [], seed: 1) == nil)
        #expect(CorpusSynthesizer(source: [IndexDocument(id: "x", title: "", fields: [("text", "ba chữ thôi")])], seed: 1) == nil)
        // Titles only: the longer titles become the sentences.
        let titlesOnly = try #require(CorpusSynthesizer(source: Self.source.map {
            IndexDocument(id: $0.id, title: $0.title, fields: [("title", $0.title)])
        }, seed: 1))
        #expect(titlesOnly.sentences == ["Đăng ký khai sinh cho trẻ em", "Cấp lại thẻ căn cước", "Đăng ký kết hôn"])
    }
}
