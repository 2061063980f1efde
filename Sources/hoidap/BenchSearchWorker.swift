import ArgumentParser
import Baselines
import Dispatch
import Foundation
import Knowledge
import Retrieval
import Synchronization
import VietText

/// `hoidap bench search-worker` (hidden): measures one system in its own process, because
/// peak RSS is a process high-water mark, and prints one JSON line for `bench search`.
struct BenchSearchWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search-worker",
        abstract: "Measure one system for `bench search` and print one JSON line.",
        shouldDisplay: false
    )

    @Option(help: "hoidap or fts5.")
    var system: String

    @OptionGroup var options: BenchSearchOptions

    func validate() throws {
        guard ["hoidap", "fts5"].contains(system) else { throw ValidationError("unknown system '\(system)': use hoidap or fts5") }
    }

    func run() throws {
        let questionSet: [LabelledQuestion]
        do { questionSet = try LabelledQuestion.read(path: options.questions) } catch { throw ValidationError(error.description) }
        guard !questionSet.isEmpty else { throw ValidationError("\(options.questions) has no questions") }
        let figures = system == "hoidap" ? try measureHoidap(questionSet) : try measureFTS5(questionSet)
        print(figures.line)
    }

    /// The corpus as given, or the synthesizer over it when --scale is set.
    private func source() throws -> (documents: [IndexDocument], synthesizer: CorpusSynthesizer?) {
        let documents = try CorpusLoading.documents(corpus: options.corpus, format: options.format)
        guard options.scale != nil else { return (documents, nil) }
        guard let synthesizer = CorpusSynthesizer(source: documents, seed: UInt64(options.seed)) else {
            throw ValidationError("\(options.corpus) has no text to synthesize documents from")
        }
        return ([], synthesizer)
    }

    private func measureHoidap(_ questionSet: [LabelledQuestion]) throws -> BenchSearchFigures {
        let lexicon = (try? LexiconLoader.load(path: options.intentsDirectory + "/lexicon.yaml")) ?? .empty
        var builder = IndexBuilder(config: try RetrievalConfigLoading.load(options.config))
        var (documents, synthesizer) = try source()
        let rssBeforeBuild = ResidentMemory.peakMB()
        // Synthesized documents are made one at a time and not kept; only add and build are timed.
        var buildNanoseconds: UInt64 = 0
        func add(_ document: IndexDocument) {
            let start = DispatchTime.now().uptimeNanoseconds
            builder.add(document)
            buildNanoseconds += DispatchTime.now().uptimeNanoseconds - start
        }
        if let synthesizer {
            for document in synthesizer.documents(count: options.scale ?? 0) { add(document) }
        } else {
            for document in documents { add(document) }
        }
        documents = []
        synthesizer = nil
        let start = DispatchTime.now().uptimeNanoseconds
        let index = builder.build()
        buildNanoseconds += DispatchTime.now().uptimeNanoseconds - start
        builder = IndexBuilder()
        let searcher = Searcher(index: index, analyzer: Analyzer.document.with(lexicon: lexicon))
        var figures = measureQueries(searcher, questionSet, documents: index.documentCount,
                                     buildSeconds: Double(buildNanoseconds) / 1e9, rssBeforeBuild: rssBeforeBuild)
        figures.terms = index.termCount
        figures.postings = index.postingCount
        let tokens = index.documents.reduce(0) { $0 + $1.fieldLengths.reduce(0) { $0 + Int($1) } }
        figures.tokensPerDocument = Double(tokens) / Double(max(index.documentCount, 1))
        // After the RSS reading: encoding copies the index, which `index build` does in its own process.
        figures.indexBytes = try IndexSnapshot.encode(index).count
        return figures
    }

    private func measureFTS5(_ questionSet: [LabelledQuestion]) throws -> BenchSearchFigures {
        var (documents, synthesizer) = try source()
        // FTS5Ranker takes an array: the synthesized documents are made before the clock starts.
        if let synthesizer { documents = Array(synthesizer.documents(count: options.scale ?? 0)) }
        synthesizer = nil
        let rssBeforeBuild = ResidentMemory.peakMB()
        let start = DispatchTime.now().uptimeNanoseconds
        let ranker = try FTS5Loading.ranker(documents)
        let buildSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let count = documents.count
        documents = []
        var figures = measureQueries(ranker, questionSet, documents: count, buildSeconds: buildSeconds, rssBeforeBuild: rssBeforeBuild)
        figures.indexBytes = ranker.bytes
        return figures
    }

    /// Times every question on one thread (latencies, QPS) and then on `threads` threads (QPS).
    private func measureQueries(_ ranker: any Ranker, _ questionSet: [LabelledQuestion], documents: Int,
                                buildSeconds: Double, rssBeforeBuild: Double) -> BenchSearchFigures {
        let queries = questionSet.map(\.question)
        for query in queries.prefix(10) { _ = ranker.rank(query, limit: 10) }  // warm-up, untimed
        let single = QueryTiming.oneThread(ranker, queries, passes: options.passes, timeLimit: options.timeLimit)
        let parallel = QueryTiming.allCores(ranker, queries, threads: options.threadCount, passes: options.passes,
                                            timeLimit: options.timeLimit)
        var hitAt1: Double? = nil
        if options.scale == nil {
            let labelled = zip(questionSet, single.firstPass).filter { !$0.0.relevant.isEmpty }
            let hits = labelled.filter { question, ranked in ranked.first.map(question.relevant.contains) ?? false }.count
            hitAt1 = labelled.isEmpty ? nil : Double(hits) / Double(labelled.count)
        }
        return BenchSearchFigures(
            system: ranker.name, documents: documents, questions: queries.count, buildSeconds: buildSeconds, indexBytes: 0,
            peakRSSMB: ResidentMemory.peakMB(), rssBeforeBuildMB: rssBeforeBuild,
            p50Microseconds: EvaluationReport.percentile(single.latencies, 0.50),
            p99Microseconds: EvaluationReport.percentile(single.latencies, 0.99),
            qpsOneThread: single.queriesPerSecond, qpsAllCores: parallel.queriesPerSecond, threads: options.threadCount,
            passesOneThread: single.passes, passesAllCores: parallel.passes, hitAt1: hitAt1)
    }
}

/// Running a question set through a ranker for timing.
enum QueryTiming {
    struct OneThread {
        /// Microseconds of each query of every pass.
        var latencies: [Double]
        var queriesPerSecond: Double
        var passes: Int
        /// The ranked ids of the first pass, for Hit@1.
        var firstPass: [[String]]
    }

    /// Passes until `passes` or `timeLimit` seconds (at least one), each query timed alone.
    static func oneThread(_ ranker: any Ranker, _ queries: [String], passes: Int, timeLimit: Double) -> OneThread {
        var latencies: [Double] = []
        latencies.reserveCapacity(queries.count * passes)
        var firstPass: [[String]] = []
        var total: UInt64 = 0
        var done = 0
        while done < passes, done == 0 || Double(total) / 1e9 < timeLimit {
            for query in queries {
                let start = DispatchTime.now().uptimeNanoseconds
                let ranked = ranker.rank(query, limit: 10)
                let elapsed = DispatchTime.now().uptimeNanoseconds - start
                total += elapsed
                latencies.append(Double(elapsed) / 1000)
                if done == 0 { firstPass.append(ranked) }
            }
            done += 1
        }
        return OneThread(latencies: latencies, queriesPerSecond: Double(latencies.count) / (Double(total) / 1e9),
                         passes: done, firstPass: firstPass)
    }

    /// Passes over the queries with `threads` workers taking the next query from a shared counter.
    static func allCores(_ ranker: any Ranker, _ queries: [String], threads: Int, passes: Int,
                         timeLimit: Double) -> (queriesPerSecond: Double, passes: Int) {
        var total: UInt64 = 0
        var done = 0
        while done < passes, done == 0 || Double(total) / 1e9 < timeLimit {
            let next = Atomic<Int>(0)
            let start = DispatchTime.now().uptimeNanoseconds
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while true {
                    let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < queries.count else { return }
                    _ = ranker.rank(queries[index], limit: 10)
                }
            }
            total += DispatchTime.now().uptimeNanoseconds - start
            done += 1
        }
        return (Double(queries.count * done) / (Double(total) / 1e9), done)
    }
}
