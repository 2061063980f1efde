import ArgumentParser
import Foundation
import Retrieval

/// The options `bench search` shares with its measuring child processes.
struct BenchSearchOptions: ParsableArguments {
    @Option(help: "Corpus: a JSON Lines file (generic or portal records) or a curated corpus folder.")
    var corpus: String

    @Option(help: "Corpus format when it is a file: generic or dvc (detected when omitted).")
    var format: CorpusReader.Format?

    @Option(help: "Questions in JSON Lines ({\"question\", …}); every question is timed.")
    var questions: String

    @Option(help: "Synthesize this many documents from the corpus (recombined sentences, fresh ids); only speed is measured then.")
    var scale: Int?

    @Option(help: "Seed of the synthesized corpus (the same seed gives the same documents).")
    var seed: Int = 1

    @Option(help: "Passes over the questions for each system and mode.")
    var passes = 5

    @Option(help: "Stop adding passes after this many seconds per system and mode (one pass always runs).")
    var timeLimit: Double = 20

    @Option(help: "Threads of the all-cores measurement (default: the number of cores).")
    var threads: Int?

    @Option(help: "Scoring parameters as JSON (RetrievalConfig keys; missing keys keep their defaults).")
    var config: String?

    @Option(name: .customLong("intents"), help: "Folder with lexicon.yaml.")
    var intentsDirectory = "intents"

    /// The thread count of the all-cores measurement.
    var threadCount: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        guard FileManager.default.fileExists(atPath: corpus) else { throw ValidationError("no corpus at \(corpus)") }
        guard FileManager.default.fileExists(atPath: questions) else { throw ValidationError("no question set at \(questions)") }
        if let scale, scale < 1 { throw ValidationError("--scale must be at least 1") }
        guard seed >= 0 else { throw ValidationError("--seed must not be negative") }
        guard passes >= 1 else { throw ValidationError("--passes must be at least 1") }
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be positive") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    /// The same options as arguments, for a child process.
    var arguments: [String] {
        var result = ["--corpus", corpus, "--questions", questions, "--seed", String(seed), "--passes", String(passes),
                      "--time-limit", String(timeLimit), "--threads", String(threadCount), "--intents", intentsDirectory]
        if let format { result += ["--format", format.rawValue] }
        if let scale { result += ["--scale", String(scale)] }
        if let config { result += ["--config", config] }
        return result
    }
}
