import Knowledge
import Retrieval
import VietText

/// Everything a dialogue engine computes from the knowledge before its first turn: the
/// procedure index and the three trained classifiers. Built once and shared, so engines that
/// differ only in thresholds or sessions (threshold search, tests) do not retrain.
public struct DialogueModels: Sendable {
    public let analyzer: Analyzer
    public let procedures: Searcher
    let intents: IntentModel
    let classifier: IntentClassifier
    let aspectClassifier: AspectClassifier
    let procedureClassifier: ProcedureClassifier

    public init(knowledge: KnowledgeBase, config: RetrievalConfig = .procedures) {
        analyzer = Analyzer.document.with(lexicon: knowledge.lexicon)
        var builder = IndexBuilder(config: config)
        for procedure in knowledge.procedures { builder.add(ProcedureDocuments.document(procedure)) }
        procedures = Searcher(index: builder.build(), analyzer: analyzer)
        intents = IntentModel(knowledge: knowledge, analyzer: analyzer)
        classifier = IntentClassifier(knowledge: knowledge, analyzer: analyzer)
        aspectClassifier = AspectClassifier(catalog: knowledge.intents, analyzer: analyzer)
        procedureClassifier = ProcedureClassifier(procedures: knowledge.procedures, analyzer: analyzer)
    }
}
