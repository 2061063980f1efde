import Baselines
import Foundation
import OrderedJSON
import Retrieval

/// Building the FTS5 baseline with a clear error.
enum FTS5Loading {
    static func ranker(_ documents: [IndexDocument]) throws -> FTS5Ranker {
        do { return try FTS5Ranker(documents: documents) } catch {
            throw ValidationError("cannot build the FTS5 baseline: \(error)")
        }
    }
}

import ArgumentParser

/// Printing evaluation reports: a table for people, JSON and per-question lines for tools.
enum EvalOutput {
    static func figures(_ figures: EvaluationReport.Figures) -> [(String, JSON)] {
        [("questions", .int(figures.questions)), ("hit_at_1", .double(round4(figures.hitAt1))),
         ("hit_at_5", .double(round4(figures.hitAt5))), ("mrr_at_10", .double(round4(figures.mrrAt10))),
         ("recall_at_10", .double(round4(figures.recallAt10)))]
    }

    static func round4(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    static func json(_ report: EvaluationReport) -> JSON {
        .object(figures(report.overall) + [
            ("latency_us", .object([("p50", .double(round4(report.p50Microseconds))), ("p99", .double(round4(report.p99Microseconds)))])),
            ("by_style", .object(report.byStyle.keys.sorted().map { ($0, .object(figures(report.byStyle[$0]!))) })),
            ("by_aspect", .object(report.byAspect.keys.sorted().map { ($0, .object(figures(report.byAspect[$0]!))) })),
        ])
    }

    /// hoidap's figures at the top level; baselines under their names.
    static func json(_ reports: [EvaluationReport]) -> JSON {
        guard case var .object(pairs) = json(reports[0]) else { return .null }
        for report in reports.dropFirst() { pairs.append((report.ranker, json(report))) }
        return .object(pairs)
    }

    static func table(_ reports: [EvaluationReport], title: String) -> String {
        var lines = [title]
        let header = "".padding(toLength: 22, withPad: " ", startingAt: 0) + reports.map { $0.ranker.padding(toLength: 14, withPad: " ", startingAt: 0) }.joined()
        lines.append(header)
        func row(_ label: String, _ value: (EvaluationReport) -> String) {
            lines.append(label.padding(toLength: 22, withPad: " ", startingAt: 0) + reports.map { value($0).padding(toLength: 14, withPad: " ", startingAt: 0) }.joined())
        }
        row("Hit@1") { String(format: "%.3f", $0.overall.hitAt1) }
        row("Hit@5") { String(format: "%.3f", $0.overall.hitAt5) }
        row("MRR@10") { String(format: "%.3f", $0.overall.mrrAt10) }
        row("Recall@10") { String(format: "%.3f", $0.overall.recallAt10) }
        row("latency p50 (µs)") { String(format: "%.0f", $0.p50Microseconds) }
        row("latency p99 (µs)") { String(format: "%.0f", $0.p99Microseconds) }
        for style in reports[0].byStyle.keys.sorted() {
            row("Hit@1 \(style)") { report in report.byStyle[style].map { String(format: "%.3f (%d)", $0.hitAt1, $0.questions) } ?? "-" }
        }
        for aspect in reports[0].byAspect.keys.sorted() {
            row("Hit@1 \(aspect)") { report in report.byAspect[aspect].map { String(format: "%.3f (%d)", $0.hitAt1, $0.questions) } ?? "-" }
        }
        return lines.joined(separator: "\n")
    }

    static func writeResults(_ report: EvaluationReport, to path: String) throws {
        var text = ""
        for outcome in report.outcomes {
            text += JSON.object([("question", .string(outcome.asked)), ("relevant", .strings(outcome.question.relevant)),
                                 ("ranked", .strings(outcome.ranked)), ("us", .double((outcome.microseconds * 10).rounded() / 10))]).serialized() + "\n"
        }
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw ValidationError("cannot write \(path): \(error.localizedDescription)")
        }
    }

    static func misses(_ report: EvaluationReport, searcher: Searcher, limit: Int) -> String {
        var lines: [String] = []
        for outcome in report.outcomes where outcome.rank != 1 {
            guard lines.count < limit * 12 else { break }
            lines.append("")
            lines.append("MISS line \(outcome.question.line): \(outcome.asked)")
            lines.append("  expected \(outcome.question.relevant.joined(separator: ", ")) — found at rank \(outcome.rank.map(String.init) ?? "> 10")")
            let hits = searcher.search(outcome.asked, limit: 3)
            for hit in hits { lines.append(String(format: "  %6.2f  %@  %@", hit.score, hit.id, hit.title)) }
            let plan = searcher.plan(outcome.asked)
            if let top = hits.first {
                lines.append("  why \(top.id):")
                lines.append(Explainer(index: searcher.index).explain(plan, document: top.document).rendered(indent: 4, depth: 2))
            }
            if let expected = outcome.question.relevant.first, let number = searcher.index.documentNumber(of: expected) {
                lines.append("  why not \(expected):")
                lines.append(Explainer(index: searcher.index).explain(plan, document: number).rendered(indent: 4, depth: 2))
            }
        }
        return lines.joined(separator: "\n")
    }
}
