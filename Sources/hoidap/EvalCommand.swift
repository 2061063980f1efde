import ArgumentParser
import Foundation
import Knowledge
import OrderedJSON
import Retrieval
import VietText
import Dialogue

/// `hoidap eval`: retrieval figures over a labelled question set, optionally beside FTS5.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Hit@1, Hit@5, MRR@10, Recall@10 and latency of retrieval over a question set."
    )

    @Option(help: "Corpus: a JSON Lines file (generic or portal records) or a curated corpus folder.")
    var corpus: String?

    @Option(help: "A snapshot written by `hoidap index build` (instead of --corpus).")
    var index: String?

    @Option(help: "Questions in JSON Lines ({\"question\", \"relevant\"}).")
    var questions: String

    @Option(help: "Corpus format when it is a file: generic or dvc (detected when omitted).")
    var format: CorpusReader.Format?

    @Flag(help: "Fold every question first (marks stripped, đ → d).")
    var stripDiacritics = false

    @Option(help: "Print this many misses with the score explanation of the top document and the expected one.")
    var explainMisses = 0

    @Option(help: "Write one JSON line per question to this file.")
    var results: String?

    @Option(help: "Also run a baseline in the same process: fts5.")
    var baseline: String?

    @Flag(help: "Print one JSON object.")
    var json = false

    @Option(help: "Scoring parameters as JSON (RetrievalConfig keys; missing keys keep their defaults).")
    var config: String?

    @Option(name: .customLong("intents"), help: "Folder with lexicon.yaml.")
    var intentsDirectory = "intents"

    func validate() throws {
        guard (corpus == nil) != (index == nil) else { throw ValidationError("give exactly one of --corpus and --index") }
        if index != nil, baseline != nil { throw ValidationError("--baseline needs --corpus (the baseline indexes the documents itself)") }
        if let baseline, baseline != "fts5" { throw ValidationError("unknown baseline '\(baseline)': use fts5") }
        if explainMisses < 0 { throw ValidationError("--explain-misses must not be negative") }
    }

    func run() throws {
        let questionSet: [LabelledQuestion]
        do { questionSet = try LabelledQuestion.read(path: questions) } catch { throw ValidationError(error.description) }
        let lexicon = (try? LexiconLoader.load(path: intentsDirectory + "/lexicon.yaml")) ?? .empty
        var documents: [IndexDocument] = []
        let built: InvertedIndex
        if let index {
            do { built = try IndexSnapshot.load(path: index) } catch { throw ValidationError(error.description) }
        } else {
            documents = try CorpusLoading.documents(corpus: corpus ?? "", format: format)
            var builder = IndexBuilder(config: try RetrievalConfigLoading.load(config))
            for document in documents { builder.add(document) }
            built = builder.build()
        }
        let searcher = Searcher(index: built, analyzer: Analyzer.document.with(lexicon: lexicon))
        var reports = [EvaluationReport.run(searcher, questions: questionSet, stripDiacritics: stripDiacritics)]
        if baseline == "fts5" {
            reports.append(EvaluationReport.run(try FTS5Loading.ranker(documents), questions: questionSet, stripDiacritics: stripDiacritics))
        }
        if let results { try EvalOutput.writeResults(reports[0], to: results) }
        if json {
            print(EvalOutput.json(reports).serialized())
        } else {
            print(EvalOutput.table(reports, title: "\(questionSet.filter { !$0.relevant.isEmpty }.count) questions, \(built.documentCount) documents\(stripDiacritics ? ", diacritics stripped" : "")"))
            if explainMisses > 0 { print(EvalOutput.misses(reports[0], searcher: searcher, limit: explainMisses)) }
        }
    }
}

/// Loading corpora for the commands: files of either shape, or the curated folder.
enum CorpusLoading {
    static func documents(corpus: String, format: CorpusReader.Format?) throws -> [IndexDocument] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isDirectory) else {
            throw ValidationError("no corpus at \(corpus)")
        }
        if isDirectory.boolValue {
            let folder = FileManager.default.fileExists(atPath: corpus + "/procedures") ? corpus + "/procedures" : corpus
            do { return try ProcedureLoader.load(directory: folder).map(ProcedureDocuments.document) } catch {
                throw ValidationError("the corpus is invalid:\n\(error.description)")
            }
        }
        do { return try CorpusReader.read(path: corpus, format: format) } catch { throw ValidationError(error.description) }
    }
}

extension CorpusReader.Format: ExpressibleByArgument {}

/// Reading `--config`: a JSON object whose keys override the defaults.
enum RetrievalConfigLoading {
    static func load(_ path: String?) throws -> RetrievalConfig {
        guard let path else { return RetrievalConfig() }
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
        do { return try JSONDecoder().decode(RetrievalConfig.self, from: data) } catch {
            throw ValidationError("\(path) is not a valid scoring configuration: \(error)")
        }
    }
}
