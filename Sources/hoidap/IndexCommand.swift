import ArgumentParser
import Foundation
import Retrieval

/// `hoidap index build`: writes a snapshot file of an index.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index", abstract: "Build index snapshot files.", subcommands: [Build.self])

    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build", abstract: "Index a corpus and write a versioned, checksummed snapshot.")

        @Option(help: "Corpus: a JSON Lines file (generic or portal records) or a curated corpus folder.")
        var corpus: String

        @Option(help: "Corpus format when it is a file: generic or dvc (detected when omitted).")
        var format: CorpusReader.Format?

        @Option(name: [.customShort("o"), .long], help: "The snapshot file to write.")
        var output: String

        @Option(help: "Scoring parameters as JSON.")
        var config: String?

        func run() throws {
            let start = Date()
            let documents = try CorpusLoading.documents(corpus: corpus, format: format)
            var builder = IndexBuilder(config: try RetrievalConfigLoading.load(config))
            for document in documents { builder.add(document) }
            let index = builder.build()
            do { try IndexSnapshot.write(index, to: output) } catch { throw ValidationError("\(error)") }
            let bytes = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
            print(String(format: "%@: %d documents, %d terms, %d postings, %.1f MB, %.2f s", output, index.documentCount,
                         index.termCount, index.postingCount, Double(bytes) / 1e6, Date().timeIntervalSince(start)))
        }
    }
}
