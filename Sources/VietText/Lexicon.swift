/// Abbreviations, teencode and synonyms that citizens type, with the words they stand for.
///
/// The data lives in `intents/lexicon.yaml` (loaded by the `Knowledge` target); this type
/// only matches entries against analyzed tokens. Matching is on folded syllables, and a
/// syllable the citizen typed with marks must also agree in its marks, so "hồng" does not
/// match the teencode "hông" (không) while "hong" does.
public struct Lexicon: Sendable {
    /// What kind of entry: how it is used and its default weight.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case abbreviation, teencode, synonym

        public var defaultWeight: Double {
            switch self {
            case .abbreviation, .teencode: 0.9
            case .synonym: 0.7
            }
        }
    }

    /// One entry as written in the data file.
    public struct Entry: Sendable, Equatable {
        public var term: String
        public var kind: Kind
        public var readings: [String]
        public var weight: Double

        public init(term: String, kind: Kind, readings: [String], weight: Double? = nil) {
            self.term = term
            self.kind = kind
            self.readings = readings
            self.weight = weight ?? kind.defaultWeight
        }
    }

    /// One match of an entry over a span of token positions.
    public struct Match: Sendable {
        public var entry: Entry
        /// Positions covered, half-open.
        public var span: Range<Int>
        /// The entry's readings, normalized and analyzed.
        public var readings: [(text: String, parts: [Alternative.Part])]
    }

    struct Compiled: Sendable {
        var entry: Entry
        var syllables: [(text: String, folded: String)]
        /// Each reading normalized, with its syllables.
        var readings: [(text: String, parts: [Alternative.Part])]
    }

    public let entries: [Entry]
    /// Entries by their first folded syllable (`StringTable`: every syllable of a query is looked up).
    private let byFirstSyllable: StringTable<[Compiled]>

    /// The empty lexicon.
    public static let empty = Lexicon(entries: [])

    public init(entries: [Entry]) {
        self.entries = entries
        let analyzer = Analyzer.document
        var index: [String: [Compiled]] = [:]
        for entry in entries {
            let syllables = analyzer.tokens(entry.term).filter(\.isPositional).map { ($0.text, $0.folded) }
            guard let first = syllables.first else { continue }
            let readings = entry.readings.map { reading in
                let tokens = analyzer.tokens(reading).filter(\.isPositional)
                return (VietString.normalize(reading), tokens.map { Alternative.Part(text: $0.text, folded: $0.folded) })
            }
            index[first.1, default: []].append(Compiled(entry: entry, syllables: syllables, readings: readings))
        }
        // Longer terms first, so "sổ hồng" is reported before a one-syllable entry.
        self.byFirstSyllable = StringTable(index.mapValues { $0.sorted { $0.syllables.count > $1.syllables.count } })
    }

    /// The entry whose term normalizes to the same syllables, if any.
    public func entry(for term: String) -> Entry? {
        let tokens = Analyzer.document.tokens(term).filter(\.isPositional)
        guard let first = tokens.first else { return nil }
        return byFirstSyllable[first.folded]?.first {
            $0.syllables.map(\.text) == tokens.map(\.text)
        }?.entry
    }

    /// Every entry matching a run of positional tokens.
    /// - Complexity: O(n · e), e the entries sharing a first syllable.
    public func matches(in tokens: [Token]) -> [Match] {
        // Through a buffer: indexing the array copied each token (and retained its two strings).
        tokens.withUnsafeBufferPointer { tokens in
            let words = tokens.indices.filter { tokens[$0].isPositional }
            var found: [Match] = []
            for start in words.indices {
                guard let candidates = byFirstSyllable[tokens[words[start]].folded] else { continue }
                for candidate in candidates where start + candidate.syllables.count <= words.count {
                    let span = start..<(start + candidate.syllables.count)
                    var agrees = true
                    for offset in candidate.syllables.indices {
                        let word = words[start + offset], syllable = candidate.syllables[offset]
                        guard tokens[word].folded == syllable.folded,
                              tokens[word].text == tokens[word].folded || syllable.text == syllable.folded
                                || tokens[word].text == syllable.text else { agrees = false; break }
                    }
                    if agrees {
                        found.append(Match(entry: candidate.entry,
                                           span: tokens[words[span.lowerBound]].position..<(tokens[words[span.upperBound - 1]].position + 1),
                                           readings: candidate.readings))
                    }
                }
            }
            return found
        }
    }
}
