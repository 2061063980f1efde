import ArgumentParser
import Dialogue

/// `hoidap ask`: one turn, no session.
struct AskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ask", abstract: "Answer one question (no session).")

    @Flag(help: "Print the chat reply JSON of the contract.")
    var json = false

    @OptionGroup var options: DialogueOptions

    @Argument(help: "The question, as a citizen would type it.")
    var question: [String]

    func run() throws {
        let engine = try options.engine()
        let reply = engine.ask(question.joined(separator: " "))
        print(json ? reply.json.serialized() : ChatCommand.render(reply))
    }
}
