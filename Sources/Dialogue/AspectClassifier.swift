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
        // A smaller step than the other classifiers (0.2, not 0.5), measured by `hoidap eval-aspects`:
        // cross-validated on these examples, 0.874 → 0.887 for the classifier alone.
        model = examples.isEmpty ? nil : SoftmaxRegression(examples: examples, classCount: Aspect.allCases.count, dimension: Self.dimension,
                                                           learningRate: 0.2)
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
