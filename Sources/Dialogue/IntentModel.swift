import Knowledge
import Retrieval
import VietText

/// Recognises what a message is: a nearest-neighbour vote over every example sentence
/// hoidap knows (procedure titles, aliases and examples; chit-chat; out-of-scope; 1022 reports;
/// ticket-status questions), scored with the same BM25 engine as procedures.
struct IntentModel: Sendable {
    /// The label an example sentence carries.
    enum Label: Hashable, Sendable {
        case procedure(String)
        case chitChat(ChitChat)
        case outOfScope
        case escalate(EscalationCategory)
        case ticketStatus

        /// The group votes are counted in (all procedures together, all categories together).
        var group: String {
            switch self {
            case .procedure: "procedure"
            case .chitChat(let intent): intent.rawValue
            case .outOfScope: "out_of_scope"
            case .escalate: "escalate"
            case .ticketStatus: "ticket_status"
            }
        }
    }

    /// The outcome of a vote.
    struct Vote: Sendable {
        /// Normalized score per group (0…1, the best hit's score over the query's bound).
        var groups: [String: Double]
        /// Normalized score per escalation category.
        var categories: [EscalationCategory: Double]
    }

    let searcher: Searcher
    let labels: [Label]

    init(knowledge: KnowledgeBase, analyzer: Analyzer) {
        var config = RetrievalConfig()
        config.fieldWeights = [:]
        config.defaultFieldWeight = 1
        config.bigramWeight = 1
        var builder = IndexBuilder(config: config)
        var labels: [Label] = []
        func add(_ text: String, _ label: Label) {
            if builder.add(IndexDocument(id: "\(labels.count)", title: "", fields: [("text", text)])) { labels.append(label) }
        }
        for procedure in knowledge.procedures {
            for text in [procedure.title] + procedure.aliases + procedure.examples { add(text, .procedure(procedure.id)) }
        }
        for intent in ChitChat.allCases {
            for text in knowledge.intents.chitChat[intent]?.examples ?? [] { add(text, .chitChat(intent)) }
        }
        for text in knowledge.intents.outOfScope.examples { add(text, .outOfScope) }
        for category in EscalationCategory.allCases {
            for text in knowledge.intents.categories[category]?.examples ?? [] { add(text, .escalate(category)) }
        }
        for text in knowledge.intents.handoffExamples { add(text, .escalate(.khac)) }
        for text in knowledge.intents.ticketStatusExamples { add(text, .ticketStatus) }
        searcher = Searcher(index: builder.build(), analyzer: analyzer)
        self.labels = labels
    }

    /// Votes over the nearest example sentences of an analyzed message.
    func vote(_ plan: QueryPlan) -> Vote {
        let bound = max(searcher.bound(plan), 1e-9)
        var groups: [String: Double] = [:]
        var categories: [EscalationCategory: Double] = [:]
        for hit in searcher.search(plan: plan, limit: 12) {
            let label = labels[hit.document]
            let score = hit.score / bound
            groups[label.group] = max(groups[label.group] ?? 0, score)
            if case .escalate(let category) = label { categories[category] = max(categories[category] ?? 0, score) }
        }
        return Vote(groups: groups, categories: categories)
    }
}
