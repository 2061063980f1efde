import Foundation
import OrderedJSON

/// What one system measured in `bench search`: printed by the child process as one JSON line,
/// read back by the parent, printed again as one side of the report.
struct BenchSearchFigures: Codable, Sendable {
    var system: String
    var documents: Int
    /// Questions timed per pass.
    var questions: Int
    /// Seconds to build the index from documents in memory (hoidap: add + build; fts5: table and inserts).
    var buildSeconds: Double
    /// hoidap: bytes of the snapshot encoding; fts5: the database file and its WAL.
    var indexBytes: Int
    /// High-water RSS of the child process after building and searching (before the snapshot encoding).
    var peakRSSMB: Double
    /// High-water RSS once the corpus (or the synthesizer's pools) was read, before building.
    var rssBeforeBuildMB: Double
    var p50Microseconds: Double
    var p99Microseconds: Double
    var qpsOneThread: Double
    var qpsAllCores: Double
    var threads: Int
    var passesOneThread: Int
    var passesAllCores: Int
    /// Share of labelled questions whose first result is relevant (only without --scale).
    var hitAt1: Double?
    /// Index statistics (hoidap only).
    var terms: Int?
    var postings: Int?
    var tokensPerDocument: Double?

    enum CodingKeys: String, CodingKey {
        case system, documents, questions
        case buildSeconds = "build_s", indexBytes = "index_bytes", peakRSSMB = "peak_rss_mb"
        case rssBeforeBuildMB = "rss_before_build_mb", p50Microseconds = "p50_us", p99Microseconds = "p99_us"
        case qpsOneThread = "qps_one_thread", qpsAllCores = "qps_all_cores", threads
        case passesOneThread = "passes_one_thread", passesAllCores = "passes_all_cores", hitAt1 = "hit_at_1"
        case terms, postings, tokensPerDocument = "tokens_per_document"
    }

    /// The figures in a fixed key order; optional keys only when measured.
    var json: JSON {
        var pairs: [(String, JSON)] = [
            ("documents", .int(documents)), ("questions", .int(questions)),
            ("build_s", .double(Self.round(buildSeconds, 3))), ("index_bytes", .int(indexBytes)),
            ("peak_rss_mb", .double(Self.round(peakRSSMB, 1))), ("rss_before_build_mb", .double(Self.round(rssBeforeBuildMB, 1))),
            ("p50_us", .double(Self.round(p50Microseconds, 1))), ("p99_us", .double(Self.round(p99Microseconds, 1))),
            ("qps_one_thread", .double(Self.round(qpsOneThread, 1))), ("qps_all_cores", .double(Self.round(qpsAllCores, 1))),
            ("threads", .int(threads)), ("passes_one_thread", .int(passesOneThread)), ("passes_all_cores", .int(passesAllCores)),
        ]
        if let hitAt1 { pairs.append(("hit_at_1", .double(Self.round(hitAt1, 4)))) }
        if let terms { pairs.append(("terms", .int(terms))) }
        if let postings { pairs.append(("postings", .int(postings))) }
        if let tokensPerDocument { pairs.append(("tokens_per_document", .double(Self.round(tokensPerDocument, 1)))) }
        return .object(pairs)
    }

    /// The child's line, with the system name so the parent can check what it got.
    var line: String {
        guard case let .object(pairs) = json else { return "" }
        return JSON.object([("system", .string(system))] + pairs).serialized()
    }

    static func round(_ value: Double, _ digits: Int) -> Double {
        let scale = Foundation.pow(10, Double(digits))
        return (value * scale).rounded() / scale
    }
}

/// Reading a process's peak resident set size.
enum ResidentMemory {
    /// The high-water RSS in MB: `VmHWM` of /proc/self/status on Linux, else `ru_maxrss`.
    static func peakMB() -> Double {
        #if os(Linux)
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kilobytes = line.split(whereSeparator: \.isWhitespace).dropFirst().first.flatMap({ Double($0) }) {
            return kilobytes / 1024
        }
        #endif
        var usage = rusage()
        #if os(Linux)
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
        #else
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
        return Double(usage.ru_maxrss) / 1_048_576  // bytes on macOS
        #endif
    }
}
