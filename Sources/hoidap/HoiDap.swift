import ArgumentParser

/// The hoidap command line: one subcommand per job.
@main
struct HoiDap: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hoidap",
        abstract: "Answers Ho Chi Minh City citizens' questions about administrative procedures.",
        subcommands: [AnalyzeCommand.self, BenchCommand.self, ValidateCommand.self, EvalCommand.self, ImportCommand.self, IndexCommand.self, AskCommand.self, ChatCommand.self, EvalChatCommand.self, EvalAspectsCommand.self, ServeCommand.self, TicketsCommand.self, ReportCommand.self]
    )
}

/// Where the built-in knowledge lives; shared by every command that reads it.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("intents"), help: "Folder of intent and lexicon files.")
    var intentsDirectory = "intents"

    @Option(name: .customLong("corpus"), help: "Folder of the curated corpus.")
    var corpusDirectory = "corpus"

    var lexiconPath: String { intentsDirectory + "/lexicon.yaml" }
}
