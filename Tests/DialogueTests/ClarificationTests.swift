import Knowledge
import Testing
@testable import Dialogue
import Retrieval

/// Numbered choices when candidates are close, and picking one of them.
@Suite("Clarification")
struct ClarificationTests {
    static let engine = Fixture.engine().engine

    static let certifications: Set<String> = ["chung-thuc-hop-dong", "chung-thuc-chu-ky", "chung-thuc-ban-sao"]

    @Test("a genuinely ambiguous word lists the close procedures")
    func list() {
        let reply = Self.engine.reply(session: "clarify-list", message: "chứng thực")
        #expect(reply.intent == .clarify)
        let ids = reply.candidates.map(\.id)
        #expect(Set(ids) == Self.certifications)
        let lines = ids.enumerated().map { "\($0.offset + 1). \(Fixture.title($0.element))" }
        #expect(reply.answer == ([Texts.clarify] + lines).joined(separator: "\n"))
        #expect(reply.candidates.map(\.title) == ids.map(Fixture.title))
        #expect(reply.aspect == .overview)
        #expect(reply.procedure == nil)
        #expect(reply.suggestions == ["Số 1", "Số 2", "Số 3"])
        let session = Self.engine.sessions.peek("clarify-list")
        #expect(session?.candidates == ids)
        #expect(session?.pendingAspect == .overview)
    }

    @Test("a choice by number picks that candidate", arguments: [
        ("số 2", 1), ("2", 1), ("Số 1", 0), ("cái thứ hai", 1), ("số 3", 2),
    ])
    func pickByNumber(message: String, position: Int) {
        let session = "clarify-pick-\(message)"
        let question = Self.engine.reply(session: session, message: "chứng thực")
        #expect(question.intent == .clarify)
        #expect(question.candidates.count == 3)
        guard question.candidates.count == 3 else { return }
        let id = question.candidates[position].id
        let reply = Self.engine.reply(session: session, message: message)
        #expect(reply.intent == .procedure)
        #expect(reply.procedure?.id == id)
        #expect(reply.aspect == .overview)
        #expect(reply.answer.hasPrefix("**\(Fixture.title(id))**\n"))
        #expect(Self.engine.sessions.peek(session)?.candidates == [])
        #expect(Self.engine.sessions.peek(session)?.procedureID == id)
    }

    @Test("a choice by title picks that candidate")
    func pickByTitle() {
        let session = "clarify-title"
        #expect(Self.engine.reply(session: session, message: "làm bằng lái").intent == .clarify)
        let reply = Self.engine.reply(session: session, message: "cấp lại giấy phép lái xe bị mất")
        #expect(reply.intent == .procedure)
        #expect(reply.procedure?.id == "cap-lai-gplx")
    }

    @Test("\"ở phường\", \"ở xã\" at the edge of a family's words are where, not part of the name")
    func familyWithPlace() {
        let reply = Self.engine.ask("hỏi về chứng thực ở xã")
        #expect(reply.intent == .clarify)
        #expect(Set(reply.candidates.map(\.id)) == Self.certifications)
    }

    @Test("asking \"a little\" about a family of procedures is the question, not a request for help",
          arguments: ["hỏi chút về chứng thực", "cho hỏi xíu về bằng lái"])
    func askAboutFamily(message: String) {
        #expect(Self.engine.ask(message).intent == .clarify)
        #expect(Self.engine.ask("bạn hỗ trợ những gì").intent == .help)
    }

    @Test("words in no two titles name a family through the aliases")
    func familyThroughAliases() {
        let reply = Self.engine.ask("hỏi về công ty tnhh")
        #expect(reply.intent == .clarify)
        #expect(Set(reply.candidates.map(\.id)).isSuperset(of: ["thanh-lap-doanh-nghiep", "giai-the-doanh-nghiep"]))
    }

    @Test("the fourth of a longer list is picked by its number")
    func pickFourth() {
        let session = "clarify-fourth"
        let question = Self.engine.reply(session: session, message: "căn cước")
        #expect(question.intent == .clarify)
        #expect(question.candidates.count >= 4)
        guard question.candidates.count >= 4 else { return }
        let reply = Self.engine.reply(session: session, message: "số 4")
        #expect(reply.intent == .procedure)
        #expect(reply.procedure?.id == question.candidates[3].id)
    }

    @Test("an answer in the citizen's words picks the listed choice it fits, not a procedure outside the list")
    func pickInOwnWords() {
        let session = "clarify-own-words"
        let question = Self.engine.reply(session: session, message: "căn cước")
        #expect(question.intent == .clarify)
        #expect(question.candidates.map(\.id).contains("cap-lai-can-cuoc"))
        let reply = Self.engine.reply(session: session, message: "xin lại vì đánh rơi mất")
        #expect(reply.intent == .procedure)
        #expect(reply.procedure?.id == "cap-lai-can-cuoc")
    }

    @Test("\"số 2\" keeps the aspect that was asked (clarification set up in the session store)")
    func pendingAspectKept() {
        let session = "clarify-forced"
        Self.engine.sessions.with(session) { state in
            state.candidates = ["chung-thuc-hop-dong", "chung-thuc-chu-ky", "chung-thuc-ban-sao"]
            state.pendingAspect = .fee
        }
        let reply = Self.engine.reply(session: session, message: "số 2")
        #expect(reply.intent == .procedure)
        #expect(reply.procedure?.id == "chung-thuc-chu-ky")
        #expect(reply.procedure?.title == "Chứng thực chữ ký")
        #expect(reply.aspect == .fee)
        #expect(reply.answer.hasPrefix("Lệ phí chứng thực chữ ký:\n"), "\(reply.answer)")
        #expect(reply.confidence == 0.9)
        let state = Self.engine.sessions.peek(session)
        #expect(state?.candidates == [])
        #expect(state?.pendingAspect == nil)
        #expect(state?.procedureID == "chung-thuc-chu-ky")
        #expect(state?.lastAspect == .fee)
    }

    @Test("an ambiguous question with an aspect clarifies, and the choice answers that aspect")
    func pendingAspectFromQuestion() {
        let session = "clarify-duration"
        let first = Self.engine.reply(session: session, message: "chứng thực mất bao lâu")
        #expect(first.intent == .clarify)
        #expect(first.aspect == .duration)
        #expect(Set(first.candidates.map(\.id)) == Self.certifications)
        let second = first.candidates.dropFirst().first?.id
        let reply = Self.engine.reply(session: session, message: "số 2")
        #expect(reply.procedure?.id == second)
        #expect(reply.aspect == .duration)
        #expect(reply.answer.hasPrefix("Thời hạn giải quyết \(Fixture.title(second ?? "").lowercased())"), "\(reply.answer)")
    }

    @Test("something else than a choice drops the list and is answered as a new message")
    func unrelatedAfterList() {
        let session = "clarify-other"
        #expect(Self.engine.reply(session: session, message: "chứng thực").intent == .clarify)
        let reply = Self.engine.reply(session: session, message: "tôi muốn làm hộ chiếu lần đầu")
        #expect(reply.procedure?.id == "cap-ho-chieu")
        #expect(Self.engine.sessions.peek(session)?.candidates == [])
    }

    @Test("\"sổ đỏ\" is not \"số 2\": marks and lexicon terms make it name land procedures", arguments: ["sổ đỏ", "so do"])
    func landCertificateIsNoChoiceWord(message: String) {
        let reply = Self.engine.reply(session: "clarify-\(message)", message: message)
        #expect(reply.intent == .clarify)
        #expect(reply.candidates.map(\.id).contains("cap-so-do-lan-dau"), "\(reply.candidates.map(\.id))")
    }

    @Test("\"số 2\" with no list pending does not pick a procedure")
    func numberWithoutList() {
        let reply = Self.engine.reply(session: "clarify-none", message: "số 2")
        #expect(reply.intent != .procedure)
    }
}

/// Words shared by several procedures' titles, and nothing more, ask which of them.
@Suite("Clarification of a family")
struct FamilyClarificationTests {
    @Test("a family's shared words list its members, keeping the aspect asked", arguments: [
        // The electronic identity account's title holds "căn cước" too ("… căn cước điện tử …").
        ("căn cước", ["cap-can-cuoc", "cap-doi-can-cuoc", "cap-lai-can-cuoc", "dinh-danh-dien-tu"], Aspect.overview),
        ("chứng thực ở đâu", ["chung-thuc-ban-sao", "chung-thuc-chu-ky", "chung-thuc-hop-dong"], .agency),
        // "e" (I) is not part of the name; "sao vay" ranks a mortgage first, yet the whole family is listed.
        ("e muốn hỏi về chứng thực ạ", ["chung-thuc-ban-sao", "chung-thuc-chu-ky", "chung-thuc-hop-dong"], .overview),
        ("chung thuc lam sao vay ad", ["chung-thuc-ban-sao", "chung-thuc-chu-ky", "chung-thuc-hop-dong"], .overview),
        // "thủ tục … như nào" is about the asking, not part of a name.
        ("thủ tục khai sinh như nào ad", ["khai-sinh", "dang-ky-lai-khai-sinh", "khai-sinh-co-yeu-to-nuoc-ngoai", "lien-thong-khai-sinh"], .overview),
    ])
    func family(message: String, members: [String], aspect: Aspect) {
        let reply = ClarificationTests.engine.reply(session: "family-\(message)", message: message)
        #expect(reply.intent == .clarify, "\(message)")
        #expect(Set(reply.candidates.map(\.id)) == Set(members))
        #expect(reply.aspect == aspect)
    }

    @Test("a family's words asking an aspect mean the member they name on their own", arguments: [
        ("khai sinh mất bao lâu", "khai-sinh", Aspect.duration, "khai-sinh-co-yeu-to-nuoc-ngoai"),
        ("khai sinh cho be can gi", "khai-sinh", .documents, "dang-ky-lai-khai-sinh"),
        ("kết hôn cần giấy gì", "ket-hon", .documents, "ket-hon-co-yeu-to-nuoc-ngoai"),
    ])
    func base(message: String, id: String, aspect: Aspect, other: String) {
        let reply = ClarificationTests.engine.reply(session: "base-\(message)", message: message)
        #expect(reply.intent == .procedure, "\(message)")
        #expect(reply.procedure?.id == id)
        #expect(reply.aspect == aspect)
        #expect(reply.candidates.map(\.id).contains(other), "\(reply.candidates.map(\.id))")
    }

    @Test("a member's own title is answered, not clarified")
    func member() {
        let reply = ClarificationTests.engine.ask("đăng ký khai sinh")
        #expect(reply.intent == .procedure)
        #expect(reply.procedure?.id == "khai-sinh")
    }
}

/// `eval-chat` scores clarification turns: the reply must clarify and list the labelled procedure.
@Suite("Clarification scoring")
struct ClarificationScoringTests {
    @Test("a clarify turn counts when the choices list the labelled procedure, and the choice that follows is scored as usual")
    func scored() {
        let engine = Fixture.engine().engine
        let dialogue = [
            LabelledQuestion(question: "chứng thực", relevant: ["chung-thuc-ban-sao"], intent: "clarify"),
            LabelledQuestion(question: "số 3", relevant: ["chung-thuc-ban-sao"], aspect: "overview", intent: "procedure"),
        ]
        let wrongLabel = [LabelledQuestion(question: "chứng thực", relevant: ["khai-sinh"], intent: "clarify")]
        let notVague = LabelledQuestion(question: "đăng ký khai sinh cần giấy tờ gì", relevant: [], intent: "clarify")
        let result = ChatEvaluation.run(engine, questions: [notVague], dialogues: [dialogue, wrongLabel])
        #expect(result.clarification.total == 3)
        #expect(result.clarification.hits == 1)
        #expect(result.intent.total == 1 && result.intent.hits == 0)
        #expect(result.dialogueTurns.total == 3)
    }
}
