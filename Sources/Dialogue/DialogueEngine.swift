import Foundation
import Knowledge
import Retrieval
import Synchronization
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
    public let models: DialogueModels
    public let sessions: SessionStore
    public let thresholds: DialogueThresholds
    let desk: any TicketDesk
    let aspects: AspectDetector
    let byID: [String: Procedure]
    let complaintCues: PhraseMatcher<Bool>
    let categoryCues: PhraseMatcher<EscalationCategory>
    /// Readings and nearest-example votes of messages seen before (see `BoundedMemo`).
    let readings: BoundedMemo<ReadingKey, Reading>
    let votes: BoundedMemo<ReadingKey, IntentModel.Vote>
    /// Turns the reply templates in order, so a citizen who greets twice is not told the same
    /// words twice; a random pick asked the kernel for randomness on every small-talk turn.
    private let templateTurn = Atomic<Int>(0)

    /// `models` must have been built from the same `knowledge`; without them the engine builds its own.
    /// `memo` is how many readings (and as many votes) are kept for messages that come again;
    /// 0, the default, keeps none, so evaluations and in-process benchmarks measure every read.
    public init(knowledge: KnowledgeBase, desk: any TicketDesk, sessions: SessionStore = SessionStore(),
                models: DialogueModels? = nil, thresholds: DialogueThresholds = DialogueThresholds(), memo: Int = 0) {
        readings = BoundedMemo(capacity: memo)
        votes = BoundedMemo(capacity: memo)
        self.knowledge = knowledge
        self.models = models ?? DialogueModels(knowledge: knowledge)
        self.sessions = sessions
        self.thresholds = thresholds
        self.desk = desk
        aspects = AspectDetector(catalog: knowledge.intents)
        byID = Dictionary(knowledge.procedures.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        complaintCues = PhraseMatcher(knowledge.intents.complaintCues.map { ($0, true) } + knowledge.intents.handoffExamples.map { ($0, true) })
        categoryCues = PhraseMatcher(EscalationCategory.allCases.flatMap { category in
            (knowledge.intents.categories[category]?.cues ?? []).map { ($0, category) }
        })
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

    /// Hits and misses of the reading memo since start.
    public var memoCounts: MemoCounts { readings.counts }

    /// How many messages' readings are kept (0: none).
    public var memoCapacity: Int { readings.capacity }

    public var analyzer: Analyzer { models.analyzer }
    public var procedures: Searcher { models.procedures }
    var intents: IntentModel { models.intents }
    var classifier: IntentClassifier { models.classifier }
    var aspectClassifier: AspectClassifier { models.aspectClassifier }
    var procedureClassifier: ProcedureClassifier { models.procedureClassifier }
    var wards: PhraseMatcher<String> { models.places }

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
        let reading = read(message, context: session.procedureID)
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
        return template(from: replies) ?? "Tôi là trợ lý hỏi đáp thủ tục hành chính của TP. Hồ Chí Minh."
    }

    /// The next of several reply templates, in turn.
    func template(from replies: [String]) -> String? {
        guard !replies.isEmpty else { return nil }
        let turn = templateTurn.add(1, ordering: .relaxed).newValue
        return replies[Int(turn.magnitude % UInt(replies.count))]
    }
}

extension DialogueEngine {
    /// Words that, after "có cần / có phải / bắt buộc", ask whether to go through a procedure at
    /// all rather than about one paper or condition ("có bắt buộc phải đi làm thẻ mới không",
    /// "có cần xin giấy phép riêng nữa không").
    static let doingWords: Set<String> = ["moi", "lai", "khai", "bao", "xin", "giay", "phep", "rieng", "thu", "tuc", "dang", "ky",
                                          "nua", "luon", "ngay", "doi", "cap"]

    /// Going to an office, the office, or anyone at all, in "có phải lên phường xin gì không" (folded).
    static let officeWords: Set<String> = ["len", "ra", "den", "toi", "phuong", "xa", "uy", "ban", "ubnd", "cong", "an", "quan",
                                           "chinh", "quyen", "nha", "nuoc", "ai", "gi", "j", "truoc", "voi", "o", "khong", "ko",
                                           "k", "hk", "hong", "khum", "a", "ha", "nhi"]

    /// Words that say nothing about which procedure is meant (folded).
    static let fillers: Set<String> = ["toi", "em", "minh", "ban", "ad", "a", "oi", "nhe", "nha", "vay", "ha", "ho", "cho", "hoi",
                                       "xin", "la", "thi", "ma", "va", "cua", "voi", "co", "khong", "ko", "k", "duoc", "dc", "the",
                                       "nao", "gi", "j", "sao", "can", "phai", "lam", "muon", "nay", "do", "con", "roi", "di",
                                       "ve", "o", "dau", "bao", "nhieu", "bn", "nhung", "cac", "mot", "de", "neu", "khi", "vui",
                                       "long", "giup", "dum", "voi", "u", "da", "vang", "trong", "tren", "ra", "vao", "tu", "den",
                                       "chut", "xiu"]
}

extension RetrievalConfig {
    /// The scoring parameters for the curated procedures, chosen by measurement (README, "Retrieval").
    public static var procedures: RetrievalConfig { RetrievalConfig() }
}
