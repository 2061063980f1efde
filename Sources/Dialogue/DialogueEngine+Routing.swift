import Foundation
import Knowledge
import Retrieval
import VietText

/// The decision thresholds of one turn, each measured on the development set
/// (`hoidap eval --questions eval/dev/questions.jsonl --chat`, README "Dialogue").
public struct DialogueThresholds: Sendable, Equatable {
    /// A chit-chat vote this strong, on a short message, is chit-chat.
    public var chitChat = 0.3
    /// The classifier's probability for a ticket-status question.
    public var ticketStatus = 0.7
    /// Escalation vote strength that files a report even without a complaint cue.
    public var escalate = 0.6
    /// Without a complaint or category cue, the escalation vote must reach this.
    public var escalateWithoutCue = 0.8
    /// With a complaint cue, this much is enough.
    public var escalateWithCue = 0.3
    /// Below this normalized procedure score, a message is not about a procedure.
    public var procedure = 0.05
    /// An out-of-scope vote this strong, above the procedure score, refuses.
    public var outOfScope = 0.3
    /// Below this relative margin between the two best procedures, ask which one.
    public var clarifyMargin = 0.01
    /// A procedure score this high with all content words found marks a procedure question.
    public var strongProcedure = 0.6
    /// Below this share of content words found in the best procedure, a message is not about one.
    public var coverage = 0.3
    /// A follow-up with this many content syllables or fewer stays with the procedure in context.
    public var followUpContent = 3
    /// A message scoring this high on another procedure switches topic even with an aspect cue.
    public var switchTopic = 0.35

    public init() {}
}

extension DialogueEngine {
    func route(_ session: inout Session, message: String, reading: Reading) -> Reply {
        let t = thresholds
        let probabilities = reading.probabilities
        func probability(_ group: String) -> Double { probabilities[group] ?? 0 }
        let best = probabilities.max { $0.value < $1.value }?.key ?? "procedure"
        if let code = ticketCode(in: message) {
            return startStatus(&session, message: message, code: code)
        }
        // A message made of a procedure's own rare words is about that procedure, whatever else it resembles.
        let strong = reading.procedureScore >= t.strongProcedure && reading.coverage >= 0.9
        if let chit = ChitChat(rawValue: best), probability(best) >= t.chitChat, !strong {
            return reply(session, Intent(chit), answer: chitChatReply(chit), confidence: probability(best),
                         suggestions: chit == .goodbye || chit == .thanks ? [] : starterSuggestions())
        }
        if best == "ticket_status", probability(best) >= t.ticketStatus {
            return startStatus(&session, message: message, code: nil)
        }
        let escalation = probability("escalate")
        let cued = !reading.categoryCues.isEmpty || reading.complaint
        // "Tôi muốn phản ánh" — a complaint cue with nothing else — is the request itself.
        let bareComplaint = reading.complaint && reading.content.count <= 2 && reading.aspect == nil
        if (best == "escalate" && escalation >= (cued ? t.escalate : t.escalateWithoutCue)) || (reading.complaint && escalation >= t.escalateWithCue)
            || bareComplaint {
            return startEscalation(&session, message: message, reading: reading, confidence: escalation)
        }
        // Nothing names a procedure ("cần giấy tờ gì", "số 2") and none is in context: ask which one.
        if session.procedureID == nil, reading.content.allSatisfy({ Self.choiceWords.contains($0) }), !reading.hits.isEmpty,
           reading.aspect != nil || !reading.content.isEmpty {
            return reply(session, .clarify, answer: Phrases.whichProcedure, confidence: 0, aspect: reading.aspect?.aspect,
                         suggestions: starterSuggestions())
        }
        // Follow-up about the procedure in context: an aspect cue, and nothing that names another procedure.
        if let current = session.procedureID, let procedure = byID[current], let aspect = reading.aspect,
           reading.hits.prefix(3).contains(where: { $0.id == current }) || reading.content.count <= t.followUpContent
            || reading.procedureScore < t.switchTopic {
            return answer(&session, procedure, aspect: aspect.aspect, score: reading.hits.first { $0.id == current }?.score ?? 0,
                          confidence: 0.8)
        }
        let weak = reading.procedureScore < t.procedure || reading.coverage < t.coverage
        if best == "out_of_scope", probability(best) >= t.outOfScope, !strong {
            return reply(session, .outOfScope, answer: outOfScopeReply(), confidence: probability(best), suggestions: starterSuggestions())
        }
        guard let top = reading.hits.first, !weak, let procedure = byID[top.id] else {
            return reply(session, .outOfScope, answer: Phrases.noMatch, confidence: 1 - reading.procedureScore, suggestions: starterSuggestions())
        }
        let aspect = reading.aspect?.aspect ?? .overview
        if reading.margin < t.clarifyMargin, reading.hits.count >= 2 {
            let choices = Array(reading.hits.prefix(3))
            session.candidates = choices.map(\.id)
            session.pendingAspect = aspect
            let list = choices.enumerated().map { "\($0.offset + 1). \($0.element.title)" }.joined(separator: "\n")
            return reply(session, .clarify, answer: Phrases.clarify + "\n" + list, confidence: reading.margin,
                         aspect: aspect, candidates: choices.map { ref($0) }, suggestions: choices.indices.map { "Số \($0 + 1)" })
        }
        return answer(&session, procedure, aspect: aspect, score: top.score,
                      confidence: min(1, reading.procedureScore + reading.margin), candidates: Array(reading.hits.prefix(3)))
    }

    /// Words of a bare choice ("số 2", "cái thứ hai").
    static let choiceWords: Set<String> = ["so", "1", "2", "3", "4", "5", "cai", "thu", "mot", "hai", "ba", "nhat", "dau"]

    func answer(_ session: inout Session, _ procedure: Procedure, aspect: Aspect, score: Double, confidence: Double,
                candidates: [SearchHit] = []) -> Reply {
        session.procedureID = procedure.id
        session.lastAspect = aspect
        session.candidates = []
        let ref = Reply.ProcedureRef(id: procedure.id, title: procedure.title, code: procedure.code, score: score)
        return reply(session, .procedure, answer: composer.answer(procedure, aspect: aspect), confidence: confidence,
                     procedure: ref, aspect: aspect, candidates: candidates.map { self.ref($0) },
                     suggestions: suggestions(after: aspect, procedure: procedure))
    }

    func ref(_ hit: SearchHit) -> Reply.ProcedureRef {
        Reply.ProcedureRef(id: hit.id, title: hit.title, code: byID[hit.id]?.code ?? "", score: hit.score)
    }

    /// The next questions worth a chip: the usual aspects not just answered.
    func suggestions(after aspect: Aspect, procedure: Procedure) -> [String] {
        let order: [Aspect] = [.documents, .fee, .duration, .agency, .online, .steps]
        return order.filter { $0 != aspect && ($0 != .online || procedure.isOnline) }.prefix(3)
            .compactMap { knowledge.intents.aspects[$0]?.question }
    }

    func starterSuggestions() -> [String] {
        ["Làm lại căn cước bị mất", "Đăng ký khai sinh cho con", "Tôi muốn phản ánh sự cố"]
    }

    func outOfScopeReply() -> String {
        knowledge.intents.outOfScope.replies.randomElement() ?? Phrases.noMatch
    }

    /// A choice after a clarification: "số 2", "2", "cái thứ hai", or words of a title.
    func pickCandidate(_ session: inout Session, message: String) -> Reply? {
        let folded = VietString.searchKey(message)
        let ordinals = [["1", "mot", "nhat", "dau"], ["2", "hai"], ["3", "ba"]]
        var chosen: String? = nil
        let words = Set(folded.split(separator: " ").map(String.init))
        if words.count <= 4 {
            for (index, names) in ordinals.enumerated() where index < session.candidates.count && !words.isDisjoint(with: names) {
                chosen = session.candidates[index]
                break
            }
        }
        if chosen == nil {
            let reading = read(message)
            if let top = reading.hits.first, session.candidates.contains(top.id), reading.aspect == nil || reading.syllables.count <= 6 {
                chosen = top.id
            }
        }
        guard let id = chosen, let procedure = byID[id] else {
            session.candidates = []
            return nil
        }
        let aspect = session.pendingAspect ?? .overview
        session.pendingAspect = nil
        return answer(&session, procedure, aspect: aspect, score: 0, confidence: 0.9)
    }

    func ticketCode(in message: String) -> String? {
        // Every code starts with the digits "1022-", which case-insensitivity cannot change:
        // without them the regular expression (the costliest step of routing) cannot match.
        guard Self.containsCodePrefix(message) else { return nil }
        guard let pattern = codePattern,
              let match = pattern.firstMatch(in: message, range: NSRange(message.startIndex..., in: message)),
              let range = Range(match.range, in: message) else { return nil }
        return message[range].uppercased()
    }

    /// Whether the text contains "1022-" (a plain byte scan: the generic `firstRange(of:)` cost
    /// as much as the regular expression).
    static func containsCodePrefix(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 5 else { return false }
            for start in 0...(bytes.count - 5) where bytes[start] == UInt8(ascii: "1") {
                if bytes[start + 1] == UInt8(ascii: "0"), bytes[start + 2] == UInt8(ascii: "2"), bytes[start + 3] == UInt8(ascii: "2"),
                   bytes[start + 4] == UInt8(ascii: "-") { return true }
            }
            return false
        }
    }
}
