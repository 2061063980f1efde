import Knowledge
import VietText

/// Which aspect a procedure question asks, learned from the labelled questions of
/// `intents/aspect_examples.yaml`; it settles questions whose cue phrase is missing or misleading.
struct AspectClassifier: Sendable {
    private let model: SoftmaxRegression?

    init(catalog: IntentCatalog, analyzer: Analyzer) {
        var examples: [SoftmaxRegression.Example] = []
        for (index, aspect) in Aspect.allCases.enumerated() {
            for text in catalog.aspectExamples[aspect] ?? [] {
                let features = SoftmaxRegression.features(analyzer.tokens(text), dimension: Self.dimension)
                if !features.isEmpty { examples.append((features, index)) }
            }
        }
        // Without labelled questions there is nothing to learn; the cue phrases decide alone.
        model = examples.isEmpty ? nil : SoftmaxRegression(examples: examples, classCount: Aspect.allCases.count, dimension: Self.dimension)
    }

    static let dimension = 1 << 15

    /// The most probable aspect and its probability, or nil without a trained model.
    func classify(_ tokens: [Token]) -> (aspect: Aspect, probability: Double)? {
        guard let model else { return nil }
        let probabilities = model.probabilities(SoftmaxRegression.features(tokens, dimension: model.dimension))
        guard let best = probabilities.indices.max(by: { probabilities[$0] < probabilities[$1] }) else { return nil }
        return (Aspect.allCases[best], Double(probabilities[best]))
    }
}
