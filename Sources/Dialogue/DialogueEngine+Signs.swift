import Knowledge
import Retrieval
import VietText

/// What a message's words say to the routing rules beyond intent and aspect: small talk by its
/// opening, another country's papers, a report already made or asked for, how to report, a
/// question about the assistant. Found once per reading (`signs`), so a memoised message costs
/// none of these scans.
extension DialogueEngine {
    /// What the message's words say to the routing rules, found once per reading so that a
    /// message read before (the memo) costs none of these scans again.
    public struct WordSigns: Sendable {
        /// Another country's papers, and no procedure of ours named elsewhere (`ForeignDocument`).
        public var foreignPapers = false
        /// Small talk by the message's opening, the rest asking nothing (`ChitChatOpener`).
        public var opener: ChitChat?
        /// A report already made is mentioned (`mentionsEarlierReport`).
        public var mentionsReport = false
        /// How or where to report through a named channel is asked (`asksHowToReport`).
        public var asksHowToReport = false
        /// What something is is asked ("là gì").
        public var asksWhatItIs = false
        /// The citizen says they want to report ("muốn phản ánh", "xin kiến nghị"): the words
        /// the refusal itself tells them to use.
        public var requestsReport = false
        /// The assistant itself is asked about: person or machine, its name, its maker, help with no topic (`AssistantQuestion`).
        public var aboutAssistant: ChitChat?
        /// The assistant is asked to entertain or about its private life (`AssistantChatter`).
        public var chatter = false
    }

    /// The `WordSigns` of a message.
    func signs(analysis: Analysis, syllables: [String], terms: [Int32?], content: [String], message: String, top: SearchHit?) -> WordSigns {
        var signs = WordSigns()
        if let span = ForeignDocument.span(in: syllables) {
            let paper = ForeignDocument.mentions(of: span, in: syllables)
            let kept = syllables.indices.filter { !paper.contains($0) }
            signs.foreignPapers = !(top.map { models.names($0.id, syllables: kept.map { syllables[$0] }, terms: kept.map { terms[$0] },
                                                           share: thresholds.nameShare) } ?? false)
        }
        if let opener = ChitChatOpener.kind(syllables),
           ChitChatOpener.announces(syllables) || !AspectDetector.asks(analysis.tokens, message: message, requests: false) {
            signs.opener = opener
        }
        signs.mentionsReport = Self.mentionsEarlierReport(syllables)
        signs.asksHowToReport = Self.asksHowToReport(syllables)
        signs.asksWhatItIs = Self.asksWhatItIs(syllables)
        signs.aboutAssistant = AssistantQuestion.kind(syllables, content: content)
        signs.chatter = AssistantChatter.asks(syllables)
        signs.requestsReport = !Self.reportRequests.matches(in: syllables).isEmpty
        return signs
    }

    /// Saying one wants to report: a wish and a 1022 reporting verb ("khiếu nại" and "tố cáo"
    /// are procedures of their own).
    static let reportRequests = PhraseMatcher(
        ["muon", "xin", "toi", "can", "em", "minh"].flatMap { wish in ["phan anh", "kien nghi"].map { ("\(wish) \($0)", true) } })

    /// The procedure that tells how to report to the city (Tổng đài 1022).
    static let reportingProcedure = "tong-dai-1022"

    /// Whether a message asks how or where to report, through a channel it names: a reporting
    /// verb ("báo", "phản ánh", "gửi"), a channel ("gọi", "điện thoại", "app", "thành phố",
    /// "1022") and a how/where word after the verb ("đâu", "nào", "thế nào", "quy trình").
    static func asksHowToReport(_ syllables: [String]) -> Bool {
        let found = reportingWords.matches(in: syllables)
        guard let verb = found.filter({ $0.phrase.label == .verb }).map(\.start).min(),
              found.contains(where: { $0.phrase.label == .channel }) else { return false }
        return found.contains { $0.phrase.label == .how && $0.start > verb }
    }

    /// The parts of a question how to report, for `asksHowToReport`.
    enum ReportingWord: Sendable { case verb, channel, how }

    static let reportingWords = PhraseMatcher(
        ["bao", "phan anh", "gui"].map { ($0, ReportingWord.verb) }
            + ["goi", "dien thoai", "app", "ung dung", "tong dai", "1022", "thanh pho", "qua mang"].map { ($0, ReportingWord.channel) }
            + ["dau", "nao", "the nao", "quy trinh", "lam sao"].map { ($0, ReportingWord.how) })

    /// Whether a message asks what something is ("triệu chứng sốt xuất huyết là gì"): a
    /// question for information, never a report.
    static func asksWhatItIs(_ syllables: [String]) -> Bool {
        zip(syllables, syllables.dropFirst()).contains { $0 == "la" && ["gi", "j"].contains($1) || $0 == "nghia" && $1 == "la" }
    }

    /// Whether a message mentions a report already made: "phản ánh", "phiếu", "1022", "kiến
    /// nghị", "đơn", "gửi", "mã", or "báo" as the citizen's act ("mình báo đèn đường hư") rather
    /// than "bao nhiêu", "bao giờ" or "không ai báo trước".
    static func mentionsEarlierReport(_ syllables: [String]) -> Bool {
        for (index, syllable) in syllables.enumerated() {
            if reportWords.contains(syllable) { return true }
            if syllable == "phan", index + 1 < syllables.count, syllables[index + 1] == "anh" { return true }
            if syllable == "kien", index + 1 < syllables.count, syllables[index + 1] == "nghi" { return true }
            if syllable == "bao", index == 0 || syllables[index - 1] != "ai",
               index + 1 == syllables.count || !["nhieu", "gio", "lau"].contains(syllables[index + 1]) { return true }
        }
        return false
    }

    static let reportWords: Set<String> = ["phieu", "1022", "don", "gui", "ma", "ticket", "khieu", "to"]
}
