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
                let syllables = analyzer.tokens(text).filter(\.isPositional).map(\.folded)
                let features = Self.features(Self.masked(syllables, places), cues)
                if !features.isEmpty { examples.append((features, index)) }
            }
        }
        // Without labelled questions there is nothing to learn; the cue phrases decide alone.
        model = examples.isEmpty ? nil : SoftmaxRegression(examples: examples, classCount: Aspect.allCases.count, dimension: Self.dimension)
    }

    static let dimension = 1 << 15

    /// The most probable aspect and its probability, or nil without a trained model.
    func classify(syllables: [String]) -> (aspect: Aspect, probability: Double)? {
        guard let model else { return nil }
        let probabilities = model.probabilities(Self.features(Self.masked(syllables, places), cues))
        guard let best = probabilities.indices.max(by: { probabilities[$0] < probabilities[$1] }) else { return nil }
        return (Aspect.allCases[best], Double(probabilities[best]))
    }

    /// The syllables with each place name replaced by one placeholder word.
    static func masked(_ syllables: [String], _ places: PhraseMatcher<String>) -> [String] {
        let found = places.matches(in: syllables)
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
    static func features(_ syllables: [String], _ cues: PhraseMatcher<Aspect>) -> [Int] {
        var features = NGramHashes(words: syllables).features(dimension: dimension)
        for match in cues.matches(in: syllables) {
            let aspect = match.phrase.label.rawValue
            features.append(SoftmaxRegression.hash("cue:" + aspect, dimension))
            features.append(SoftmaxRegression.hash("cue:\(aspect):\(min(match.phrase.syllables.count, 4))", dimension))
        }
        return features
    }
}
