import ArgumentParser
import Foundation
import OrderedJSON

/// `hoidap bench search`: build time, index size, peak RSS, latency and queries per second of
/// hoidap and of SQLite FTS5 on the same corpus and questions, each measured in a child process.
///
///     hoidap bench search --corpus ../shared/data/dvc/procedures.jsonl --questions eval/dvc/questions.jsonl
///     hoidap bench search --corpus … --questions … --scale 100000 --json
struct BenchSearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Build time, index size, peak RSS, latency and QPS of hoidap beside SQLite FTS5.",
        discussion: """
        Each system is measured in its own child process (`hoidap bench search-worker`), one after \
        the other, so that peak RSS is that system's high-water mark. Queries are timed one by one \
        on one thread (p50, p99, QPS), then spread over --threads threads (QPS). With --scale the \
        corpus is synthesized from the given one and the questions' labels do not match its ids: \
        only speed is measured.
        """
    )

    @OptionGroup var options: BenchSearchOptions

    @Flag(help: "Print one JSON object: {\"hoidap\": {…}, \"fts5\": {…}, \"qps_ratio\": …}.")
    var json = false

    func run() throws {
        let hoidap = try Self.measure(system: "hoidap", options: options)
        let fts5 = try Self.measure(system: "fts5", options: options)
        let ratio = hoidap.qpsOneThread / max(fts5.qpsOneThread, 1e-9)
        let ratioAllCores = hoidap.qpsAllCores / max(fts5.qpsAllCores, 1e-9)
        if json {
            print(JSON.object([
                ("hoidap", hoidap.json), ("fts5", fts5.json),
                ("qps_ratio", .double(BenchSearchFigures.round(ratio, 1))),
                ("qps_ratio_all_cores", .double(BenchSearchFigures.round(ratioAllCores, 1))),
                ("corpus", .string(options.corpus)), ("question_set", .string(options.questions)),
                ("scale", options.scale.map(JSON.int) ?? .null), ("seed", options.scale == nil ? .null : .int(options.seed)),
                ("labels_match", .bool(options.scale == nil)),
            ]).serialized())
        } else {
            print(table(hoidap, fts5, ratio: ratio, ratioAllCores: ratioAllCores))
        }
    }

    /// Runs `bench search-worker` for one system and reads its JSON line.
    static func measure(system: String, options: BenchSearchOptions) throws -> BenchSearchFigures {
        let process = Process()
        process.executableURL = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["bench", "search-worker", "--system", system] + options.arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        do { try process.run() } catch {
            throw ValidationError("cannot start the measuring process for \(system): \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw ValidationError("the measuring process for \(system) failed (status \(process.terminationStatus))")
        }
        let line = data.split(separator: UInt8(ascii: "\n")).last.map { Data($0) } ?? Data()
        guard let figures = try? JSONDecoder().decode(BenchSearchFigures.self, from: line), figures.system == system else {
            throw ValidationError("the measuring process for \(system) printed no figures")
        }
        return figures
    }

    func table(_ hoidap: BenchSearchFigures, _ fts5: BenchSearchFigures, ratio: Double, ratioAllCores: Double) -> String {
        var lines: [String] = []
        let source = options.scale.map { "\($0) documents synthesized from \(options.corpus) (seed \(options.seed))" }
            ?? "\(hoidap.documents) documents from \(options.corpus)"
        lines.append("\(source), \(hoidap.questions) questions from \(options.questions)")
        if options.scale != nil {
            lines.append("synthesized ids: the questions' labels do not match, only speed is measured")
        }
        func cell(_ text: String) -> String { text.padding(toLength: 14, withPad: " ", startingAt: 0) }
        lines.append(cell("") + "        " + cell("hoidap") + cell("fts5") + "hoidap/fts5")
        func row(_ label: String, _ a: Double, _ b: Double, _ format: String, ratio: Bool = true) {
            let quotient = ratio && b > 0 ? String(format: "%.3g×", a / b) : ""
            lines.append(label.padding(toLength: 22, withPad: " ", startingAt: 0)
                         + cell(String(format: format, a)) + cell(String(format: format, b)) + quotient)
        }
        row("build (s)", hoidap.buildSeconds, fts5.buildSeconds, "%.3f")
        row("index size (MB)", Double(hoidap.indexBytes) / 1e6, Double(fts5.indexBytes) / 1e6, "%.2f")
        row("peak RSS (MB)", hoidap.peakRSSMB, fts5.peakRSSMB, "%.1f")
        row("  before build (MB)", hoidap.rssBeforeBuildMB, fts5.rssBeforeBuildMB, "%.1f", ratio: false)
        row("latency p50 (µs)", hoidap.p50Microseconds, fts5.p50Microseconds, "%.1f")
        row("latency p99 (µs)", hoidap.p99Microseconds, fts5.p99Microseconds, "%.1f")
        row("QPS, one thread", hoidap.qpsOneThread, fts5.qpsOneThread, "%.1f")
        row("QPS, \(hoidap.threads) threads", hoidap.qpsAllCores, fts5.qpsAllCores, "%.1f")
        if let a = hoidap.hitAt1, let b = fts5.hitAt1 { row("Hit@1", a, b, "%.3f", ratio: false) }
        lines.append(String(format: "passes (one thread / all cores): hoidap %d / %d, fts5 %d / %d; %d threads",
                            hoidap.passesOneThread, hoidap.passesAllCores, fts5.passesOneThread, fts5.passesAllCores, hoidap.threads))
        if let terms = hoidap.terms, let postings = hoidap.postings, let tokens = hoidap.tokensPerDocument {
            lines.append(String(format: "hoidap index: %d terms, %d postings, %.1f tokens per document", terms, postings, tokens))
        }
        lines.append(String(format: "QPS ratio hoidap/fts5: %.1f× on one thread, %.1f× on %d threads", ratio, ratioAllCores, hoidap.threads))
        return lines.joined(separator: "\n")
    }
}
