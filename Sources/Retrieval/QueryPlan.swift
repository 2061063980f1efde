import VietText

/// The weighted terms a query becomes, each with why it is there.
public struct QueryPlan: Sendable {
    /// One term of the plan.
    public struct Clause: Sendable, Equatable {
        /// Why the term is in the query.
        public enum Source: String, Sendable {
            case typed, accent, phrase, fuzzy, telex, vni, abbreviation, teencode, synonym
        }

        public var term: Int32
        public var kind: TermKind
        public var text: String
        public var weight: Double
        public var source: Source
    }

    public var clauses: [Clause]
    /// Folded syllables of the query that no document contains (after repairs and typos).
    public var unknown: [String]
    /// Folded positional syllables of the query, for coverage.
    public var syllables: [String]
}

/// Turns analyzed queries into plans against one index.
struct QueryPlanner {
    /// Words that carry little meaning in these questions; down-weighted, never dropped.
    /// (không, mất, lại, cấp, hết hạn, bao nhiêu are deliberately absent: they carry meaning.)
    static let fillers: Set<String> = ["va", "cua", "la", "thi", "ma", "cac", "nhung", "voi", "a", "oi", "nhe", "vay", "ha",
                                       "nha", "toi", "em", "minh", "ban", "ad", "cho", "hoi", "xin", "vui", "long", "giup",
                                       "nay", "do", "ay", "thế", "the", "nao", "gi", "sao", "o", "dau", "duoc", "khong", "co"]

    let index: InvertedIndex

    func plan(_ analysis: Analysis) -> QueryPlan {
        let config = index.config
        var best: [Int32: QueryPlan.Clause] = [:]
        func add(_ kind: TermKind, _ text: String, _ weight: Double, _ source: QueryPlan.Clause.Source) {
            guard weight > 0, let term = index.termID(kind, text) else { return }
            if let existing = best[term], existing.weight >= weight { return }
            best[term] = .init(term: term, kind: kind, text: text, weight: weight, source: source)
        }
        let words = analysis.tokens.filter { $0.kind != .compound }
        var unknown: [String] = []
        var repaired = Set<Int>()
        for alternative in analysis.alternatives where alternative.reason == .telex || alternative.reason == .vni {
            repaired.insert(alternative.span.lowerBound)
        }
        for token in words {
            let filler = Self.fillers.contains(token.folded) ? config.fillerWeight : 1.0
            if index.termID(.folded, token.folded) != nil {
                add(.folded, token.folded, filler, .typed)
                if token.text != token.folded {
                    add(.accented, token.text, config.accentBonus * filler, .accent)
                } else if config.accentRestore > 0, let likely = index.dominantAccent[token.folded] {
                    // Typed without marks: credit the spelling most documents use, as far as it dominates.
                    add(.accented, likely.text, config.accentBonus * config.accentRestore * likely.share * filler, .accent)
                }
            } else if token.isPositional, !repaired.contains(token.position) {
                unknown.append(token.folded)
                for neighbour in index.fuzzy.neighbours(of: token.folded) {
                    let text = TermKind.split(index.terms[Int(neighbour)]).1
                    add(.folded, text, config.fuzzyWeight, .fuzzy)
                }
            }
        }
        for compound in analysis.tokens where compound.kind == .compound {
            add(.folded, compound.folded, 1.0, .typed)
        }
        // Phrases: adjacent positional tokens of the query.
        let positional = words.filter(\.isPositional)
        for (left, right) in zip(positional, positional.dropFirst()) where left.position + 1 == right.position {
            add(.bigram, left.folded + " " + right.folded, config.bigramWeight, .phrase)
        }
        for alternative in analysis.alternatives {
            let source: QueryPlan.Clause.Source = QueryPlan.Clause.Source(rawValue: alternative.reason.rawValue) ?? .synonym
            let weight = alternative.weight * config.alternativeScale
            let syllables = alternative.parts
            for syllable in syllables {
                let filler = Self.fillers.contains(syllable.folded) ? config.fillerWeight : 1.0
                add(.folded, syllable.folded, weight * filler, source)
                add(.accented, syllable.text, config.accentBonus * weight * filler, source)
            }
            for (left, right) in zip(syllables, syllables.dropFirst()) {
                add(.bigram, left.folded + " " + right.folded, config.bigramWeight * weight, source)
            }
        }
        let clauses = best.values.sorted { $0.term < $1.term }
        return QueryPlan(clauses: clauses, unknown: unknown, syllables: positional.map(\.folded))
    }
}
