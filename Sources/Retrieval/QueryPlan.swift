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
        let dictionary = index.dictionary
        // The best clause per term. A query has a few dozen terms: scanning a small array of term
        // numbers is cheaper than hashing into a dictionary.
        var terms: [Int32] = [], best: [QueryPlan.Clause] = []
        terms.reserveCapacity(64)
        best.reserveCapacity(64)
        // The term number is looked up by the caller (often already known); the text is built
        // only when the clause is kept, so a phrase that no document has costs no string.
        func add(_ term: Int32?, _ kind: TermKind, _ weight: Double, _ source: QueryPlan.Clause.Source,
                 _ text: @autoclosure () -> String) {
            guard weight > 0, let term else { return }
            if let slot = terms.firstIndex(of: term) {
                guard best[slot].weight < weight else { return }
                best[slot] = .init(term: term, kind: kind, text: text(), weight: weight, source: source)
            } else {
                terms.append(term)
                best.append(.init(term: term, kind: kind, text: text(), weight: weight, source: source))
            }
        }
        func fillerWeight(_ term: Int32?, _ folded: String) -> Double {
            let filler = term.map { index.fillerTerms.contains($0) } ?? Self.fillers.contains(folded)
            return filler ? config.fillerWeight : 1.0
        }
        var unknown: [String] = []
        var repaired = Set<Int>()
        for alternative in analysis.alternatives where alternative.reason == .telex || alternative.reason == .vni {
            repaired.insert(alternative.span.lowerBound)
        }
        // Positional tokens with their folded term numbers, for the phrases below.
        var positional: [(token: Token, term: Int32?)] = []
        positional.reserveCapacity(analysis.tokens.count)
        for token in analysis.tokens where token.kind != .compound {
            let term = dictionary.folded(token.folded)
            if token.isPositional { positional.append((token, term)) }
            let filler = fillerWeight(term, token.folded)
            if term != nil {
                add(term, .folded, filler, .typed, token.folded)
                if token.text != token.folded {
                    add(dictionary.accented(token.text), .accented, config.accentBonus * filler, .accent, token.text)
                } else if config.accentRestore > 0, let term, let likely = index.dominantAccent[term] {
                    // Typed without marks: credit the spelling most documents use, as far as it dominates.
                    add(dictionary.accented(likely.text), .accented, config.accentBonus * config.accentRestore * likely.share * filler,
                        .accent, likely.text)
                }
            } else if token.isPositional, !repaired.contains(token.position) {
                unknown.append(token.folded)
                for neighbour in index.fuzzy.neighbours(of: token.folded) {
                    add(neighbour, .folded, config.fuzzyWeight, .fuzzy, TermKind.split(index.terms[Int(neighbour)]).1)
                }
            }
        }
        for compound in analysis.tokens where compound.kind == .compound {
            add(dictionary.folded(compound.folded), .folded, 1.0, .typed, compound.folded)
        }
        // Phrases: adjacent positional tokens of the query.
        for (left, right) in zip(positional, positional.dropFirst()) where left.token.position + 1 == right.token.position {
            let (leftText, rightText) = (left.token.folded, right.token.folded)
            add(dictionary.bigram(left: leftText, left.term, right: rightText, right.term), .bigram, config.bigramWeight, .phrase,
                leftText + " " + rightText)
        }
        for alternative in analysis.alternatives {
            let source = Self.source(alternative.reason)
            let weight = alternative.weight * config.alternativeScale
            let syllables = alternative.parts
            let terms = syllables.map { dictionary.folded($0.folded) }
            for (syllable, term) in zip(syllables, terms) {
                let filler = fillerWeight(term, syllable.folded)
                add(term, .folded, weight * filler, source, syllable.folded)
                add(dictionary.accented(syllable.text), .accented, config.accentBonus * weight * filler, source, syllable.text)
            }
            for index in syllables.indices.dropLast() {
                let (left, right) = (syllables[index].folded, syllables[index + 1].folded)
                add(dictionary.bigram(left: left, terms[index], right: right, terms[index + 1]), .bigram,
                    config.bigramWeight * weight, source, left + " " + right)
            }
        }
        // Terms are distinct, so ordering slots by term gives the same clauses as sorting the
        // clauses themselves, without moving (and retaining) each clause's text at every swap:
        // (term, slot) packed in one integer sorts as plain numbers, with no closure.
        let order = terms.indices.map { UInt64(UInt32(bitPattern: terms[$0])) << 32 | UInt64($0) }.sorted()
        return QueryPlan(clauses: order.map { best[Int($0 & 0xFFFF_FFFF)] }, unknown: unknown,
                         syllables: positional.map(\.token.folded))
    }

    /// The clause source of an alternative's reason (the same names).
    static func source(_ reason: Alternative.Reason) -> QueryPlan.Clause.Source {
        switch reason {
        case .telex: .telex
        case .vni: .vni
        case .abbreviation: .abbreviation
        case .teencode: .teencode
        case .synonym: .synonym
        }
    }
}
