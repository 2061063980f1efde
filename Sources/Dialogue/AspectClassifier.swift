import Knowledge
import VietText

/// Which aspect a procedure question asks, learned from the labelled questions of
/// `intents/aspect_examples.yaml`. Besides the words, each cue phrase found in the message is a
/// feature ("cue:fee", and its length), so the model learns how far each kind of cue can be
/// trusted instead of the longest cue always winning. Ward and commune names are masked: "ở
/// phường Bình Tân" says where the citizen lives, not that they ask where to submit. Words at the
/// end of the message and around its question words are features of their own too: Vietnamese
/// asks last ("… mất bao lâu", "… nộp ở đâu"), after a situation told in words of every aspect.
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
        // Measured by `hoidap eval-aspects` (cross-validated on these examples, classifier alone):
        // a smaller step than the other classifiers (0.2, not 0.5), 0.874 → 0.887; a slower decay
        // (1/√n) and the mean of five seeds, which steadies a run's ±0.5 point swing, 0.890 → 0.898.
        model = examples.isEmpty ? nil : SoftmaxRegression(averaging: (0..<SoftmaxRegression.averagedRuns).map { run in
            SoftmaxRegression(examples: examples, classCount: Aspect.allCases.count, dimension: Self.dimension,
                              seed: SoftmaxRegression.seed(run: run), learningRate: 0.2, stepDecay: 0.5)
        })
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
    /// Chat shorthand spelled out is also applied, so "bn tuổi", "nhận đc j" meet the cue phrases
    /// "bao nhiêu tuổi", "nhận được gì" however the citizen abbreviated them.
    static func masked(_ syllables: [String], places found: [(phrase: PhraseMatcher<String>.Phrase, start: Int)]) -> [String] {
        guard !found.isEmpty else { return spelledOut(syllables) }
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
        return spelledOut(result)
    }

    /// Word n-grams, where the question sits (`questionFeatures`), and one feature per cue phrase
    /// found (its aspect, and its aspect with its length).
    static func features(words: [String], cues: [(phrase: PhraseMatcher<Aspect>.Phrase, start: Int)], hashes: NGramHashes? = nil) -> [Int] {
        var features = (hashes ?? NGramHashes(words: words)).features(dimension: dimension)
        features += questionFeatures(words).map { Int($0 % UInt64(dimension)) }
        for match in cues {
            let hashes = cueFeatures[match.phrase.label]!
            features.append(hashes[0])
            features.append(hashes[min(match.phrase.syllables.count, 4)])
        }
        return features
    }

    /// Hashes of the last three words ("e:" word) and the last pair ("eb:" pair), and around each
    /// question word the two words before it ("q:" triple), the one before ("qp:") and the one
    /// after ("qn:" pair). Cross-validated: 0.898 → 0.902 for the classifier alone, with the
    /// decision rule 0.878 → 0.883; character n-grams of syllables, word trigrams, the first
    /// words and where a cue stands did not help.
    static func questionFeatures(_ words: [String]) -> [UInt64] {
        // The hash of the words joined by spaces after the prefix `seed` stands for.
        func hash(_ seed: UInt64, _ parts: String...) -> UInt64 {
            parts.dropFirst().reduce(NGramHashes.fnv(parts[0], seed: seed)) { NGramHashes.fnv($1, seed: NGramHashes.fnv(" ".utf8, seed: $0)) }
        }
        var values: [UInt64] = []
        for word in words.suffix(3) { values.append(hash(Self.lastSeed, word)) }
        if words.count >= 2 { values.append(hash(Self.lastPairSeed, words[words.count - 2], words[words.count - 1])) }
        for index in words.indices where AspectDetector.questionWords[words[index]] != nil && !Self.requestVerbs.contains(words[index]) {
            if index >= 2 { values.append(hash(Self.questionTripleSeed, words[index - 2], words[index - 1], words[index])) }
            if index >= 1 { values.append(hash(Self.beforeQuestionSeed, words[index - 1])) }
            if index + 1 < words.count { values.append(hash(Self.afterQuestionSeed, words[index], words[index + 1])) }
        }
        return values
    }

    /// Question words of `AspectDetector` that ask to be told rather than ask something ("hỏi", "giúp").
    static let requestVerbs: Set<String> = ["hoi", "biet", "giup", "chi", "huong", "van"]
    static let lastSeed = NGramHashes.fnv("e:".utf8)
    static let lastPairSeed = NGramHashes.fnv("eb:".utf8)
    static let questionTripleSeed = NGramHashes.fnv("q:".utf8)
    static let beforeQuestionSeed = NGramHashes.fnv("qp:".utf8)
    static let afterQuestionSeed = NGramHashes.fnv("qn:".utf8)

    /// Per aspect: the hash of "cue:aspect", then of "cue:aspect:n" for cue lengths n = 1…4,
    /// computed once rather than formatted and hashed for every cue of every message.
    static let cueFeatures: [Aspect: [Int]] = Dictionary(uniqueKeysWithValues: Aspect.allCases.map { aspect in
        let name = aspect.rawValue
        return (aspect, [SoftmaxRegression.hash("cue:" + name, dimension)]
            + (1...4).map { SoftmaxRegression.hash("cue:\(name):\($0)", dimension) })
    })

    /// Folded syllables with chat shorthand for question and function words replaced by the
    /// words they stand for. Only unambiguous shorthand: "hong" may be "hỏng", "đk" "đăng ký".
    static func spelledOut(_ syllables: [String]) -> [String] {
        guard syllables.contains(where: { shorthand[$0] != nil || $0 == "dk" }) else { return syllables }
        return syllables.indices.flatMap { index -> [String] in
            let syllable = syllables[index]
            // "đk" is "đăng ký" ("đk xe") except where a condition is meant: "cần đk gì", "đủ đk".
            if syllable == "dk" {
                let next = index + 1 < syllables.count ? syllables[index + 1] : ""
                let previous = index > 0 ? syllables[index - 1] : ""
                return ["gi", "j", "la"].contains(next) || ["du", "can"].contains(previous) ? ["dieu", "kien"] : [syllable]
            }
            return shorthand[syllable] ?? [syllable]
        }
    }

    static let shorthand: [String: [String]] = [
        "bn": ["bao", "nhieu"], "bnhieu": ["bao", "nhieu"], "dc": ["duoc"], "ko": ["khong"], "k": ["khong"],
        "kg": ["khong"], "hok": ["khong"], "khum": ["khong"], "j": ["gi"], "ntn": ["nhu", "the", "nao"],
        "hs": ["ho", "so"], "gt": ["giay", "to"], "tg": ["thoi", "gian"], "onl": ["online"], "ng": ["nguoi"],
        "nc": ["nuoc"], "vs": ["voi"],
    ]
}
