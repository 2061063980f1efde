import ArgumentParser
import Foundation
import Knowledge
import VietText

/// `hoidap bench analyze`: analyzer throughput on the national portal's procedure texts.
struct BenchAnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyzer throughput (MB/s, one core) in document and query mode."
    )

    @Option(help: "Procedure records in the national portal's JSON Lines shape.")
    var data = "../shared/data/dvc/procedures.jsonl"

    @Option(help: "Passes over the text in each mode; the best pass is reported.")
    var passes = 3

    @Flag(help: "Print one JSON object.")
    var json = false

    @OptionGroup var options: DataOptions

    /// The record fields whose text a citizen or the index would see (not URLs or raw page text).
    static let textFields = ["ten_thu_tuc", "linh_vuc", "doi_tuong_thuc_hien", "co_quan_thuc_hien", "trinh_tu_thuc_hien",
                             "cach_thuc_thuc_hien", "thanh_phan_ho_so", "can_cu_phap_ly", "yeu_cau_dieu_kien", "ket_qua_xu_ly"]

    func validate() throws {
        guard passes >= 1 else { throw ValidationError("--passes must be at least 1") }
        guard FileManager.default.fileExists(atPath: data) else {
            throw ValidationError("cannot read \(data): pass --data with the path of procedures.jsonl")
        }
    }

    func run() throws {
        let documents = try Self.loadTexts(path: data)
        let titles = try Self.loadTexts(path: data, fields: ["ten_thu_tuc"])
        let lexicon = (try? LexiconLoader.load(path: options.lexiconPath)) ?? .empty
        let analyzer = Analyzer.document.with(lexicon: lexicon)

        let documentBytes = documents.reduce(0) { $0 + $1.utf8.count }
        let titleBytes = titles.reduce(0) { $0 + $1.utf8.count }
        var tokenCount = 0
        let tokenSeconds = best(of: passes) {
            tokenCount = 0
            for text in documents { tokenCount += analyzer.analyze(text, purpose: .document).tokens.count }
        }
        var termCount = 0
        let documentSeconds = best(of: passes) {
            termCount = 0
            for text in documents { termCount += analyzer.analyze(text, purpose: .document).terms.count }
        }
        var alternativeCount = 0
        let querySeconds = best(of: passes) {
            alternativeCount = 0
            for text in titles {
                let analysis = analyzer.analyze(text, purpose: .query)
                alternativeCount += analysis.alternatives.count + analysis.terms.count
            }
        }
        let tokenRate = Double(documentBytes) / 1_000_000 / tokenSeconds
        let documentRate = Double(documentBytes) / 1_000_000 / documentSeconds
        let queryRate = Double(titleBytes) / 1_000_000 / querySeconds
        let queriesPerSecond = Double(titles.count) / querySeconds
        if json {
            print(#"{"documents": \#(documents.count), "document_mb": \#(round3(Double(documentBytes) / 1e6)), "document_mb_per_s": \#(round3(tokenRate)), "tokens": \#(tokenCount), "document_with_terms_mb_per_s": \#(round3(documentRate)), "terms": \#(termCount), "queries": \#(titles.count), "query_mb_per_s": \#(round3(queryRate)), "queries_per_s": \#(Int(queriesPerSecond)), "lexicon_entries": \#(lexicon.entries.count)}"#)
        } else {
            print("ICU \(ICU.version), lexicon entries \(lexicon.entries.count), best of \(passes) passes, one thread")
            print(String(format: "document mode: %d texts, %.1f MB, %.2f s, %.1f MB/s (%d tokens, both keys)",
                         documents.count, Double(documentBytes) / 1e6, tokenSeconds, tokenRate, tokenCount))
            print(String(format: "  with index terms: %.2f s, %.1f MB/s (%d terms: unigrams and bigrams, both spaces)",
                         documentSeconds, documentRate, termCount))
            print(String(format: "query mode:    %d titles, %.2f MB, %.3f s, %.1f MB/s, %.0f queries/s",
                         titles.count, Double(titleBytes) / 1e6, querySeconds, queryRate, queriesPerSecond))
        }
    }

    private func round3(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    private func best(of passes: Int, _ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<passes {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    /// The chosen text fields of every record, one string per record.
    static func loadTexts(path: String, fields: [String] = textFields) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read \(path)")
        }
        var texts: [String] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { continue }
            let parts = fields.compactMap { object[$0] as? String }.filter { !$0.isEmpty }
            texts.append(parts.joined(separator: "\n"))
        }
        return texts
    }
}
