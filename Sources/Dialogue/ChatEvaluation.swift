import Foundation
import Knowledge
import Retrieval

/// Chat-level figures over labelled messages and dialogues: intent, aspect, procedure Hit@1,
/// escalation precision/recall and category, out-of-scope rejection, wrongful rejection,
/// chit-chat, dialogue turns, a reliability table and latency.
public struct ChatEvaluation: Sendable {
    /// A count of hits over a count of cases.
    public struct Rate: Sendable, Equatable {
        public var hits = 0
        public var total = 0
        public var value: Double { total == 0 ? 0 : Double(hits) / Double(total) }
        mutating func add(_ hit: Bool) { total += 1; if hit { hits += 1 } }
    }

    /// A labelled case that went wrong, for `--explain-misses`.
    public struct Miss: Sendable {
        public var question: String
        public var expected: String
        public var got: String
    }

    public var intent = Rate()
    public var aspect = Rate()
    public var procedureHit = Rate()
    public var procedureHitByStyle: [String: Rate] = [:]
    public var escalationRecall = Rate()
    public var escalationPrecision = Rate()
    public var category = Rate()
    public var outOfScopeRejection = Rate()
    public var wrongfulRejection = Rate()
    public var chitChat = Rate()
    public var ticketStatus = Rate()
    /// Messages labelled `clarify` (too vague to pick one procedure) that got a clarification
    /// listing the labelled procedure, when one is given, among its choices.
    public var clarification = Rate()
    public var dialogueTurns = Rate()
    /// Wrong aspects of answered questions: expected → given → how many (where writers' and
    /// the model's conventions part, e.g. requirements → overview).
    public var aspectConfusion: [String: [String: Int]] = [:]
    /// Confidence bucket (0.0, 0.1, …) → accuracy of the replies in it.
    public var reliability: [Int: Rate] = [:]
    public var misses: [Miss] = []
    public var p50Microseconds = 0.0
    public var p99Microseconds = 0.0
    /// The five slowest single messages, slowest first, with their time in microseconds.
    public var slowest: [(question: String, microseconds: Double)] = []

    public init() {}

    /// Scores single messages (each without a session) and dialogues (each in its own session).
    public static func run(_ engine: DialogueEngine, questions: [LabelledQuestion], dialogues: [[LabelledQuestion]]) -> ChatEvaluation {
        var result = ChatEvaluation()
        var latencies: [Double] = []
        for question in questions {
            let start = DispatchTime.now().uptimeNanoseconds
            let reply = engine.ask(question.question)
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
            result.score(question, reply)
        }
        for (number, turns) in dialogues.enumerated() {
            let session = "eval-\(number)-\(UUID().uuidString)"
            for turn in turns {
                let reply = engine.reply(session: session, message: turn.question)
                var correct = true
                if turn.intent == "clarify" {
                    correct = Self.clarifies(reply, listing: turn.relevant)
                    result.clarification.add(correct)
                } else {
                    if let intent = turn.intent { correct = correct && intent == reply.intent.rawValue }
                    if let procedure = turn.relevant.first { correct = correct && reply.procedure?.id == procedure && reply.intent == .procedure }
                    if let aspect = turn.aspect, reply.intent == .procedure { correct = correct && reply.aspect?.rawValue == aspect }
                }
                result.dialogueTurns.add(correct)
                if !correct { result.misses.append(Miss(question: "[dialogue \(number + 1)] " + turn.question,
                                                        expected: [turn.intent, turn.relevant.first, turn.aspect].compactMap { $0 }.joined(separator: " "),
                                                        got: describe(reply))) }
            }
            engine.sessions.reset(session)
        }
        result.slowest = zip(questions.map(\.question), latencies).sorted { $0.1 > $1.1 }.prefix(5).map { ($0.0, $0.1) }
        result.p50Microseconds = EvaluationReport.percentile(latencies, 0.5)
        result.p99Microseconds = EvaluationReport.percentile(latencies, 0.99)
        return result
    }

    static func describe(_ reply: Reply) -> String {
        [reply.intent.rawValue, reply.procedure?.id, reply.aspect?.rawValue, reply.category?.rawValue].compactMap { $0 }.joined(separator: " ")
    }

    /// Whether a reply asks which procedure is meant, listing one of `relevant` among its choices
    /// when any is labelled.
    static func clarifies(_ reply: Reply, listing relevant: [String]) -> Bool {
        reply.intent == .clarify && (relevant.isEmpty || reply.candidates.contains { relevant.contains($0.id) })
    }

    mutating func score(_ question: LabelledQuestion, _ reply: Reply) {
        let expected = question.intent ?? (question.relevant.isEmpty ? "out_of_scope" : "procedure")
        let got = reply.intent.rawValue
        var correct = expected == got
        switch expected {
        case "procedure":
            let hit = reply.intent == .procedure && question.relevant.contains(reply.procedure?.id ?? "")
            procedureHit.add(hit)
            if let style = question.style { procedureHitByStyle[style, default: Rate()].add(hit) }
            if let aspect = question.aspect, reply.intent == .procedure {
                self.aspect.add(reply.aspect?.rawValue == aspect)
                if reply.aspect?.rawValue != aspect {
                    aspectConfusion[aspect, default: [:]][reply.aspect?.rawValue ?? "none", default: 0] += 1
                }
                if reply.aspect?.rawValue != aspect, hit {
                    misses.append(Miss(question: "[aspect] " + question.question, expected: aspect, got: reply.aspect?.rawValue ?? "none"))
                }
            }
            wrongfulRejection.add(reply.intent == .outOfScope)
            correct = hit
            intent.add(reply.intent == .procedure || reply.intent == .clarify)
        case "escalate":
            escalationRecall.add(reply.intent == .escalate)
            if reply.intent == .escalate, let label = question.category { category.add(reply.category?.rawValue == label) }
            correct = reply.intent == .escalate && (question.category == nil || reply.category?.rawValue == question.category)
            intent.add(reply.intent == .escalate)
        case "out_of_scope":
            outOfScopeRejection.add(reply.intent == .outOfScope)
            intent.add(correct)
        case "ticket_status":
            ticketStatus.add(correct)
            intent.add(correct)
        case "clarify":
            correct = Self.clarifies(reply, listing: question.relevant)
            clarification.add(correct)
            intent.add(reply.intent == .clarify)
        default:
            chitChat.add(correct)
            intent.add(correct)
        }
        if reply.intent == .escalate { escalationPrecision.add(expected == "escalate") }
        reliability[min(9, Int(reply.confidence * 10)), default: Rate()].add(correct)
        if !correct {
            let label = [expected, question.relevant.first, question.aspect, question.category].compactMap { $0 }.joined(separator: " ")
            misses.append(Miss(question: question.question, expected: label, got: Self.describe(reply)))
        }
    }

    /// Reads dialogue lines `{"turns": [{"q", "intent", "procedure", "aspect"}, …]}`.
    public static func readDialogues(path: String) throws(CorpusReader.Problem) -> [[LabelledQuestion]] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CorpusReader.Problem(file: path, line: 0, message: "cannot read the file")
        }
        var dialogues: [[LabelledQuestion]] = []
        for (index, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let turns = object["turns"] as? [[String: Any]] else {
                throw CorpusReader.Problem(file: path, line: index + 1, message: "not a dialogue object with \"turns\"")
            }
            dialogues.append(turns.map { turn in
                LabelledQuestion(question: (turn["q"] as? String) ?? (turn["question"] as? String) ?? "",
                                 relevant: (turn["procedure"] as? String).map { [$0] } ?? [], style: nil,
                                 aspect: turn["aspect"] as? String, intent: turn["intent"] as? String, category: nil, line: index + 1)
            })
        }
        return dialogues
    }
}
