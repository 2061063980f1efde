import Knowledge
import VietText

/// Which aspect a procedure question asks, learned from the labelled questions of
/// `intents/aspect_examples.yaml`. Besides the words, each cue phrase found in the message is a
/// feature ("cue:fee", and its length), so the model learns how far each kind of cue can be
/// trusted instead of the longest cue always winning.
struct AspectClassifier: Sendable {
    private let model: SoftmaxRegression?
    private let cues: PhraseMatcher<Aspect>

    init(catalog: IntentCatalog, analyzer: Analyzer) {
        cues = PhraseMatcher(Aspect.allCases.flatMap { aspect in (catalog.aspects[aspect]?.cues ?? []).map { ($0, aspect) } })
        var examples: [SoftmaxRegression.Example] = []
        for (index, aspect) in Aspect.allCases.enumerated() {
            for text in catalog.aspectExamples[aspect] ?? [] {
                let tokens = analyzer.tokens(text)
                let features = Self.features(NGramHashes(tokens), syllables: tokens.filter(\.isPositional).map(\.folded), cues)
                if !features.isEmpty { examples.append((features, index)) }
            }
        }
        // Without labelled questions there is nothing to learn; the cue phrases decide alone.
        model = examples.isEmpty ? nil : SoftmaxRegression(examples: examples, classCount: Aspect.allCases.count, dimension: Self.dimension)
    }

    static let dimension = 1 << 15

    /// The most probable aspect and its probability, or nil without a trained model.
    func classify(_ hashes: NGramHashes, syllables: [String]) -> (aspect: Aspect, probability: Double)? {
        guard let model else { return nil }
        let probabilities = model.probabilities(Self.features(hashes, syllables: syllables, cues))
        guard let best = probabilities.indices.max(by: { probabilities[$0] < probabilities[$1] }) else { return nil }
        return (Aspect.allCases[best], Double(probabilities[best]))
    }

    /// Word n-grams plus one feature per cue phrase found (its aspect, and its aspect with its length).
    static func features(_ hashes: NGramHashes, syllables: [String], _ cues: PhraseMatcher<Aspect>) -> [Int] {
        var features = hashes.features(dimension: dimension)
        for match in cues.matches(in: syllables) {
            let aspect = match.phrase.label.rawValue
            features.append(SoftmaxRegression.hash("cue:" + aspect, dimension))
            features.append(SoftmaxRegression.hash("cue:\(aspect):\(min(match.phrase.syllables.count, 4))", dimension))
        }
        return features
    }
}
