import Knowledge
import VietText

/// Which procedure a question is about, learned from each procedure's title, aliases and
/// example questions: it knows which words tell neighbouring procedures apart, where BM25
/// only knows which words are rare.
struct ProcedureClassifier: Sendable {
    private let model: SoftmaxRegression
    /// Class numbers by procedure id (`StringTable`: every hit of every turn is looked up).
    private let classOf: StringTable<Int>

    init(procedures: [Procedure], analyzer: Analyzer, epochs: Int = 12) {
        var examples: [SoftmaxRegression.Example] = []
        var classOf: [String: Int] = [:]
        for procedure in procedures where classOf[procedure.id] == nil {
            let label = classOf.count
            classOf[procedure.id] = label
            for text in [procedure.title] + procedure.aliases + procedure.examples {
                let features = SoftmaxRegression.features(analyzer.tokens(text), dimension: Self.dimension)
                if !features.isEmpty { examples.append((features, label)) }
            }
        }
        self.classOf = StringTable(classOf)
        model = SoftmaxRegression(examples: examples, classCount: max(classOf.count, 1), dimension: Self.dimension, epochs: epochs)
    }

    static let dimension = 1 << 15

    /// The probability of every procedure, by id (they sum to 1).
    func probabilities(_ hashes: NGramHashes) -> (_ id: String) -> Double {
        let probabilities = model.probabilities(hashes.features(dimension: Self.dimension))
        let classOf = self.classOf
        return { id in classOf[id].map { Double(probabilities[$0]) } ?? 0 }
    }
}
