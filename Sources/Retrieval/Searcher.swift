import VietText

/// One ranked document.
public struct SearchHit: Sendable, Equatable {
    /// The document's number in the index.
    public var document: Int
    public var id: String
    public var title: String
    public var score: Double

    public init(document: Int, id: String, title: String, score: Double) {
        self.document = document
        self.id = id
        self.title = title
        self.score = score
    }
}

/// Ranks documents for a query: BM25F over the plan's weighted terms, top-k by heap.
///
///     let searcher = Searcher(index: index, analyzer: Analyzer.document.with(lexicon: lexicon))
///     let hits = searcher.search("lam lai cccd bi mat", limit: 5)
///
/// - Complexity: O(Σ postings of the query's terms + k log k).
public struct Searcher: Sendable {
    public let index: InvertedIndex
    public let analyzer: Analyzer

    public init(index: InvertedIndex, analyzer: Analyzer) {
        self.index = index
        self.analyzer = analyzer
    }

    /// The plan a query becomes.
    public func plan(_ query: String) -> QueryPlan {
        QueryPlanner(index: index).plan(analyzer.analyze(query, purpose: .query))
    }

    /// The plan of an already analyzed query (analyze once, plan against several indexes).
    public func plan(analysis: Analysis) -> QueryPlan {
        QueryPlanner(index: index).plan(analysis)
    }

    /// The best `limit` documents, best first; ties by document number.
    public func search(_ query: String, limit: Int = 10) -> [SearchHit] {
        search(plan: plan(query), limit: limit)
    }

    public func search(plan: QueryPlan, limit: Int = 10) -> [SearchHit] {
        guard limit > 0, !plan.clauses.isEmpty else { return [] }
        var scores = [Double](repeating: 0, count: index.documentCount)
        // Clauses that can add less than a small share of the strongest clause's reach are
        // skipped: they are the longest posting lists. At 2% this cut DVC latency p50 from
        // 141 to 107 µs for 0.4 points of Hit@1 there, and changed nothing on ALQAC or the
        // curated set (README, "Retrieval").
        let reach = plan.clauses.map { index.idf($0.term) * $0.weight }
        let floor = (reach.max() ?? 0) * index.config.pruneShare
        // Documents in the order they were first scored (a document whose score is still 0 may
        // be listed again, as before). Written through a pointer: the array's append checked
        // uniqueness and capacity at every posting.
        var postings = 0
        for (clause, value) in zip(plan.clauses, reach) where value >= floor { postings += index.documentFrequency(clause.term) }
        let touched = [Int32](unsafeUninitializedCapacity: postings) { buffer, count in
            var used = 0
            index.postingDocs.withUnsafeBufferPointer { docs in
                index.postingWeights.withUnsafeBufferPointer { weights in
                    scores.withUnsafeMutableBufferPointer { scores in
                        for (clause, value) in zip(plan.clauses, reach) where value >= floor {
                            let idf = value
                            let start = Int(index.postingStart[Int(clause.term)]), end = Int(index.postingStart[Int(clause.term) + 1])
                            for slot in start..<end {
                                let document = Int(docs[slot])
                                if scores[document] == 0 {
                                    buffer[used] = Int32(document)
                                    used &+= 1
                                }
                                scores[document] += idf * Double(weights[slot])
                            }
                        }
                    }
                }
            }
            count = used
        }
        return TopK.select(touched, scores: scores, limit: limit).map {
            SearchHit(document: $0, id: index.documents[$0].id, title: index.documents[$0].title, score: scores[$0])
        }
    }
}

/// Selection of the k best scores with a bounded min-heap.
enum TopK {
    static func select(_ candidates: [Int32], scores: [Double], limit: Int) -> [Int] {
        scores.withUnsafeBufferPointer { select(candidates, scores: $0, limit: limit) }
    }

    /// The same over the scores in place (no bounds checks or array retains in the comparisons).
    static func select(_ candidates: [Int32], scores: UnsafeBufferPointer<Double>, limit: Int) -> [Int] {
        var heap: [Int] = []
        heap.reserveCapacity(limit + 1)
        // "Worse" = lower score, or equal score and higher document number.
        func worse(_ a: Int, _ b: Int) -> Bool { scores[a] < scores[b] || (scores[a] == scores[b] && a > b) }
        func siftUp(_ index: Int) {
            var child = index
            while child > 0 {
                let parent = (child - 1) / 2
                guard worse(heap[child], heap[parent]) else { break }
                heap.swapAt(child, parent)
                child = parent
            }
        }
        func siftDown() {
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count, worse(heap[left], heap[smallest]) { smallest = left }
                if right < heap.count, worse(heap[right], heap[smallest]) { smallest = right }
                if smallest == parent { return }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        for candidate in candidates {
            let document = Int(candidate)
            guard scores[document] > 0 else { continue }
            if heap.count < limit {
                heap.append(document)
                siftUp(heap.count - 1)
            } else if worse(heap[0], document) {
                heap[0] = document
                siftDown()
            }
        }
        return heap.sorted { worse($1, $0) }
    }
}

extension Searcher {
    /// An upper bound of any document's score for a plan: Σ idf·weight (tf'/(k1 + tf') < 1).
    /// Scores divided by it are comparable across queries of different lengths.
    public func bound(_ plan: QueryPlan) -> Double {
        plan.clauses.reduce(0) { $0 + index.idf($1.term) * $1.weight }
    }
}
