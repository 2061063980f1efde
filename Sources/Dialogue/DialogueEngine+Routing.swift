import Foundation
import Knowledge
import Retrieval
import VietText

extension DialogueEngine {
    func route(_ session: inout Session, message: String, reading: Reading) -> Reply {
        let t = thresholds
        let probabilities = reading.probabilities
        func probability(_ group: String) -> Double { probabilities[group] ?? 0 }
        let best = probabilities.max { $0.value < $1.value }?.key ?? "procedure"
        if let code = ticketCode(in: message) {
            return startStatus(&session, message: message, code: code)
        }
        // Written in English: how to ask, in both languages, rather than a refusal in Vietnamese
        // only (English small talk, "thank you bot", is left to the small-talk rules).
        // Asked what the assistant can do ("what can you do?"), the hint on how to ask is the help.
        if let hint = EnglishHint.reply(to: reading.analysis) {
            return reply(session, reading.words.aboutAssistant == .help ? .help : .outOfScope, answer: hint.answer, confidence: 1,
                         suggestions: hint.suggestions.isEmpty ? starterSuggestions() : hint.suggestions)
        }
        // Another country's papers ("làm lại hộ chiếu Hàn Quốc") are that country's business, unless
        // the rest of the message names a procedure of ours ("xin lý lịch tư pháp để làm visa Úc").
        if reading.words.foreignPapers {
            return reply(session, .outOfScope, answer: Phrases.foreignDocument, confidence: 1, suggestions: starterSuggestions())
        }
        // "kể chuyện cười đi", "bn có ny chưa": chatter the assistant declines, unless it complains
        // or names a procedure; a report's words in it are a topic ("kể chuyện cười về cán bộ phường").
        if reading.words.chatter, !reading.complaint, !reading.namesTop {
            return reply(session, .outOfScope, answer: outOfScopeReply(), confidence: 1, suggestions: starterSuggestions())
        }
        // "đang nói chuyện với cán bộ hay với máy?" asks what the assistant is (only a request,
        // "cho tôi gặp cán bộ", hands the conversation over), as do "bn tên j" and "ai lập ra app
        // này"; "tôi cần giúp đỡ" asks for help before any topic is in context.
        if let kind = reading.words.aboutAssistant, kind == .identity || session.procedureID == nil {
            return reply(session, Intent(kind), answer: chitChatReply(kind), confidence: 1, suggestions: starterSuggestions())
        }
        // "Cảm ơn, giờ tôi biết phải nộp ở phường rồi": small talk by its opening when the rest
        // asks, reports and requests nothing, however much it says about procedures.
        if reading.categoryCues.isEmpty, !reading.complaint, let opened = reading.words.opener {
            let chit = leaving(opened, session: session, reading: reading)
            return reply(session, Intent(chit), answer: chitChatReply(chit), confidence: 1,
                         suggestions: chit == .goodbye || chit == .thanks ? [] : starterSuggestions())
        }
        // A message made of a procedure's own rare words is about that procedure, whatever else it resembles.
        let strong = reading.procedureScore >= t.strongProcedure && reading.coverage >= 0.9
        // The nearest-example vote, taken at most once: the report flow needs it again for the category.
        var votedReading: Reading?
        func nearest() -> (group: String, score: Double)? {
            let voted = votedReading ?? self.voted(reading)
            votedReading = voted
            return voted.groups.max { $0.value < $1.value }.map { ($0.key, $0.value) }
        }
        func nearestGroup() -> String? { nearest()?.group }
        // The classifier learned "… là gì" from "bạn là gì" and "phí … bao nhiêu" from private
        // services; when a procedure covers the message and the nearest example sentences are
        // procedure questions ("chứng thực bản sao là gì", "lệ phí làm cccd bao nhiêu"), it is one.
        func procedureAfterAll() -> Bool {
            reading.coverage >= t.outOfScopeCoverage && reading.procedureScore >= t.procedure && nearestGroup() == "procedure"
        }
        // With a procedure in context, a phrase such as "lệ phí", "nộp ở đâu" makes it a follow-up,
        // however small-talk-like the rest.
        let cued = session.procedureID != nil && (reading.aspect.map { !$0.cue.isEmpty } ?? false)
        // Sure it is small talk, if not which kind ("được rồi, chào bạn nhé": greeting 0.50,
        // goodbye 0.32): the kinds' probabilities together decide, the likeliest kind is taken.
        let smallTalk = ChitChat.allCases.reduce(0) { $0 + probability($1.rawValue) }
        // A word or two the classifier is unsure of ("dạ", "tôi cần hỏi"): the nearest example
        // sentences decide whether it is small talk, rather than a procedure that shares a syllable.
        func votedChitChat() -> (ChitChat, Double)? {
            guard smallTalk < t.chitChat, reading.content.count <= 2, !cued, !strong,
                  let top = nearest(), let chit = ChitChat(rawValue: top.group), top.score >= t.chitChatVote else { return nil }
            return (chit, top.score)
        }
        // A long message whose nearest example sentences are procedure questions ("em trai vừa tròn
        // 17, phải lên ban chỉ huy quân sự phường ghi danh ntn ạ") is one, however polite.
        func longProcedure() -> Bool { Double(reading.content.count) >= t.chitChatLong && nearestGroup() == "procedure" }
        // "cột điện nghiêng sắp đổ trước nhà mình, dây điện lủng lẳng": a report's cues and
        // report-like nearest examples outweigh a small-talk guess ("nhà mình" reads as leave-taking).
        // Nor does one that holds a complaint's words as well ("nắp cống mất, ai chịu trách nhiệm").
        func reportAfterAll() -> Bool {
            !reading.categoryCues.isEmpty && reading.words.opener == nil && (reading.complaint || nearestGroup() == "escalate")
        }
        let classified = ChitChat(rawValue: best).flatMap { chit in
            // A question that names a procedure ("về hưu xong được nhận những gì") is about it.
            smallTalk >= t.chitChat && !strong && !cued && !(reading.namesTop && reading.asks)
                && !(procedureAfterAll() && !unclaimed(reading))
                && !longProcedure() && !reportAfterAll() && !(chit == .help && asksAboutFamily(reading))
                ? (chit, smallTalk) : nil
        }
        if let (kind, confidence) = classified ?? votedChitChat() {
            let chit = leaving(kind, session: session, reading: reading)
            return reply(session, Intent(chit), answer: chitChatReply(chit), confidence: confidence,
                         suggestions: chit == .goodbye || chit == .thanks ? [] : starterSuggestions())
        }
        // The classifier alone does not refuse or divert a message that a procedure's own words cover well.
        // Nor one that names a procedure by its title or an alias ("… thủ tục đăng ký khai tử").
        let covered = reading.coverage >= t.answerCoverage && reading.procedureScore >= t.answerScore
            || reading.topProbability >= t.answerProbability || reading.namesTop
        // "Tôi muốn phản ánh" — a complaint cue with nothing else — is the request itself, not a
        // question about an earlier report.
        // Nor one that says it wants to report ("… chém giá, muốn phản ánh"), whatever its
        // other words resemble: the refusal itself tells the citizen to say so.
        let bareComplaint = reading.complaint && reading.content.count <= 2 && reading.aspect == nil
            || reading.words.requestsReport && !reading.namesTop && reading.aspect.map({ $0.cue.isEmpty }) ?? true
        // "gửi phản ánh qua tổng đài 1022 thì thực hiện ra sao" asks how to report, which a guide
        // covers and the nearest examples recognise, not where an earlier report stands.
        // And "cúp điện từ trưa, có ai xử lý không" asks for a report to be handled, not about one
        // already made: a status question mentions that report.
        let statusLike = best == "ticket_status" && probability(best) >= t.ticketStatus
        let mentionsReport = reading.words.mentionsReport
        if statusLike, !bareComplaint, !(reading.namesTop && procedureAfterAll()), mentionsReport {
            return startStatus(&session, message: message, code: nil)
        }
        // What reads like a status question but mentions no report is one being made: the
        // classifier learned the same words ("chưa ai sửa", "có ai xử lý") from both.
        let escalation = probability("escalate") + (!mentionsReport ? probability("ticket_status") : 0)
        let reportBest = best == "escalate" || best == "ticket_status" && !mentionsReport
        // "đèn đường hư cả tháng, muốn báo cho thành phố thì gọi đâu": how to report, through which
        // channel, is what the 1022 procedure answers; the citizen asked for the way, not a ticket.
        if reading.asks, reading.words.asksHowToReport,
           let guide = reading.hits.first(where: { $0.id == Self.reportingProcedure }), let procedure = byID[guide.id] {
            return answer(&session, procedure, aspect: reading.aspect?.aspect ?? .overview, score: guide.score,
                          confidence: min(1, reading.procedureScore), candidates: Array(reading.hits.prefix(3)))
        }
        // "nhà có đám cưới, muốn dựng rạp trước cửa": a wish in a procedure's own words is a
        // procedure, whatever report's cue ("dựng rạp") it holds.
        let wants = !reading.complaint && reading.coverage >= t.answerCoverage && reading.syllables.contains("muon")
        let reported = (!reading.categoryCues.isEmpty || reading.complaint) && !wants
        // A question about an aspect ("nộp ở đâu") that a procedure covers well is not a report,
        // unless it says it is one ("phản ánh", "khiếu nại").
        let asksProcedure = reading.coverage >= t.answerCoverage && !reading.complaint && (reading.aspect.map { !$0.cue.isEmpty } ?? false)
        // A report without category cues still escalates when no procedure fits it either.
        var weak = reading.procedureScore < t.procedure || reading.coverage < t.coverage
        func nearestAgree() -> Bool { nearestGroup() == "escalate" || nearestGroup() == "ticket_status" && !mentionsReport }
        // The classifier, trained on reports full of ward names, takes plain statements of a need
        // ("tôi muốn mở tiệm tạp hóa ở phường Bình Tân") for reports; without a cue, and with a
        // procedure that fits, the nearest example sentences must agree.
        // Nor is one that names a procedure outright ("mình bị mất hộ chiếu trên xe buýt hôm qua"),
        // however little of it the procedure covers, unless it holds a report's cue.
        // And a weak one whose nearest example sentences are procedure questions ("hôm qua tôi
        // đánh rơi hộ chiếu ngoài chợ") tells a citizen's own loss, without a report's cue.
        let unnamed = weak && !reading.namesTop && nearestGroup() != "procedure" && (reported || nearestGroup() != "out_of_scope")
        if (reportBest && escalation >= (reported || weak ? t.escalate : t.escalateWithoutCue) && !asksProcedure
            && (reported || unnamed || nearestAgree()))
            || ((reading.complaint || reported && best != "procedure") && escalation >= t.escalateWithCue) || bareComplaint
            // "Nhà số 25 … đang xây vượt số tầng": a report's cue in a message that asks nothing.
            || (reported && !reading.asks && escalation >= t.escalateStatement && nearestAgree())
            // "kênh sau nhà đen ngòm, bốc mùi, có ai xử lý ko": a report's cues, no procedure that
            // fits, and the nearest example sentences are reports, whatever the classifier thinks.
            || (reported && weak && !reading.words.asksWhatItIs && nearestAgree()) {
            // A citizen who says they want to report has said so: that is certain, whatever the classifier thought.
            return startEscalation(&session, message: message, reading: votedReading ?? reading,
                                   confidence: reading.words.requestsReport ? 1 : escalation)
        }
        // Nothing names a procedure ("cần giấy tờ gì", "số 2") and none is in context: ask which one.
        if session.procedureID == nil, Self.onlyChoiceWords(reading), !reading.hits.isEmpty,
           reading.aspect != nil || !reading.content.isEmpty {
            return reply(session, .clarify, answer: Phrases.whichProcedure, confidence: 0, aspect: reading.aspect?.aspect,
                         suggestions: starterSuggestions())
        }
        // Follow-up about the procedure in context: it still ranks first with its head start, or an
        // aspect is asked (or the message is too short to name anything) and nothing strongly names
        // another procedure. A short follow-up without a cue takes the aspect classifier's best guess.
        // Short, and nothing in it foreign to the procedure in context ("còn cccd thì sao" is not about a passport).
        let short = reading.content.count <= t.followUpContent
            && (reading.hits.first?.id == session.procedureID || reading.contextCoverage >= t.contextCoverage)
        // "còn làm căn cước cho bé thì sao": another procedure named outright ends the follow-up.
        let switched = session.procedureID.flatMap { models.switched(from: $0, syllables: reading.syllables, terms: reading.syllableTerms, among: reading.hits.prefix(3)) }
        if switched == nil, let current = session.procedureID, let procedure = byID[current],
           reading.hits.first?.id == current && (reading.aspect != nil || reading.procedureScore >= t.procedure)
            || (reading.aspect != nil || short) && (short || reading.procedureScore < t.switchTopic && !reading.namesTop) {
            let aspect = reading.aspect?.aspect ?? (short ? reading.learnedAspect?.aspect : nil) ?? .overview
            return answer(&session, procedure, aspect: aspect,
                          score: reading.hits.first { $0.id == current }?.score ?? 0, confidence: 0.8)
        }
        // A situation told in many words of its own ("bị mất hộ chiếu trên xe buýt hôm qua") covers
        // little of any procedure; when the classifier and the nearest examples both call it a
        // procedure question, it is one.
        if weak, reading.procedureScore >= t.procedure, probability("procedure") >= t.procedureVote, nearestGroup() == "procedure" {
            weak = false
        }
        // Nor when no report's cue is in it, the nearest examples are procedure questions and a
        // procedure's words score well enough ("hôm qua tôi đánh rơi hộ chiếu ngoài chợ").
        if weak, !reported, reading.procedureScore >= t.toldScore, reading.topProbability >= t.procedureVote, nearestGroup() == "procedure" {
            weak = false
        }
        // Nor is one that names the procedure outright ("chủ nhà kêu đi đăng ký tạm trú"), however
        // many words of its own tell the situation, when it reads as a question at all or is
        // short ("llpt phí bn", named by an abbreviation).
        if weak, reading.namesTop, reading.procedureScore >= t.procedure,
           probability("procedure") >= t.procedureVote || reading.content.count <= t.followUpContent {
            weak = false
        }
        // No procedure claims it and the nearest example sentences are out of scope: refused,
        // whatever the intent classifier, which has seen few of its kind, thought.
        if unclaimed(reading), !strong, !reading.namesTop, nearestGroup() == "out_of_scope" {
            return reply(session, .outOfScope, answer: outOfScopeReply(), confidence: 1 - reading.claimedProbability,
                         suggestions: starterSuggestions())
        }
        // Nor when the procedure classifier is sure of its candidates and the nearest examples are
        // procedure questions ("không có công ty nào đóng bảo hiểm cho, muốn mỗi tháng tự bỏ tiền ra …").
        let claimed = reading.claimedProbability >= t.claimedAgainstIntent && nearestGroup() == "procedure"
        if best == "out_of_scope", probability(best) >= t.outOfScope, !strong, !covered, !claimed,
           weak || !procedureAfterAll() || unclaimed(reading) {
            return reply(session, .outOfScope, answer: outOfScopeReply(), confidence: probability(best), suggestions: starterSuggestions())
        }
        guard let top = reading.hits.first, !weak, let procedure = byID[top.id] else {
            return reply(session, .outOfScope, answer: Phrases.noMatch, confidence: 1 - reading.procedureScore, suggestions: starterSuggestions())
        }
        let aspect = reading.aspect?.aspect ?? .overview
        // Only a short message can be genuinely ambiguous ("chứng thực", "làm bằng lái"); a longer one
        // with close candidates is answered with the best, the others offered as candidates.
        // A message holding a candidate's whole title or alias ("đăng ký xe") has chosen already.
        let named = reading.hits.prefix(3).first { models.names($0.id, syllables: reading.syllables, terms: reading.syllableTerms, share: 1) }
        // "chứng thực", "hỏi về căn cước": words that several titles share, and nothing more,
        // name a family of procedures rather than one of them.
        let (family, familyWords) = named == nil && switched == nil && session.procedureID == nil ? models.family(of: reading.content) : ([], [])
        // "khai sinh mất bao lâu": a family's words asked about an aspect mean the member they
        // name on their own ("Đăng ký khai sinh"), answered with the others as candidates.
        if family.count >= 2, reading.aspect.map({ !$0.cue.isEmpty }) ?? false,
           let base = models.base(of: family, named: familyWords), let procedure = byID[base] {
            let others = familyChoices(family, words: familyWords.count, hits: reading.hits)?.filter { $0.id != base } ?? []
            return answer(&session, procedure, aspect: aspect, score: reading.hits.first { $0.id == base }?.score ?? 0,
                          confidence: min(1, reading.procedureScore), candidates: Array(others.prefix(3)))
        }
        if family.count >= 2 || reading.margin < t.clarifyMargin && reading.content.count <= t.clarifyContent && reading.hits.count >= 2
            && named == nil && switched == nil {
            // Close candidates are the best three.
            let choices = familyChoices(family, words: familyWords.count, hits: reading.hits) ?? Array(reading.hits.prefix(3))
            session.candidates = choices.map(\.id)
            session.pendingAspect = aspect
            let list = choices.enumerated().map { "\($0.offset + 1). \($0.element.title)" }.joined(separator: "\n")
            return reply(session, .clarify, answer: Phrases.clarify + "\n" + list, confidence: reading.margin,
                         aspect: aspect, candidates: choices.map { ref($0) }, suggestions: choices.indices.map { "Số \($0 + 1)" })
        }
        // Between close candidates, the one the message names outright.
        // And a guide yields to a procedure named outright ("nộp hồ sơ đăng ký thường trú trên VNeID").
        let yields = reading.margin < t.clarifyMargin || models.guides.contains(top.id) && named.map { !models.guides.contains($0.id) } == true
        let chosen = switched ?? (yields ? named ?? top : top)
        return answer(&session, byID[chosen.id] ?? procedure, aspect: aspect, score: chosen.score,
                      confidence: min(1, reading.procedureScore + reading.margin), candidates: Array(reading.hits.prefix(3)))
    }

    /// A family's members to choose from ("chứng thực": bản sao, chữ ký, hợp đồng), up to five,
    /// the best-ranked first; nil for fewer than two. A family named by two words or more is
    /// listed whole, so the one the citizen means is there even when other words of the message
    /// ranked it low; one folded syllable ("so": sổ, số, sở) stands in too many titles for that.
    func familyChoices(_ family: [String], words: Int, hits: [SearchHit]) -> [SearchHit]? {
        guard family.count >= 2 else { return nil }
        let ranked = hits.filter { family.contains($0.id) }
        let unranked = words < 2 ? [] : family.filter { id in !ranked.contains { $0.id == id } }.compactMap { id in
            byID[id].map { SearchHit(document: models.documentNumbers[id] ?? -1, id: id, title: $0.title, score: 0) }
        }
        let choices = ranked + unranked
        return choices.count >= 2 ? Array(choices.prefix(5)) : nil
    }

    /// "chào" after a conversation is a farewell ("ok cảm ơn, chào nhé"): a greeting or thanks
    /// with a word of leave, once the conversation has started, is a goodbye.
    func leaving(_ chit: ChitChat, session: Session, reading: Reading) -> ChitChat {
        guard chit == .greeting || chit == .thanks, !session.transcript.isEmpty,
              reading.syllables.contains(where: { Self.farewellWords.contains($0) }) else { return chit }
        return .goodbye
    }

    /// Words that take leave once a conversation has started.
    static let farewellWords: Set<String> = ["chao", "bye", "bai", "biet"]

    /// Whether a message asks about ("về") words that name a family of procedures: "hỏi chút
    /// về thẻ căn cước" is the question, not a request for help in general.
    func asksAboutFamily(_ reading: Reading) -> Bool {
        guard let about = reading.syllables.lastIndex(of: "ve") else { return false }
        let words = reading.syllables[(about + 1)...].filter { !Self.fillers.contains($0) }
        return !words.isEmpty && !models.family(of: words).members.isEmpty
    }

    /// Words of a bare choice ("số 2", "cái thứ hai"), folded and as typed with marks.
    static let choiceWords: Set<String> = ["so", "1", "2", "3", "4", "5", "cai", "thu", "mot", "hai", "ba", "nhat", "dau"]
    static let markedChoiceWords: Set<String> = ["số", "cái", "thứ", "một", "hai", "ba", "nhất", "đầu"]

    /// Whether the message's content is nothing but words of a bare choice. A syllable typed
    /// with other marks ("sổ") is not one, nor one read as part of a longer lexicon term ("so do"
    /// is "sổ đỏ"): both name something.
    static func onlyChoiceWords(_ reading: Reading) -> Bool {
        guard reading.content.allSatisfy(choiceWords.contains) else { return false }
        let terms = reading.analysis.alternatives.filter { $0.reason != .telex && $0.reason != .vni && $0.span.count >= 2 }
        for token in reading.analysis.tokens where token.kind == .word && reading.content.contains(token.folded) {
            if token.text != token.folded, !markedChoiceWords.contains(token.text) { return false }
            if terms.contains(where: { $0.span.contains(token.position) }) { return false }
        }
        return true
    }

    func answer(_ session: inout Session, _ procedure: Procedure, aspect: Aspect, score: Double, confidence: Double,
                candidates: [SearchHit] = []) -> Reply {
        session.procedureID = procedure.id
        session.lastAspect = aspect
        session.candidates = []
        let ref = Reply.ProcedureRef(id: procedure.id, title: procedure.title, code: procedure.code, score: score)
        return reply(session, .procedure, answer: models.answer(procedure, aspect: aspect), confidence: confidence,
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
        template(from: knowledge.intents.outOfScope.replies) ?? Phrases.noMatch
    }

    /// A listed choice ranked below another procedure is still the one picked when its score is
    /// at least this share of the best one's.
    static let choiceShare = 0.6

    /// A choice after a clarification: "số 2", "2", "cái thứ hai", or words of a title.
    func pickCandidate(_ session: inout Session, message: String) -> Reply? {
        let folded = VietString.searchKey(message)
        // Up to five choices are listed (`familyChoices`). "tư" and "năm" fold like "từ", "tự",
        // "nam" (a year, male): the fourth and fifth are taken by digit or "bốn" only.
        let ordinals = [["1", "mot", "nhat", "dau"], ["2", "hai"], ["3", "ba"], ["4", "bon"], ["5"]]
        var chosen: String? = nil
        let words = Set(folded.split(separator: " ").map(String.init))
        if words.count <= 4 {
            for (index, names) in ordinals.enumerated() where index < session.candidates.count && !words.isDisjoint(with: names) {
                chosen = session.candidates[index]
                break
            }
        }
        if chosen == nil {
            // The best-ranked choice, even below a procedure outside the list ("cấp lại vì bị mất"
            // after the ID-card choices ranks the lost driving licence first), unless the message
            // names that other procedure outright, which changes the subject.
            let reading = read(message)
            let namesOther = reading.hits.first.map {
                !session.candidates.contains($0.id) && models.names($0.id, syllables: reading.syllables, terms: reading.syllableTerms, share: 1)
            } ?? false
            if !namesOther, let top = reading.hits.first, let hit = reading.hits.first(where: { session.candidates.contains($0.id) }),
               hit.score >= Self.choiceShare * top.score, reading.aspect == nil || reading.syllables.count <= 6 {
                chosen = hit.id
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

    /// The first ticket code ("1022-ABCD-1234", any case) in a message, upper-cased. A byte scan,
    /// because a regular expression here cost a sixth of a whole turn.
    func ticketCode(in message: String) -> String? {
        let bytes = Array(message.utf8)
        func isCodeCharacter(_ byte: UInt8) -> Bool {
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
        }
        let length = 14
        guard bytes.count >= length else { return nil }
        for start in 0...(bytes.count - length) where bytes[start] == UInt8(ascii: "1") {
            guard bytes[start + 1] == UInt8(ascii: "0"), bytes[start + 2] == UInt8(ascii: "2"), bytes[start + 3] == UInt8(ascii: "2"),
                  bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 9] == UInt8(ascii: "-"),
                  (start + 5..<start + 9).allSatisfy({ isCodeCharacter(bytes[$0]) }),
                  (start + 10..<start + 14).allSatisfy({ isCodeCharacter(bytes[$0]) }) else { continue }
            return String(decoding: bytes[start..<start + length], as: UTF8.self).uppercased()
        }
        return nil
    }
}
