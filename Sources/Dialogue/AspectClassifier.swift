import Knowledge
import VietText

/// Which aspect a procedure question asks, learned from the labelled questions of
/// `intents/aspect_examples.yaml`. Besides the words, each cue phrase found in the message is a
/// feature ("cue:fee", and its length), so the model learns how far each kind of cue can be
/// trusted instead of the longest cue always winning. Ward and commune names are masked: "ở
/// phường Bình Tân" says where the citizen lives, not that they ask where to submit.
struct AspectClassifier: Sendable {
    private let model: SoftmaxRegression?
    private let cues: PhraseMatcher<Aspect>
    private let places: PhraseMatcher<String>

    init(catalog: IntentCatalog, analyzer: Analyzer, places: PhraseMatcher<String>) {
        cues = PhraseMatcher(Aspect.allCases.flatMap { aspect in (catalog.aspects[aspect]?.cues ?? []).map { ($0, aspect) } })
        self.places = places
        var examples: [SoftmaxRegression.Example] = []
        for (index, aspect) in Aspect.allCases.enumerated() {
            for text in catalog.aspectExamples[aspect] ?? [] {
                let words = Self.masked(analyzer.tokens(text).filter(\.isPositional).map(\.folded), places)
                let features = Self.features(words: words, cues: cues.matches(in: words))
                if !features.isEmpty { examples.append((features, index)) }
            }
        }
        // Without labelled questions there is nothing to learn; the cue phrases decide alone.
        model = examples.isEmpty ? nil : SoftmaxRegression(examples: examples, classCount: Aspect.allCases.count, dimension: Self.dimension)
    }

    static let dimension = 1 << 15

    /// The most probable aspect of a message's syllables, or nil without a trained model.
    func classify(syllables: [String]) -> (aspect: Aspect, probability: Double)? {
        let words = Self.masked(syllables, places)
        return classify(words: words, cues: cues.matches(in: words))
    }

    /// The same for syllables already masked, given the cue phrases of `aspects.yaml` found in
    /// them (the `AspectDetector` looks for the same phrases, so a turn finds them once).
    /// `hashes`, when given, must be the n-gram hashes of `words`.
    func classify(words: [String], cues: [(phrase: PhraseMatcher<Aspect>.Phrase, start: Int)],
                  hashes: NGramHashes? = nil) -> (aspect: Aspect, probability: Double)? {
        guard let model else { return nil }
        let probabilities = model.probabilities(Self.features(words: words, cues: cues, hashes: hashes))
        guard let best = probabilities.indices.max(by: { probabilities[$0] < probabilities[$1] }) else { return nil }
        return (Aspect.allCases[best], Double(probabilities[best]))
    }

    /// The syllables with each place name replaced by one placeholder word.
    static func masked(_ syllables: [String], _ places: PhraseMatcher<String>) -> [String] {
        masked(syllables, places: places.matches(in: syllables))
    }

    /// The same, given the place names already found in the syllables.
    static func masked(_ syllables: [String], places found: [(phrase: PhraseMatcher<String>.Phrase, start: Int)]) -> [String] {
        guard !found.isEmpty else { return syllables }
        var starts: [Int: Int] = [:]
        for match in found { starts[match.start] = max(starts[match.start] ?? 0, match.phrase.syllables.count) }
        var result: [String] = []
        var index = 0
        while index < syllables.count {
            if let length = starts[index] {
                result.append("<noi>")
                index += length
            } else {
                result.append(syllables[index])
                index += 1
            }
        }
        return result
    }

    /// Word n-grams plus one feature per cue phrase found (its aspect, and its aspect with its length).
    static func features(words: [String], cues: [(phrase: PhraseMatcher<Aspect>.Phrase, start: Int)], hashes: NGramHashes? = nil) -> [Int] {
        var features = (hashes ?? NGramHashes(words: words)).features(dimension: dimension)
        for match in cues {
            let hashes = cueFeatures[match.phrase.label]!
            features.append(hashes[0])
            features.append(hashes[min(match.phrase.syllables.count, 4)])
        }
        return features
    }

    /// Per aspect: the hash of "cue:aspect", then of "cue:aspect:n" for cue lengths n = 1…4,
    /// computed once rather than formatted and hashed for every cue of every message.
    static let cueFeatures: [Aspect: [Int]] = Dictionary(uniqueKeysWithValues: Aspect.allCases.map { aspect in
        let name = aspect.rawValue
        return (aspect, [SoftmaxRegression.hash("cue:" + name, dimension)]
            + (1...4).map { SoftmaxRegression.hash("cue:\(name):\($0)", dimension) })
    })
}
