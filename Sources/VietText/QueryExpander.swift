/// Produces the weighted alternatives of a query: telex/VNI repairs of tokens that are not
/// syllables, then lexicon readings (of the typed tokens and of repaired ones).
struct QueryExpander {
    static let telexWeight = 0.9
    static let vniWeight = 0.9

    let lexicon: Lexicon

    func alternatives(for tokens: [Token]) -> [Alternative] {
        var alternatives: [Alternative] = []
        var repaired = tokens
        for (index, token) in tokens.enumerated() where token.kind == .word {
            let span = token.position..<(token.position + 1)
            if let telex = SyllableRepair.telex(token.text) {
                alternatives.append(Alternative(text: telex, weight: Self.telexWeight, reason: .telex, span: span,
                                                parts: [.init(text: telex, folded: VietString.foldKey(telex))]))
                repaired[index].text = telex
                repaired[index].folded = VietString.foldKey(telex)
            } else if let vni = SyllableRepair.vni(token.text) {
                alternatives.append(Alternative(text: vni, weight: Self.vniWeight, reason: .vni, span: span,
                                                parts: [.init(text: vni, folded: VietString.foldKey(vni))]))
                repaired[index].text = vni
                repaired[index].folded = VietString.foldKey(vni)
            }
        }
        struct Seen: Hashable { var text: String; var lower: Int; var upper: Int }
        var seen = Set<Seen>()
        for tokenList in alternatives.isEmpty ? [tokens] : [tokens, repaired] {
            for match in lexicon.matches(in: tokenList) {
                let reason: Alternative.Reason = switch match.entry.kind {
                case .abbreviation: .abbreviation
                case .teencode: .teencode
                case .synonym: .synonym
                }
                for reading in match.readings {
                    guard seen.insert(Seen(text: reading.text, lower: match.span.lowerBound, upper: match.span.upperBound)).inserted else { continue }
                    alternatives.append(Alternative(text: reading.text, weight: match.entry.weight, reason: reason,
                                                    span: match.span, parts: reading.parts))
                }
            }
        }
        return alternatives
    }
}
