/// Why a document scored what it did: a tree of values with descriptions, as in Lucene.
public struct Explanation: Sendable, Equatable {
    public var value: Double
    public var description: String
    public var children: [Explanation]

    public init(value: Double, description: String, children: [Explanation] = []) {
        self.value = value
        self.description = description
        self.children = children
    }

    /// Indented text, to `depth` levels below this node.
    public func rendered(indent: Int = 0, depth: Int = .max) -> String {
        var lines: [String] = []
        func walk(_ node: Explanation, _ level: Int) {
            lines.append(String(repeating: " ", count: indent + 2 * level) + String(format: "%.4f", node.value) + "  " + node.description)
            if level < depth { for child in node.children { walk(child, level + 1) } }
        }
        walk(self, 0)
        return lines.joined(separator: "\n")
    }
}

/// Explains scores of an index, clause by clause and field by field.
public struct Explainer: Sendable {
    public let index: InvertedIndex

    public init(index: InvertedIndex) { self.index = index }

    /// The explanation of a document's score for a plan; its value equals the searcher's score.
    public func explain(_ plan: QueryPlan, document: Int) -> Explanation {
        let k1 = index.config.k1
        var children: [Explanation] = []
        for clause in plan.clauses {
            let range = Int(index.postingStart[Int(clause.term)])..<Int(index.postingStart[Int(clause.term) + 1])
            guard let slot = index.binarySearch(index.postingDocs, UInt32(document), in: range) else { continue }
            let saturated = Double(index.postingWeights[slot])
            let tf = saturated * k1 / (1 - saturated)  // the stored weight is tf'/(k1 + tf')
            let idf = index.idf(clause.term)
            let value = idf * clause.weight * saturated
            var parts = [
                Explanation(value: idf, description: "idf = ln(1 + (N − df + 0.5)/(df + 0.5)), N=\(index.documentCount), df=\(index.documentFrequency(clause.term))"),
                Explanation(value: clause.weight, description: "query weight (\(clause.source.rawValue))"),
                Explanation(value: saturated, description: "tf'/(k1 + tf'), k1=\(k1)",
                            children: fieldBreakdown(clause, document: document, total: tf)),
            ]
            if clause.kind != .folded { parts[2].children = [Explanation(value: tf, description: "tf' (BM25F over all fields)")] }
            children.append(Explanation(value: value, description: "\(clause.kind) '\(plan.text(of: clause))'", children: parts))
        }
        children.sort { $0.value > $1.value }
        let total = children.reduce(0) { $0 + $1.value }
        let document = index.documents[document]
        return Explanation(value: total, description: "\(document.id) — sum of \(children.count) matching terms", children: children)
    }

    /// Per-field term frequencies (from positions) and their BM25F contributions.
    private func fieldBreakdown(_ clause: QueryPlan.Clause, document: Int, total: Double) -> [Explanation] {
        let occurrences = index.positions(of: clause.term, in: document)
        var counts: [Int: Int] = [:]
        for occurrence in occurrences { counts[occurrence.field, default: 0] += 1 }
        let stored = index.documents[document]
        var result = [Explanation(value: total, description: "tf' = Σ w·tf / (1 − b + b·len/avglen)")]
        for (field, count) in counts.sorted(by: { $0.key < $1.key }) {
            let name = index.fieldNames[field]
            let weight = index.config.weight(of: name), b = index.config.b(of: name)
            let length = Double(field < stored.fieldLengths.count ? stored.fieldLengths[field] : 0)
            let average = index.averageFieldLengths[field]
            let value = weight * Double(count) / (1 - b + b * length / average)
            result.append(Explanation(value: value, description: "field \(name): tf=\(count), w=\(weight), b=\(b), len=\(Int(length)), avglen=\(String(format: "%.1f", average))"))
        }
        return result
    }
}

extension InvertedIndex {
    /// The document number of an id, if indexed.
    public func documentNumber(of id: String) -> Int? { documentNumbers[id] }
}
