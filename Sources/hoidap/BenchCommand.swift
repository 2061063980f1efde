import ArgumentParser

/// `hoidap bench`: performance measurements (benchmarks, not tests).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput and latency.",
        subcommands: [BenchAnalyzeCommand.self, BenchChatCommand.self, BenchSearchCommand.self, BenchSearchWorkerCommand.self]
    )
}
