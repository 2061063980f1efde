import Foundation
import VietText

/// Anything that ranks document ids for a question: hoidap's searcher, or a baseline.
public protocol Ranker: Sendable {
    var name: String { get }
    func rank(_ question: String, limit: Int) -> [String]
}

extension Searcher: Ranker {
    public var name: String { "hoidap" }
    public func rank(_ question: String, limit: Int) -> [String] { search(question, limit: limit).map(\.id) }
}

/// Retrieval figures over a question set: Hit@1, Hit@5, MRR@10, Recall@10, per style and
/// aspect, and latency.
public struct EvaluationReport: Sendable {
    /// The figures of one group of questions.
    public struct Figures: Sendable, Equatable {
        public var questions = 0
        public var hitAt1 = 0.0
        public var hitAt5 = 0.0
        public var mrrAt10 = 0.0
        public var recallAt10 = 0.0

        mutating func add(rank: Int?, found: Int, relevant: Int) {
            questions += 1
            if let rank {
                if rank == 1 { hitAt1 += 1 }
                if rank <= 5 { hitAt5 += 1 }
                if rank <= 10 { mrrAt10 += 1 / Double(rank) }
            }
            recallAt10 += Double(found) / Double(max(relevant, 1))
        }

        var averaged: Figures {
            let n = Double(max(questions, 1))
            return Figures(questions: questions, hitAt1: hitAt1 / n, hitAt5: hitAt5 / n, mrrAt10: mrrAt10 / n, recallAt10: recallAt10 / n)
        }
    }

    /// One question's outcome, as written to `--results`.
    public struct Outcome: Sendable {
        public var question: LabelledQuestion
        public var asked: String
        public var ranked: [String]
        public var microseconds: Double
        /// 1-based rank of the first relevant id in the top 10, or nil.
        public var rank: Int?
    }

    public var ranker: String
    public var overall: Figures
    public var byStyle: [String: Figures]
    public var byAspect: [String: Figures]
    public var outcomes: [Outcome]
    public var p50Microseconds: Double
    public var p99Microseconds: Double

    /// Runs every labelled question through a ranker.
    /// - Parameter stripDiacritics: folds each question first (accentless robustness).
    public static func run(_ ranker: any Ranker, questions: [LabelledQuestion], stripDiacritics: Bool = false) -> EvaluationReport {
        var overall = Figures()
        var byStyle: [String: Figures] = [:], byAspect: [String: Figures] = [:]
        var outcomes: [Outcome] = []
        var latencies: [Double] = []
        for question in questions where !question.relevant.isEmpty {
            let asked = stripDiacritics ? VietString.stripStroke(VietString.deaccent(question.question)) : question.question
            let start = DispatchTime.now().uptimeNanoseconds
            let ranked = ranker.rank(asked, limit: 10)
            let microseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1000
            latencies.append(microseconds)
            let relevant = Set(question.relevant)
            let rank = ranked.firstIndex(where: relevant.contains).map { $0 + 1 }
            let found = Set(ranked).intersection(relevant).count
            overall.add(rank: rank, found: found, relevant: relevant.count)
            if let style = question.style { byStyle[style, default: Figures()].add(rank: rank, found: found, relevant: relevant.count) }
            if let aspect = question.aspect { byAspect[aspect, default: Figures()].add(rank: rank, found: found, relevant: relevant.count) }
            outcomes.append(Outcome(question: question, asked: asked, ranked: ranked, microseconds: microseconds, rank: rank))
        }
        return EvaluationReport(ranker: ranker.name, overall: overall.averaged, byStyle: byStyle.mapValues(\.averaged),
                                byAspect: byAspect.mapValues(\.averaged), outcomes: outcomes,
                                p50Microseconds: percentile(latencies, 0.50), p99Microseconds: percentile(latencies, 0.99))
    }

    /// The nearest-rank percentile of a sample.
    public static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
