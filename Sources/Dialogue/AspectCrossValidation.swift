import Knowledge
import Retrieval
import VietText

/// How well the aspect model generalizes within its own training data: k-fold cross-validation
/// over `intents/aspect_examples.yaml`, with no evaluation set involved, so model choices (epochs,
/// features) can be made without tuning on the sets README reports.
public enum AspectCrossValidation {
    /// Accuracy of the classifier alone and of the whole decision (cue phrases, classifier,
    /// thresholds), each over every example once held out.
    public struct Result: Sendable {
        public var classifier = 0.0
        public var decision = 0.0
        public var cuesOnly = 0.0
        public var examples = 0
        /// Decision accuracy per expected aspect.
        public var perAspect: [Aspect: (correct: Int, total: Int)] = [:]
    }

    /// Runs `folds`-fold cross-validation; examples are dealt to folds by a seeded shuffle.
    public static func run(knowledge: KnowledgeBase, models: DialogueModels, folds: Int = 5,
                           thresholds: DialogueThresholds = DialogueThresholds()) -> Result {
        let catalog = knowledge.intents
        var labelled: [(text: String, aspect: Aspect)] = []
        for aspect in Aspect.allCases { for text in catalog.aspectExamples[aspect] ?? [] { labelled.append((text, aspect)) } }
        var generator = SplitMix64(state: 1022)
        labelled.shuffle(using: &generator)
        let detector = AspectDetector(catalog: catalog)
        var result = Result()
        var classifierCorrect = 0, decisionCorrect = 0, cueCorrect = 0
        for fold in 0..<max(folds, 2) {
            var training = catalog
            training.aspectExamples = [:]
            for (index, example) in labelled.enumerated() where index % folds != fold {
                training.aspectExamples[example.aspect, default: []].append(example.text)
            }
            let classifier = AspectClassifier(catalog: training, analyzer: models.analyzer, places: models.places)
            for (index, example) in labelled.enumerated() where index % folds == fold {
                let tokens = models.analyzer.analyze(example.text, purpose: .query).tokens
                let syllables = tokens.filter(\.isPositional).map(\.folded)
                let reading = DialogueEngine.readAspect(masked: AspectClassifier.masked(syllables, models.places), tokens: tokens,
                                                        message: example.text, detector: detector, classifier: classifier,
                                                        thresholds: thresholds)
                let decided = reading.decided?.aspect ?? .overview
                if reading.learned?.aspect == example.aspect { classifierCorrect += 1 }
                if (reading.cue?.aspect ?? .overview) == example.aspect { cueCorrect += 1 }
                let correct = decided == example.aspect
                if correct { decisionCorrect += 1 }
                let tally = result.perAspect[example.aspect] ?? (0, 0)
                result.perAspect[example.aspect] = (tally.correct + (correct ? 1 : 0), tally.total + 1)
            }
        }
        let total = Double(max(labelled.count, 1))
        result.examples = labelled.count
        result.classifier = Double(classifierCorrect) / total
        result.decision = Double(decisionCorrect) / total
        result.cuesOnly = Double(cueCorrect) / total
        return result
    }
}
