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
        public var weight: Double
        public var source: Source
    }

    public var clauses: [Clause]
    /// Folded syllables of the query that no document contains (after repairs and typos).
    public var unknown: [String]
    /// Folded positional syllables of the query, for coverage.
    public var syllables: [String]
    /// The index's term keys (shared storage, not a copy), so a clause's text is only
    /// built when someone reads it: planning a query builds no strings.
    let vocabulary: [String]

    /// The text of a clause's term: a syllable, accented or folded, or "left right" for a phrase.
    public func text(of clause: Clause) -> String { TermKind.split(vocabulary[Int(clause.term)]).1 }
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
        // Slot of each term, by open addressing on the term number (a query has a few dozen
        // terms, and scanning them for every candidate clause cost a fifth of planning).
        var table = SmallIntTable()
        func add(_ term: Int32?, _ kind: TermKind, _ weight: Double, _ source: QueryPlan.Clause.Source) {
            guard weight > 0, let term else { return }
            if let slot = table.slot(of: term) {
                if best[slot].weight < weight { best[slot] = .init(term: term, kind: kind, weight: weight, source: source) }
            } else {
                table.insert(term, slot: terms.count)
                terms.append(term)
                best.append(.init(term: term, kind: kind, weight: weight, source: source))
            }
        }
        func fillerWeight(_ term: Int32?, _ folded: String) -> Double {
            let filler = term.map { index.fillerTerms.contains($0) } ?? Self.fillers.contains(folded)
            return filler ? config.fillerWeight : 1.0
        }
        var unknown: [String] = []
        // Telex/VNI repairs by position: the repaired syllable also makes phrases with its
        // neighbours ("ddăng ký" → "đăng ký").
        var repaired: [Int: (folded: String, weight: Double)] = [:]
        for alternative in analysis.alternatives where alternative.reason == .telex || alternative.reason == .vni {
            if let part = alternative.parts.first { repaired[alternative.span.lowerBound] = (part.folded, alternative.weight * config.alternativeScale) }
        }
        let tokens = analysis.tokens
        // In a message typed with marks, a syllable without any ("tang lễ") is spelled as meant,
        // not typed bare: its own spelling is credited, never the one most documents use ("tầng").
        let typedWithMarks = tokens.contains { $0.kind == .word && $0.text != $0.folded }
        // Positional tokens (by index, not copied) with their folded term numbers, for the phrases below.
        var positional: [(token: Int, term: Int32?)] = []
        positional.reserveCapacity(tokens.count)
        for slot in tokens.indices where tokens[slot].kind != .compound {
            let folded = tokens[slot].folded
            let term = dictionary.folded(folded)
            let isPositional = tokens[slot].isPositional
            if isPositional { positional.append((slot, term)) }
            let filler = fillerWeight(term, folded)
            if term != nil {
                add(term, .folded, filler, .typed)
                let text = tokens[slot].text
                if text != folded || typedWithMarks {
                    add(dictionary.accented(text), .accented, config.accentBonus * filler, .accent)
                } else if config.accentRestore > 0, let term, let likely = index.dominantAccent[term] {
                    // Typed without marks: credit the spelling most documents use, as far as it dominates.
                    add(likely.term, .accented, config.accentBonus * config.accentRestore * likely.share * filler, .accent)
                }
            } else if isPositional, repaired[tokens[slot].position] == nil {
                unknown.append(folded)
                for neighbour in index.fuzzy.neighbours(of: folded) { add(neighbour, .folded, config.fuzzyWeight, .fuzzy) }
            }
        }
        for compound in tokens where compound.kind == .compound {
            add(dictionary.folded(compound.folded), .folded, 1.0, .typed)
        }
        // Phrases: adjacent positional tokens of the query.
        for (left, right) in zip(positional, positional.dropFirst())
        where tokens[left.token].position + 1 == tokens[right.token].position {
            add(dictionary.bigram(left: tokens[left.token].folded, left.term, right: tokens[right.token].folded, right.term),
                .bigram, config.bigramWeight, .phrase)
            let leftRepair = repaired[tokens[left.token].position], rightRepair = repaired[tokens[right.token].position]
            if leftRepair != nil || rightRepair != nil {
                let leftText = leftRepair?.folded ?? tokens[left.token].folded, rightText = rightRepair?.folded ?? tokens[right.token].folded
                let weight = min(leftRepair?.weight ?? 1, rightRepair?.weight ?? 1)
                add(dictionary.bigram(left: leftText, right: rightText), .bigram, config.bigramWeight * weight, .telex)
            }
        }
        for alternative in analysis.alternatives {
            let source = Self.source(alternative.reason)
            let weight = alternative.weight * config.alternativeScale
            let syllables = alternative.parts
            let terms = syllables.map { dictionary.folded($0.folded) }
            for (syllable, term) in zip(syllables, terms) {
                let filler = fillerWeight(term, syllable.folded)
                add(term, .folded, weight * filler, source)
                add(dictionary.accented(syllable.text), .accented, config.accentBonus * weight * filler, source)
            }
            for index in syllables.indices.dropLast() {
                add(dictionary.bigram(left: syllables[index].folded, terms[index], right: syllables[index + 1].folded, terms[index + 1]),
                    .bigram, config.bigramWeight * weight, source)
            }
        }
        // Terms are distinct, so ordering slots by term gives the same clauses as sorting the
        // clauses themselves: (term, slot) packed in one integer sorts as plain numbers, with no closure.
        let order = terms.indices.map { UInt64(UInt32(bitPattern: terms[$0])) << 32 | UInt64($0) }.sorted()
        return QueryPlan(clauses: order.map { best[Int($0 & 0xFFFF_FFFF)] }, unknown: unknown,
                         syllables: positional.map { tokens[$0.token].folded }, vocabulary: index.terms)
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

/// A small map from term numbers to slots by open addressing, grown by doubling; for the few
/// dozen terms of one query plan.
struct SmallIntTable {
    private var keys = [Int32](repeating: -1, count: 128)
    private var values = [Int](repeating: 0, count: 128)
    private var count = 0

    /// The slot stored for a term, if any.
    @inline(__always)
    func slot(of term: Int32) -> Int? {
        let mask = keys.count - 1
        var index = Self.hash(term) & mask
        while true {
            let key = keys[index]
            if key == term { return values[index] }
            if key == -1 { return nil }
            index = (index + 1) & mask
        }
    }

    /// Stores a slot for a term that is not in the table.
    mutating func insert(_ term: Int32, slot: Int) {
        if 2 * (count + 1) > keys.count { grow() }
        let mask = keys.count - 1
        var index = Self.hash(term) & mask
        while keys[index] != -1 { index = (index + 1) & mask }
        keys[index] = term
        values[index] = slot
        count += 1
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != -1 }
        keys = [Int32](repeating: -1, count: 2 * keys.count)
        values = [Int](repeating: 0, count: keys.count)
        count = 0
        for (key, value) in old { insert(key, slot: value) }
    }

    @inline(__always)
    private static func hash(_ term: Int32) -> Int { Int(truncatingIfNeeded: UInt32(bitPattern: term) &* 0x9E37_79B1) >> 7 }
}
