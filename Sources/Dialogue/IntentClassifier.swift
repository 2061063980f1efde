import Foundation
import Knowledge
import VietText

/// A multinomial logistic regression over hashed folded n-grams, trained at start-up on
/// the shipped example sentences (never on evaluation sets): what kind of message this is.
///
/// - Complexity: training O(epochs · examples · features · classes), a few milliseconds.
struct IntentClassifier: Sendable {
    /// The classes, as the intent groups the router uses.
    static let classes = ["procedure", "greeting", "thanks", "goodbye", "identity", "help", "out_of_scope", "escalate", "ticket_status"]
    static let dimension = 1 << 16

    /// Feature-major (dimension × classes): a feature's weights for every class share a cache
    /// line, so scoring a message touches one line per feature instead of one per class.
    private let weightsByFeature: [Float]
    private let bias: [Float]

    init(knowledge: KnowledgeBase, analyzer: Analyzer, epochs: Int = 20) {
        var examples: [(features: [Int], label: Int)] = []
        func add(_ text: String, _ label: String) {
            guard let index = Self.classes.firstIndex(of: label) else { return }
            let features = Self.features(analyzer.tokens(text))
            if !features.isEmpty { examples.append((features, index)) }
        }
        for procedure in knowledge.procedures {
            for text in [procedure.title] + procedure.aliases + procedure.examples { add(text, "procedure") }
        }
        for intent in ChitChat.allCases {
            for text in knowledge.intents.chitChat[intent]?.examples ?? [] { add(text, intent.rawValue) }
        }
        for text in knowledge.intents.outOfScope.examples { add(text, "out_of_scope") }
        for category in EscalationCategory.allCases {
            for text in knowledge.intents.categories[category]?.examples ?? [] { add(text, "escalate") }
        }
        for text in knowledge.intents.handoffExamples { add(text, "escalate") }
        for text in knowledge.intents.ticketStatusExamples { add(text, "ticket_status") }

        // Balance the classes: each contributes as if it had the same number of examples.
        var counts = [Int](repeating: 0, count: Self.classes.count)
        for example in examples { counts[example.label] += 1 }
        let classWeight = counts.map { $0 == 0 ? 0 : Float(examples.count) / Float(Self.classes.count * $0) }
        var weights = [Float](repeating: 0, count: Self.classes.count * Self.dimension)
        var bias = [Float](repeating: 0, count: Self.classes.count)
        var generator = SplitMix(seed: 1022)
        var order = Array(examples.indices)
        let regularization: Float = 1e-4
        for epoch in 0..<epochs {
            order.shuffle(using: &generator)
            let rate = 0.5 / Float(1 + epoch)
            for index in order {
                let (features, label) = examples[index]
                let probabilities = Self.softmax(Self.logits(features, weights, bias))
                for klass in Self.classes.indices {
                    let gradient = (probabilities[klass] - (klass == label ? 1 : 0)) * classWeight[label]
                    bias[klass] -= rate * gradient
                    for feature in features {
                        let slot = klass * Self.dimension + feature
                        weights[slot] -= rate * (gradient + regularization * weights[slot])
                    }
                }
            }
        }
        var byFeature = [Float](repeating: 0, count: weights.count)
        for klass in Self.classes.indices {
            for feature in 0..<Self.dimension {
                byFeature[feature * Self.classes.count + klass] = weights[klass * Self.dimension + feature]
            }
        }
        self.weightsByFeature = byFeature
        self.bias = bias
    }

    /// Class probabilities of a message's tokens, by class name.
    func probabilities(_ tokens: [Token]) -> [String: Double] {
        let probabilities = Self.softmax(logits(Self.features(tokens)))
        return Dictionary(uniqueKeysWithValues: zip(Self.classes, probabilities.map(Double.init)))
    }

    /// The trained logits; each class sums bias + w(f₁) + w(f₂) + … in feature order, exactly
    /// as `logits(_:_:_:)` does during training, so the floats are the same bit for bit.
    func logits(_ features: [Int]) -> [Float] {
        let count = Self.classes.count
        var logits = bias
        weightsByFeature.withUnsafeBufferPointer { weights in
            for feature in features {
                let base = feature * count
                for klass in 0..<count { logits[klass] += weights[base + klass] }
            }
        }
        return logits
    }

    /// Hashed folded unigrams and bigrams (positional tokens only), and a length bucket.
    static func features(_ tokens: [Token]) -> [Int] {
        let words = tokens.filter(\.isPositional).map(\.folded)
        var features: [Int] = []
        features.reserveCapacity(2 * words.count)
        for word in words { features.append(hash("u:", word)) }
        for (left, right) in zip(words, words.dropFirst()) { features.append(hash("b:", left, " ", right)) }
        features.append(hash("len:\(min(words.count, 12))"))
        return features
    }

    /// FNV-1a of the concatenated parts, reduced to `dimension` (hashing the parts in turn
    /// equals hashing their concatenation, without building it).
    static func hash(_ parts: String...) -> Int {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for part in parts {
            for byte in part.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01B3 }
        }
        return Int(value % UInt64(dimension))
    }

    static func logits(_ features: [Int], _ weights: [Float], _ bias: [Float]) -> [Float] {
        classes.indices.map { klass in
            features.reduce(bias[klass]) { $0 + weights[klass * dimension + $1] }
        }
    }

    static func softmax(_ logits: [Float]) -> [Float] {
        let top = logits.max() ?? 0
        let exponentials = logits.map { exp($0 - top) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { $0 / total }
    }
}

/// A small seeded generator so training is the same on every start.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
