/// Grows a corpus for benchmarks: recombines its titles and sentences into as many new
/// documents as asked, with fresh ids, the same way for the same seed.
///
///     let synthesizer = CorpusSynthesizer(source: documents, seed: 1)!
///     for document in synthesizer.documents(count: 100_000) { builder.add(document) }
///
/// Each document has a `title` (the first half of one source title followed by the second
/// half of another) and a `text` of a few sentences drawn from the source's non-title fields,
/// long sentences cut into pieces of at most `maxSentenceWords` words. Document `n` depends
/// only on the seed and `n` (its own random stream), so documents can be made lazily, in any
/// order, without keeping them. The words are the source's words: the vocabulary does not
/// grow with the count as a real corpus's would, so the term dictionary stays small; the
/// postings grow as they would. The labels of a question set do not match the new ids: at
/// scale only speed can be measured.
///
/// - Complexity: O(source text) to build; O(document length) per document.
public struct CorpusSynthesizer: Sendable {
    /// Every synthesized id is this prefix and a 1-based number, zero-padded to six digits.
    public static let idPrefix = "synth-"
    /// Sentences shorter than this many words are not used.
    public static let minSentenceWords = 4

    public let seed: UInt64
    /// How many sentences a document's text has (inclusive range).
    public let sentencesPerDocument: ClosedRange<Int>
    /// Longer sentences are cut into pieces of at most this many words.
    public let maxSentenceWords: Int
    /// The source titles, as words.
    public let titles: [[String]]
    /// The sentence pool the texts are drawn from.
    public let sentences: [String]

    /// Prepares the pools; nil when the source has no title and no sentence to recombine.
    public init?(source: [IndexDocument], seed: UInt64, sentencesPerDocument: ClosedRange<Int> = 2...4,
                 maxSentenceWords: Int = 30) {
        precondition(sentencesPerDocument.lowerBound >= 1 && maxSentenceWords >= Self.minSentenceWords)
        var titles: [[String]] = []
        var sentences: [String] = []
        for document in source {
            let words = Self.words(Substring(document.title))
            if !words.isEmpty { titles.append(words) }
            for field in document.fields where field.name != "title" {
                sentences += Self.sentences(in: field.text, maxWords: maxSentenceWords)
            }
        }
        if sentences.isEmpty { sentences = titles.filter { $0.count >= Self.minSentenceWords }.map { $0.joined(separator: " ") } }
        if titles.isEmpty { titles = sentences.map { Array(Self.words(Substring($0)).prefix(12)) } }
        guard !titles.isEmpty, !sentences.isEmpty else { return nil }
        self.seed = seed
        self.sentencesPerDocument = sentencesPerDocument
        self.maxSentenceWords = maxSentenceWords
        self.titles = titles
        self.sentences = sentences
    }

    /// The first `count` synthesized documents, made as they are iterated.
    public func documents(count: Int) -> LazyMapSequence<Range<Int>, IndexDocument> {
        (0..<max(count, 0)).lazy.map(document)
    }

    /// Synthesized document number `number` (0-based); its id is `synth-` and `number + 1`.
    public func document(_ number: Int) -> IndexDocument {
        var random = SplitMix64(seed: seed, stream: UInt64(number))
        let head = titles[random.below(titles.count)], tail = titles[random.below(titles.count)]
        let title = (head.prefix((head.count + 1) / 2) + tail.suffix(tail.count / 2)).joined(separator: " ")
        let count = sentencesPerDocument.lowerBound + random.below(sentencesPerDocument.count)
        var text = ""
        for index in 0..<count {
            if index > 0 { text += " " }
            text += sentences[random.below(sentences.count)] + "."
        }
        return IndexDocument(id: Self.id(number), title: title, fields: [("title", title), ("text", text)])
    }

    /// The id of document `number` (0-based).
    public static func id(_ number: Int) -> String {
        let digits = String(number + 1)
        return idPrefix + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// The sentences of a text: split at line breaks and at `.`, `!`, `?`, `;` before a space
    /// (so `1.500.000đ` and `01/2021/NĐ-CP` stay whole), list markers and spaces trimmed,
    /// pieces shorter than `minSentenceWords` dropped, longer ones cut at `maxWords`.
    public static func sentences(in text: String, maxWords: Int) -> [String] {
        var result: [String] = []
        func flush(_ piece: Substring) {
            let words = Self.words(piece)
            var start = 0
            while words.count - start >= minSentenceWords {
                let end = min(start + maxWords, words.count)
                result.append(words[start..<end].joined(separator: " "))
                start = end
            }
        }
        var pieceStart = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character.isNewline {
                flush(text[pieceStart..<index])
                pieceStart = next
            } else if ".!?;".contains(character), next == text.endIndex || text[next].isWhitespace {
                flush(text[pieceStart..<index])
                pieceStart = next
            }
            index = next
        }
        flush(text[pieceStart..<text.endIndex])
        return result
    }

    /// Whitespace-separated words, without leading list markers (`-`, `+`, `*`, `•`, `–`).
    static func words(_ text: Substring) -> [String] {
        var words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        while let first = words.first, first.allSatisfy({ "-+*•–".contains($0) }) { words.removeFirst() }
        return words
    }
}
