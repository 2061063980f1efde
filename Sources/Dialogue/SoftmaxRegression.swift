import Foundation
import Retrieval
import VietText

/// A multinomial logistic regression over hashed folded n-grams: the trainable part of the
/// intent and aspect classifiers, fitted at start-up on shipped example sentences.
///
/// - Complexity: training O(epochs · examples · features · classes); a few milliseconds for
///   the intent and aspect sets.
struct SoftmaxRegression: Sendable {
    /// One training sentence: its hashed features and its class index.
    typealias Example = (features: [Int], label: Int)

    let classCount: Int
    let dimension: Int
    /// For each feature slot: its row in `weights`, or -1 when all its weights are zero (no
    /// training sentence had it). Most of a message's n-grams were never seen in training, and
    /// the dense matrix (up to 12 MB) missed the cache on every row they touched.
    private let rowOf: [Int32]
    /// Row-major (kept rows × classes), so one feature's weights for every class share cache lines.
    private let weights: [Float]
    private let bias: [Float]

    /// Fits the model with class-balanced SGD, seeded so every start trains the same model.
    /// `balance` 1 weighs every class as if it had as many examples as the others; 0 weighs examples
    /// equally; in between (a power of the inverse frequency) trusts big classes a little more.
    /// `learningRate` is the first epoch's step; epoch n takes learningRate / (n + 1)^`stepDecay`
    /// (1: the step shrinks as 1/n; smaller keeps later epochs learning).
    init(examples: [Example], classCount: Int, dimension: Int = 1 << 16, epochs: Int = 20, seed: UInt64 = 1022,
         balance: Float = 1, learningRate: Float = 0.5, stepDecay: Float = 1) {
        precondition(examples.allSatisfy { $0.features.allSatisfy { (0..<dimension).contains($0) } && (0..<classCount).contains($0.label) },
                     "features hashed for another dimension")
        self.classCount = classCount
        self.dimension = dimension
        // Balance the classes: each contributes as if it had the same number of examples.
        var counts = [Int](repeating: 0, count: classCount)
        for example in examples { counts[example.label] += 1 }
        let classWeight = counts.map { $0 == 0 ? 0 : pow(Float(examples.count) / Float(classCount * $0), balance) }
        var weights = [Float](repeating: 0, count: classCount * dimension)
        var bias = [Float](repeating: 0, count: classCount)
        var generator = SplitMix64(state: seed)
        var order = Array(examples.indices)
        let regularization: Float = 1e-4
        for epoch in 0..<epochs {
            order.shuffle(using: &generator)
            let rate = learningRate / pow(Float(1 + epoch), stepDecay)
            for index in order {
                let (features, label) = examples[index]
                let probabilities = Self.softmax(Self.logits(features, weights, bias, classCount, dimension))
                for klass in 0..<classCount {
                    let gradient = (probabilities[klass] - (klass == label ? 1 : 0)) * classWeight[label]
                    bias[klass] -= rate * gradient
                    for feature in features {
                        let slot = feature * classCount + klass
                        weights[slot] -= rate * (gradient + regularization * weights[slot])
                    }
                }
            }
        }
        (rowOf, self.weights) = Self.compacted(weights, classCount: classCount, dimension: dimension)
        self.bias = bias
    }

    /// How many differently seeded runs the averaged classifiers take (five did as well as ten).
    static let averagedRuns = 5

    /// The seed of run `run` of an averaged model.
    static func seed(run: Int) -> UInt64 { 1022 &+ UInt64(run) &* 7919 }

    /// The mean of several models over the same classes and dimension: one model whose logits are
    /// the mean of theirs. Averaging models trained with different seeds removes most of the
    /// swing a single SGD run has from the order it happened to see the examples in.
    init(averaging models: [SoftmaxRegression]) {
        precondition(!models.isEmpty && models.allSatisfy { $0.classCount == models[0].classCount && $0.dimension == models[0].dimension },
                     "models of different shapes")
        classCount = models[0].classCount
        dimension = models[0].dimension
        var dense = [Float](repeating: 0, count: classCount * dimension)
        var bias = [Float](repeating: 0, count: classCount)
        let share = 1 / Float(models.count)
        for model in models {
            for feature in 0..<dimension where model.rowOf[feature] >= 0 {
                let start = Int(model.rowOf[feature]) * classCount
                for klass in 0..<classCount { dense[feature * classCount + klass] += share * model.weights[start + klass] }
            }
            for klass in 0..<classCount { bias[klass] += share * model.bias[klass] }
        }
        (rowOf, weights) = Self.compacted(dense, classCount: classCount, dimension: dimension)
        self.bias = bias
    }

    /// The rows of a feature-major matrix that hold a nonzero weight, and where each went.
    /// Adding a row of zeros leaves every logit as it was, so dropping those rows changes no result.
    private static func compacted(_ weights: [Float], classCount: Int, dimension: Int) -> (rowOf: [Int32], weights: [Float]) {
        var rowOf = [Int32](repeating: -1, count: dimension)
        var kept: [Float] = []
        for feature in 0..<dimension {
            let row = weights[(feature * classCount)..<((feature + 1) * classCount)]
            guard row.contains(where: { $0 != 0 }) else { continue }
            rowOf[feature] = Int32(kept.count / classCount)
            kept.append(contentsOf: row)
        }
        return (rowOf, kept)
    }

    /// Feature rows the model keeps (those with a nonzero weight).
    var storedRows: Int { weights.count / max(classCount, 1) }

    /// Class probabilities for a sentence's features, in class order.
    func probabilities(_ features: [Int]) -> [Float] {
        var logits = bias
        let classCount = classCount
        rowOf.withUnsafeBufferPointer { rowOf in
            weights.withUnsafeBufferPointer { weights in
                logits.withUnsafeMutableBufferPointer { logits in
                    // Features in the same order as in training, so each logit sums the same terms
                    // in the same order (the rows left out are zeros).
                    for feature in features {
                        let row = rowOf[feature]
                        guard row >= 0 else { continue }
                        let start = Int(row) &* classCount
                        for klass in 0..<classCount { logits[klass] += weights[start &+ klass] }
                    }
                }
            }
        }
        return Self.softmax(logits)
    }

    /// Hashed folded unigrams and bigrams (positional tokens only). No length feature: on the
    /// development set one pushed short procedure questions towards out-of-scope (with it,
    /// dialogue turns 0.80 and chit-chat 0.96; without, 0.84 and 1.00).
    static func features(_ tokens: [Token], dimension: Int = 1 << 16) -> [Int] {
        NGramHashes(tokens).features(dimension: dimension)
    }

    /// FNV-1a of a string, folded into `dimension` slots.
    static func hash(_ text: String, _ dimension: Int) -> Int {
        Int(NGramHashes.fnv(text.utf8) % UInt64(dimension))
    }

    private static func logits(_ features: [Int], _ weights: [Float], _ bias: [Float], _ classCount: Int, _ dimension: Int) -> [Float] {
        var logits = bias
        weights.withUnsafeBufferPointer { weights in
            logits.withUnsafeMutableBufferPointer { logits in
                for feature in features {
                    let row = feature * classCount
                    for klass in 0..<classCount { logits[klass] += weights[row + klass] }
                }
            }
        }
        return logits
    }

    private static func softmax(_ logits: [Float]) -> [Float] {
        let top = logits.max() ?? 0
        var result = logits
        // In place: the mapped arrays were grown element by element here (hundreds of
        // reallocations per turn for the procedure classifier).
        result.withUnsafeMutableBufferPointer { values in
            var total: Float = 0
            for index in values.indices {
                values[index] = exp(values[index] - top)
                total += values[index]
            }
            for index in values.indices { values[index] /= total }
        }
        return result
    }
}

/// The 64-bit hashes of a message's n-gram features, computed once per message and folded into
/// each classifier's own dimension (the three classifiers share them).
struct NGramHashes: Sendable {
    let values: [UInt64]

    init(_ tokens: [Token]) {
        self.init(words: tokens.filter(\.isPositional).map(\.folded))
    }

    /// The features of folded words (positional syllables, in order).
    init(words: [String]) {
        var values: [UInt64] = []
        values.reserveCapacity(2 * words.count)
        for word in words { values.append(Self.fnv(word, seed: Self.unigramSeed)) }
        for index in words.indices.dropFirst() {
            values.append(Self.fnv(words[index], seed: Self.fnv(" ".utf8, seed: Self.fnv(words[index - 1], seed: Self.bigramSeed))))
        }
        self.values = values
    }

    /// The features in `dimension` slots.
    func features(dimension: Int) -> [Int] {
        values.map { Int($0 % UInt64(dimension)) }
    }

    static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    /// The hash state after "u:" and "b:", so a word is hashed without building "u:" + word.
    static let unigramSeed = fnv("u:".utf8)
    static let bigramSeed = fnv("b:".utf8)

    static func fnv<Bytes: Sequence>(_ bytes: Bytes, seed: UInt64 = offsetBasis) -> UInt64 where Bytes.Element == UInt8 {
        var value = seed
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return value
    }

    /// The same over a string's UTF-8 bytes, read in place: iterating `String.UTF8View` through
    /// the generic path cost several times the hashing itself (a sixth of a turn's n-gram work).
    @inline(__always)
    static func fnv(_ text: String, seed: UInt64) -> UInt64 {
        text.utf8.withContiguousStorageIfAvailable { fnv($0, seed: seed) } ?? fnv(text.utf8, seed: seed)
    }
}
