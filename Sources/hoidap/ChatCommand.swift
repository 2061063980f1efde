import ArgumentParser
import Dialogue
import Foundation
import Knowledge
import OrderedJSON
import Retrieval

/// `hoidap chat`: the officers' REPL, or the machine mode of the chat contract (`--jsonl`).
struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Talk to hoidap in the terminal (officers), or answer JSON lines on standard input (--jsonl).",
        discussion: "REPL commands: :explain, :candidates, :session, :reset, :reload, :help, :quit."
    )

    @Flag(help: "Read {\"session\", \"message\"} lines on standard input and write one reply line each.")
    var jsonl = false

    @OptionGroup var options: DialogueOptions

    func run() throws {
        var engine = try options.engine()
        if jsonl { return runJSONLines(engine) }
        let interactive = isatty(STDIN_FILENO) == 1
        let session = "repl"
        var last: String? = nil
        if interactive { print("hoidap chat — hỏi về thủ tục hành chính; :help for officer commands, :quit to leave.") }
        let editor = LineEditor(historyFile: interactive ? ".hoidap_history" : nil)
        while let line = editor.readLine(prompt: interactive ? "> " : "") {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            if text.hasPrefix(":") {
                switch text.split(separator: " ").first.map(String.init) ?? "" {
                case ":quit", ":q", ":exit": return
                case ":help":
                    print(":explain [TEXT]  intent scores, aspect cue, the retrieval explanation (of TEXT or the last question)")
                    print(":candidates      the top procedures for the last question")
                    print(":session         what the session remembers")
                    print(":reset           forget the session")
                    print(":reload          re-read corpus and intents")
                case ":explain":
                    let subject = String(text.dropFirst(8)).trimmingCharacters(in: .whitespaces)
                    if let question = subject.isEmpty ? last : subject { print(Self.explain(engine, question)) }
                case ":candidates":
                    if let question = last {
                        for hit in engine.read(question).hits { print(String(format: "%8.3f  %@  %@", hit.score, hit.id, hit.title)) }
                    }
                case ":session":
                    print(Self.describe(engine.sessions.peek(session)))
                case ":reset":
                    engine.sessions.reset(session)
                    print("session reset")
                case ":reload":
                    do {
                        engine = try options.engine()
                        print("reloaded: \(engine.knowledge.procedures.count) procedures")
                    } catch {
                        print("reload failed, keeping the previous knowledge:\n\(error)")
                    }
                default: print("unknown command; :help lists them")
                }
                continue
            }
            last = text
            print(Self.render(engine.reply(session: session, message: text)))
        }
    }

    func runJSONLines(_ engine: DialogueEngine) {
        while let line = Swift.readLine(strippingNewline: true) {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let message = object["message"] as? String else {
                print(JSON.object([("error", .object([("code", "bad_request"),
                                                      ("message", "each line must be a JSON object with a \"message\" string")]))]).serialized())
                continue
            }
            print(engine.reply(session: object["session"] as? String, message: message).json.serialized())
            fflush(nil)
        }
    }

    static func render(_ reply: Reply) -> String {
        var lines = [reply.answer]
        if !reply.suggestions.isEmpty { lines.append("  ↳ " + reply.suggestions.joined(separator: " | ")) }
        var facts = ["intent \(reply.intent.rawValue)", String(format: "confidence %.2f", reply.confidence)]
        if let procedure = reply.procedure { facts.append("procedure \(procedure.id)") }
        if let aspect = reply.aspect { facts.append("aspect \(aspect.rawValue)") }
        if let category = reply.category { facts.append("category \(category.rawValue)") }
        if let ticket = reply.ticket { facts.append("ticket \(ticket.code)") }
        lines.append("  [" + facts.joined(separator: ", ") + "]")
        return lines.joined(separator: "\n")
    }

    static func explain(_ engine: DialogueEngine, _ question: String) -> String {
        let reading = engine.voted(engine.read(question))
        var lines = ["normalized: \(reading.analysis.normalized)", "syllables: \(reading.syllables.joined(separator: " "))"]
        lines.append("classifier: " + reading.probabilities.sorted { $0.value > $1.value }.prefix(4).map { String(format: "%@ %.3f", $0.key, $0.value) }.joined(separator: ", "))
        lines.append("nearest examples: " + reading.groups.sorted { $0.value > $1.value }.map { String(format: "%@ %.3f", $0.key, $0.value) }.joined(separator: ", "))
        lines.append(String(format: "procedure score %.3f (of bound), margin %.3f, coverage %.2f, classifier %.2f (%.2f over the candidates)%@",
                            reading.procedureScore, reading.margin, reading.coverage, reading.topProbability, reading.claimedProbability,
                            reading.namesTop ? ", names the best" : ""))
        lines.append("content: " + reading.content.joined(separator: " "))
        lines.append("aspect cue: " + (reading.aspect.map { "\($0.aspect.rawValue) ← \"\($0.cue)\"" } ?? "none (overview)"))
        if reading.complaint { lines.append("complaint cue present") }
        if !reading.categoryCues.isEmpty { lines.append("category cues: " + reading.categoryCues.map { "\($0.key.rawValue)×\($0.value)" }.sorted().joined(separator: ", ")) }
        if let top = reading.hits.first {
            lines.append(Explainer(index: engine.procedures.index).explain(reading.plan, document: top.document).rendered(depth: 3))
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ session: Session?) -> String {
        guard let session else { return "no session yet" }
        var lines = ["id \(session.id)", "procedure: \(session.procedureID ?? "none")", "last aspect: \(session.lastAspect?.rawValue ?? "none")"]
        if !session.candidates.isEmpty { lines.append("clarification choices: \(session.candidates.joined(separator: ", "))") }
        if let escalation = session.escalation {
            lines.append("report in progress: \(escalation.category.rawValue), missing \(escalation.missing?.rawValue ?? "nothing (confirming)")")
        }
        if session.statusLookup != nil { lines.append("ticket lookup in progress") }
        return lines.joined(separator: "\n")
    }
}
