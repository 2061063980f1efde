import Knowledge
import Testing
import VietText
@testable import Dialogue

/// The learned parts of a turn: the regression itself, and the procedure and aspect classifiers
/// trained on the shipped examples.
@Suite("Classifiers")
struct ClassifierTests {
    @Test("the regression separates two classes and trains the same model every time")
    func regressionLearns() {
        let examples: [SoftmaxRegression.Example] = [([1, 2], 0), ([1, 5], 0), ([3, 4], 1), ([3, 6], 1)]
        let model = SoftmaxRegression(examples: examples, classCount: 2, dimension: 8)
        #expect(model.probabilities([1, 2])[0] > 0.9)
        #expect(model.probabilities([3, 4])[1] > 0.9)
        let again = SoftmaxRegression(examples: examples, classCount: 2, dimension: 8)
        #expect(again.probabilities([1, 6]) == model.probabilities([1, 6]))
        let sum = model.probabilities([2, 4, 7]).reduce(0, +)
        #expect(abs(sum - 1) < 1e-5)
    }

    @Test("the regression keeps only the rows of features seen in training; unseen ones add nothing")
    func regressionKeepsSeenRows() {
        let examples: [SoftmaxRegression.Example] = [([1, 2], 0), ([1, 5], 0), ([3, 4], 1), ([3, 6], 1)]
        let model = SoftmaxRegression(examples: examples, classCount: 2, dimension: 8)
        #expect(model.storedRows == 6)
        #expect(model.probabilities([1, 2, 0, 7]) == model.probabilities([1, 2]))
        #expect(model.probabilities([0, 7]) == model.probabilities([]))
    }

    @Test("features: a unigram per word and a bigram per pair")
    func features() {
        let tokens = Analyzer.document.tokens("lệ phí bao nhiêu")
        let features = SoftmaxRegression.features(tokens, dimension: 1 << 16)
        #expect(features.count == 4 + 3)
        #expect(features.allSatisfy { (0..<(1 << 16)).contains($0) })
        #expect(features == SoftmaxRegression.features(Analyzer.document.tokens("le phi bao nhieu"), dimension: 1 << 16))
        // Hashing "u:" and the word in two steps equals hashing the concatenated string.
        #expect(NGramHashes.fnv("phi".utf8, seed: NGramHashes.unigramSeed) == NGramHashes.fnv("u:phi".utf8))
        #expect(features.first == SoftmaxRegression.hash("u:le", 1 << 16))
    }

    @Test("the procedure classifier tells a birth from a death by situation words", arguments: [
        ("vợ tôi mới sinh em bé, cần làm giấy tờ gì cho cháu", "khai-sinh", "khai-tu"),
        ("ông nội tôi vừa mất ở nhà, gia đình phải báo phường thế nào", "khai-tu", "khai-sinh"),
        ("bị móc túi mất thẻ căn cước", "cap-lai-can-cuoc", "cap-doi-can-cuoc"),
    ])
    func procedureClassifier(message: String, better: String, worse: String) {
        let analyzer = Analyzer.document.with(lexicon: Fixture.knowledge.lexicon)
        let classifier = ProcedureClassifier(procedures: Fixture.knowledge.procedures, analyzer: analyzer)
        let probability = classifier.probabilities(NGramHashes(analyzer.tokens(message)))
        #expect(probability(better) > probability(worse))
        #expect(probability("no-such-procedure") == 0)
    }

    @Test("the aspect classifier reads questions without a cue phrase", arguments: [
        ("lam xong thi cam ve giay gi", Aspect.result),
        ("tốn bao nhiêu tiền vậy ad", .fee),
        ("mấy ngày thì xong", .duration),
    ])
    func aspectClassifier(message: String, aspect: Aspect) {
        let analyzer = Analyzer.document.with(lexicon: Fixture.knowledge.lexicon)
        let classifier = Fixture.models.aspectClassifier
        let tokens = analyzer.tokens(message)
        #expect(classifier.classify(syllables: tokens.filter(\.isPositional).map(\.folded))?.aspect == aspect)
    }

    @Test("place names become one placeholder word before the aspect is read")
    func placesMasked() {
        let places = Fixture.models.places
        #expect(AspectClassifier.masked(["mo", "quan", "o", "phuong", "tan", "dinh", "can", "gi"], places)
                == ["mo", "quan", "o", "<noi>", "can", "gi"])
        #expect(AspectClassifier.masked(["nop", "o", "phuong", "nao"], places) == ["nop", "o", "phuong", "nao"])
    }

    @Test("'có được … không' around a situation asks about the conditions")
    func eligibility() {
        #expect(AspectDetector.eligibility(["co", "duoc", "nhan", "con", "nuoi", "khong"])?.aspect == .requirements)
        #expect(AspectDetector.eligibility(["nguoi", "doc", "than", "co", "dc", "nhan", "con", "nuoi", "ko"])?.aspect == .requirements)
        #expect(AspectDetector.eligibility(["co", "duoc", "nhan", "con", "nuoi"]) == nil)
        #expect(AspectDetector.eligibility(["duoc", "nhan", "khong"]) == nil)
    }

    @Test("cross-validation holds every aspect example out once, and the classifier beats the cue phrases alone")
    func aspectCrossValidation() {
        let result = AspectCrossValidation.run(knowledge: Fixture.knowledge, models: Fixture.models, folds: 3)
        let shipped = Fixture.knowledge.intents.aspectExamples.values.reduce(0) { $0 + $1.count }
        #expect(result.examples == shipped)
        #expect(result.perAspect.values.reduce(0) { $0 + $1.total } == shipped)
        #expect(result.classifier > result.cuesOnly)
        #expect((0...1).contains(result.decision))
    }
}

