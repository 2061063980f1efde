import Foundation
import Testing
@testable import Retrieval
import VietText

/// Scores computed by hand on a three-document corpus.
@Suite struct BM25FTests {
    static func index(_ config: RetrievalConfig = .plain) -> InvertedIndex {
        var builder = IndexBuilder(config: config)
        builder.add(IndexDocument(id: "a", title: "mất giấy tờ", fields: [("title", "mất giấy tờ"), ("text", "báo mất giấy tờ tùy thân")]))
        builder.add(IndexDocument(id: "b", title: "mặt đường", fields: [("title", "mặt đường"), ("text", "sửa mặt đường bị hư")]))
        builder.add(IndexDocument(id: "c", title: "cấp lại", fields: [("title", "cấp lại"), ("text", "cấp lại giấy tờ")]))
        return builder.build()
    }

    @Test func handComputedScore() throws {
        let index = Self.index()
        // Query "đường": folded "duong" is in b only (title len 2, text len 5; titles 3+2+2, texts 6+5+4).
        let searcher = Searcher(index: index, analyzer: .document)
        let hits = searcher.search("đường")
        #expect(hits.map(\.id) == ["b"])
        let idf = log(1 + (3 - 1 + 0.5) / (1 + 0.5))
        let averageTitle = 7.0 / 3, averageText = 15.0 / 3
        let tfTitle = 2.0 * 1 / (1 - 0.5 + 0.5 * 2 / averageTitle)  // title: w 2, b 0.5
        let tfText = 1.0 * 1 / (1 - 0.75 + 0.75 * 5 / averageText)  // text: w 1, b 0.75
        let tf = tfTitle + tfText
        let folded = idf * tf / (1.2 + tf)
        let accented = idf * 0.3 * tf / (1.2 + tf)                    // same postings, accent bonus 0.3
        let score = try #require(hits.first?.score)
        #expect(abs(score - (folded + accented)) < 1e-5, "score \(score), expected \(folded + accented)")
        let explanation = Explainer(index: index).explain(searcher.plan("đường"), document: 1)
        #expect(abs(explanation.value - score) < 1e-9)
        #expect(explanation.children.count == 2)
    }

    @Test func accentExactMatchOutranksFoldOnly() {
        let searcher = Searcher(index: Self.index(), analyzer: .document)
        #expect(searcher.search("mất").map(\.id).first == "a")
        #expect(searcher.search("mặt").map(\.id).first == "b")
        // Typed without marks, both match in the folded space.
        #expect(Set(searcher.search("mat").map(\.id)) == ["a", "b"])
    }

    @Test func bareSyllableInAMarkedMessageIsSpelledAsMeant() {
        var builder = IndexBuilder(config: .plain)
        builder.add(IndexDocument(id: "floor", title: "", fields: [("text", "xây thêm tầng nhà")]))
        builder.add(IndexDocument(id: "floors", title: "", fields: [("text", "nâng tầng và sửa tầng")]))
        builder.add(IndexDocument(id: "funeral", title: "", fields: [("text", "báo tử sau đám tang")]))
        let searcher = Searcher(index: builder.build(), analyzer: .document)
        func accented(_ query: String) -> Set<String> {
            let plan = searcher.plan(query)
            return Set(plan.clauses.filter { $0.source == .accent }.map(plan.text(of:)))
        }
        // Typed without any marks, "tang" may be "tầng" typed bare: the spelling most documents use is credited.
        #expect(accented("tang nha").contains("tầng"))
        // In a message typed with marks, bare "tang" is "tang" (a funeral), never "tầng".
        #expect(accented("lo đám tang").contains("tang"))
        #expect(!accented("lo đám tang").contains("tầng"))
        #expect(searcher.search("lo đám tang").first?.id == "funeral")
    }

    @Test func phraseOutranksScatteredWords() {
        var builder = IndexBuilder(config: .plain)
        builder.add(IndexDocument(id: "scattered", title: "", fields: [("text", "giấy phép và tờ khai")]))
        builder.add(IndexDocument(id: "phrase", title: "", fields: [("text", "giấy tờ và phép khai")]))
        let searcher = Searcher(index: builder.build(), analyzer: .document)
        #expect(searcher.search("giấy tờ").map(\.id) == ["phrase", "scattered"])
    }

    @Test func typoMatchesWithinOneEdit() {
        let searcher = Searcher(index: Self.index(), analyzer: .document)
        let plan = searcher.plan("dduong")  // not a syllable nor telex of one: "dduong" → đuong is invalid
        #expect(plan.unknown == ["dduong"] || plan.clauses.contains { $0.source == .telex || $0.source == .fuzzy })
        let typo = searcher.plan("duongg")
        #expect(typo.unknown == ["duongg"])
        #expect(typo.clauses.map(typo.text(of:)) == ["duong"])
        #expect(typo.clauses.map(\.source) == [.fuzzy])
        #expect(searcher.search("duongg").map(\.id) == ["b"])
    }

    @Test func synonymExpansionFromTheLexicon() {
        let lexicon = Lexicon(entries: [.init(term: "đổi", kind: .synonym, readings: ["cấp lại"])])
        let searcher = Searcher(index: Self.index(), analyzer: Analyzer.document.with(lexicon: lexicon))
        #expect(searcher.search("đổi").map(\.id) == ["c"])
        let sources = Set(searcher.plan("đổi").clauses.map(\.source))
        #expect(sources == [.synonym])
        #expect(Searcher(index: Self.index(), analyzer: .document).search("đổi").isEmpty)
    }

    @Test func topKIsOrderedAndBounded() {
        let searcher = Searcher(index: Self.index(), analyzer: .document)
        let hits = searcher.search("giấy tờ", limit: 1)
        #expect(hits.count == 1)
        let all = searcher.search("giấy tờ", limit: 10)
        #expect(all.map(\.id) == ["a", "c"])
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.score >= $1.score })
        #expect(searcher.search("", limit: 10).isEmpty)
        #expect(searcher.search("giấy", limit: 0).isEmpty)
    }
}

extension RetrievalConfig {
    /// Simple weights for hand computation: title 2 (b 0.5), other fields 1 (b 0.75).
    static var plain: RetrievalConfig {
        var config = RetrievalConfig()
        config.k1 = 1.2
        config.defaultB = 0.75
        config.defaultFieldWeight = 1
        config.fieldWeights = ["title": 2]
        config.fieldB = ["title": 0.5]
        config.accentBonus = 0.3
        config.bigramWeight = 0.6
        config.fuzzyWeight = 0.4
        return config
    }
}
