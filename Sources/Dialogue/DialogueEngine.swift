import Foundation
import Knowledge
import Retrieval
import VietText

/// One turn in, one reply out: intent, aspect, retrieval, answer or clarification, and the
/// 1022 flows (filing a report, looking up a ticket), with per-session context.
///
///     let engine = DialogueEngine(knowledge: knowledge, desk: desk)
///     let reply = engine.reply(session: "s1", message: "làm lại cccd bị mất cần gì")
///
/// Thresholds are in `DialogueThresholds`, measured on the development set (README).
public final class DialogueEngine: Sendable {
    public let knowledge: KnowledgeBase
    public let analyzer: Analyzer
    public let procedures: Searcher
    public let sessions: SessionStore
    public let thresholds: DialogueThresholds
    let desk: any TicketDesk
    let intents: IntentModel
    let classifier: IntentClassifier
    let aspects: AspectDetector
    let composer = AnswerComposer()
    let byID: [String: Procedure]
    let complaintCues: PhraseMatcher<Bool>
    let categoryCues: PhraseMatcher<EscalationCategory>
    let wards: PhraseMatcher<String>
    let codePattern: NSRegularExpression?

    public init(knowledge: KnowledgeBase, desk: any TicketDesk, sessions: SessionStore = SessionStore(),
                config: RetrievalConfig = .procedures, thresholds: DialogueThresholds = DialogueThresholds()) {
        self.knowledge = knowledge
        self.analyzer = Analyzer.document.with(lexicon: knowledge.lexicon)
        var builder = IndexBuilder(config: config)
        for procedure in knowledge.procedures { builder.add(ProcedureDocuments.document(procedure)) }
        procedures = Searcher(index: builder.build(), analyzer: analyzer)
        self.sessions = sessions
        self.thresholds = thresholds
        self.desk = desk
        intents = IntentModel(knowledge: knowledge, analyzer: analyzer)
        classifier = IntentClassifier(knowledge: knowledge, analyzer: analyzer)
        aspects = AspectDetector(catalog: knowledge.intents)
        byID = Dictionary(knowledge.procedures.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        complaintCues = PhraseMatcher(knowledge.intents.complaintCues.map { ($0, true) } + knowledge.intents.handoffExamples.map { ($0, true) })
        categoryCues = PhraseMatcher(EscalationCategory.allCases.flatMap { category in
            (knowledge.intents.categories[category]?.cues ?? []).map { ($0, category) }
        })
        wards = PhraseMatcher(knowledge.units.units.compactMap { unit in unit.area.map { ($0, $0) } })
        codePattern = try? NSRegularExpression(pattern: "1022-[0-9A-Z]{4}-[0-9A-Z]{4}", options: .caseInsensitive)
    }

    /// One turn. A nil or unknown session starts a new one (its id is in the reply).
    /// `canFileTicket` false (a client over its allowance) keeps a confirmed report unfiled.
    public func reply(session id: String?, message: String, canFileTicket: Bool = true) -> Reply {
        sessions.with(id) { session in
            session.ticketsAllowed = canFileTicket
            let reply = turn(&session, message: message.trimmingWhitespaceAndNewlines())
            session.transcript.append("Công dân: \(message)")
            session.transcript.append("Trợ lý: \(reply.answer)")
            return reply
        }
    }

    /// A turn without any session (`hoidap ask`).
    public func ask(_ message: String) -> Reply {
        var session = Session(id: "", now: Date())
        return turn(&session, message: message.trimmingWhitespaceAndNewlines())
    }

    /// What the engine saw in a message, for `:explain` and for calibration.
    public struct Reading: Sendable {
        public var analysis: Analysis
        public var syllables: [String]
        public var plan: QueryPlan
        public var hits: [SearchHit]
        /// Best procedure score over the plan's bound (0…1) and the relative margin to the second.
        public var procedureScore: Double
        public var margin: Double
        /// Nearest-example vote per intent group (normalized scores); filled by `voted(_:)`,
        /// which only reports and explanations need.
        public var groups: [String: Double]
        /// Classifier probability per intent group.
        public var probabilities: [String: Double]
        public var categories: [EscalationCategory: Double]
        public var aspect: (aspect: Aspect, cue: String)?
        public var complaint: Bool
        public var categoryCues: [EscalationCategory: Int]
        /// Content syllables: the message without filler words and without its aspect cue.
        public var content: [String]
        /// The share of content syllables found in the best procedure (0…1; 1 when there is no content).
        public var coverage: Double
    }

    /// Reads a message: analysis, procedure retrieval, the intent vote, cues.
    public func read(_ message: String) -> Reading {
        let analysis = analyzer.analyze(message, purpose: .query)
        let syllables = analysis.tokens.filter(\.isPositional).map(\.folded)
        let plan = procedures.plan(analysis: analysis)
        let hits = procedures.search(plan: plan, limit: 5)
        let bound = max(procedures.bound(plan), 1e-9)
        let top = hits.first?.score ?? 0, second = hits.dropFirst().first?.score ?? 0
        var cues: [EscalationCategory: Int] = [:]
        for match in categoryCues.matches(in: syllables) { cues[match.phrase.label, default: 0] += match.phrase.syllables.count }
        let aspect = aspects.detect(syllables)
        // Filters by the two sets in turn rather than building their union on every turn.
        let cue = aspect.map { $0.cue.split(separator: " ") } ?? []
        let content = syllables.filter { syllable in !Self.fillers.contains(syllable) && !cue.contains { $0 == syllable } }
        // Rare words weigh most; a word no procedure contains weighs like the rarest one.
        let index = procedures.index
        let rarest = log(1 + (Double(index.documentCount) + 0.5) / 0.5)
        let weights = content.map { index.idf(folded: $0) ?? rarest }
        let total = weights.reduce(0, +)
        let covered = hits.first.map { top in
            zip(content, weights).reduce(0) { sum, pair in index.document(top.document, contains: pair.0) ? sum + pair.1 : sum }
        } ?? 0
        return Reading(analysis: analysis, syllables: syllables, plan: plan, hits: hits, procedureScore: top / bound,
                       margin: top > 0 ? (top - second) / top : 0, groups: [:],
                       probabilities: classifier.probabilities(analysis.tokens), categories: [:],
                       aspect: aspect, complaint: !complaintCues.matches(in: syllables).isEmpty,
                       categoryCues: cues, content: content,
                       coverage: total == 0 ? 1 : covered / total)
    }

    /// The reading with the nearest-example vote (groups and 1022 categories) filled in.
    public func voted(_ reading: Reading) -> Reading {
        guard reading.groups.isEmpty else { return reading }
        var result = reading
        let vote = intents.vote(intents.searcher.plan(analysis: reading.analysis))
        result.groups = vote.groups
        result.categories = vote.categories
        return result
    }

    func turn(_ session: inout Session, message: String) -> Reply {
        guard !message.isEmpty else {
            return reply(session, .help, answer: chitChatReply(.help), confidence: 1)
        }
        if let escalation = session.escalation {
            // A procedure question while a report has barely started means the report was a misreading.
            if !escalation.confirming, escalation.name == nil {
                let reading = read(message)
                if reading.aspect != nil, reading.procedureScore >= thresholds.procedure, reading.coverage >= thresholds.coverage,
                   (reading.probabilities["escalate"] ?? 0) < (reading.probabilities["procedure"] ?? 0) {
                    session.escalation = nil
                    return route(&session, message: message, reading: reading)
                }
            }
            return continueEscalation(&session, message: message)
        }
        if session.statusLookup != nil, let reply = continueStatus(&session, message: message) { return reply }
        if !session.candidates.isEmpty, let reply = pickCandidate(&session, message: message) { return reply }
        let reading = read(message)
        return route(&session, message: message, reading: reading)
    }

    func reply(_ session: Session, _ intent: Intent, answer: String, confidence: Double, procedure: Reply.ProcedureRef? = nil,
               aspect: Aspect? = nil, category: EscalationCategory? = nil, candidates: [Reply.ProcedureRef] = [],
               suggestions: [String] = [], ticket: Reply.TicketRef? = nil) -> Reply {
        Reply(session: session.id, intent: intent, answer: answer, procedure: procedure, aspect: aspect, category: category,
              confidence: min(max(confidence, 0), 1), candidates: candidates, suggestions: suggestions, ticket: ticket)
    }

    func chitChatReply(_ intent: ChitChat) -> String {
        let replies = knowledge.intents.chitChat[intent]?.replies ?? []
        return replies.randomElement() ?? "Tôi là trợ lý hỏi đáp thủ tục hành chính của TP. Hồ Chí Minh."
    }
}

extension DialogueEngine {
    /// Words that say nothing about which procedure is meant (folded).
    static let fillers: Set<String> = ["toi", "em", "minh", "ban", "ad", "a", "oi", "nhe", "nha", "vay", "ha", "ho", "cho", "hoi",
                                       "xin", "la", "thi", "ma", "va", "cua", "voi", "co", "khong", "ko", "k", "duoc", "dc", "the",
                                       "nao", "gi", "j", "sao", "can", "phai", "lam", "muon", "nay", "do", "con", "roi", "di",
                                       "ve", "o", "dau", "bao", "nhieu", "bn", "nhung", "cac", "mot", "de", "neu", "khi", "vui",
                                       "long", "giup", "dum", "voi", "u", "da", "vang", "trong", "tren", "ra", "vao", "tu", "den"]
}

extension RetrievalConfig {
    /// The scoring parameters for the curated procedures, chosen by measurement (README, "Retrieval").
    public static var procedures: RetrievalConfig { RetrievalConfig() }
}
