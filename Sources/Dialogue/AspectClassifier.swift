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
        classify(hashes, cues: cues.matches(in: syllables))
    }

    /// The same, given the cue phrases of `aspects.yaml` already found in the message (the
    /// `AspectDetector` looks for the same phrases, so a turn finds them once).
    func classify(_ hashes: NGramHashes, cues: [(phrase: PhraseMatcher<Aspect>.Phrase, start: Int)]) -> (aspect: Aspect, probability: Double)? {
        guard let model else { return nil }
        let probabilities = model.probabilities(Self.features(hashes, cues: cues))
        guard let best = probabilities.indices.max(by: { probabilities[$0] < probabilities[$1] }) else { return nil }
        return (Aspect.allCases[best], Double(probabilities[best]))
    }

    /// Word n-grams plus one feature per cue phrase found (its aspect, and its aspect with its length).
    static func features(_ hashes: NGramHashes, syllables: [String], _ cues: PhraseMatcher<Aspect>) -> [Int] {
        features(hashes, cues: cues.matches(in: syllables))
    }

    static func features(_ hashes: NGramHashes, cues: [(phrase: PhraseMatcher<Aspect>.Phrase, start: Int)]) -> [Int] {
        var features = hashes.features(dimension: dimension)
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
