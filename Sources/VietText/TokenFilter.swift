/// One stage of the analysis chain after the tokenizer, as in tantivy and bleve.
public protocol TokenFilter: Sendable {
    /// Filters the tokens in place; `input` gives access to the original text.
    func apply(_ tokens: inout [Token], input: AnalysisInput)
}

/// Fills each token's accent-preserving `text` and accentless `folded` keys.
public struct NormalizeFilter: TokenFilter {
    public init() {}

    public func apply(_ output: inout [Token], input: AnalysisInput) {
        let cache = SpellingCache.current
        for index in output.indices {
            let raw = input.utf16[output[index].utf16Range]
            let packed = SpellingCache.pack(raw)
            if let (low, high) = packed, let keys = cache.lookup(low, high) {
                output[index].text = keys.text
                output[index].folded = keys.folded
                continue
            }
            let normalized = WordNormalizer.normalize(raw)
            let text = UTF16Text.string(normalized), folded = UTF16Text.string(WordNormalizer.fold(normalized))
            if let (low, high) = packed { cache.store(low, high, text: text, folded: folded) }
            output[index].text = text
            output[index].folded = folded
        }
    }
}

/// Keeps multi-part tokens whole and in parts: document numbers ("01/2021/NĐ-CP",
/// "123/QĐ-UBND"), dates ("01/02/2025"), phone numbers ("0912.345.678"), "TP.HCM".
///
/// Adjacent tokens joined by exactly one of `/ - .` (no spaces) form a compound; a single ICU
/// segment with inner separators is split into its parts. The whole goes at the position of
/// its first part, the parts take positions of their own; positions are renumbered.
public struct CompoundFilter: TokenFilter {
    static let joiners: Set<UInt16> = [0x2F, 0x2D, 0x2E]  // / - .

    public init() {}

    public func apply(_ tokens: inout [Token], input: AnalysisInput) {
        // Most texts have no compound at all: leave the array untouched then.
        guard let firstCompound = tokens.indices.first(where: { index in
            hasInnerSeparator(tokens[index], input) || (index + 1 < tokens.count && joined(tokens[index], tokens[index + 1], input))
        }) else { return }
        var output = Array(tokens[..<firstCompound])
        output.reserveCapacity(tokens.count + 4)
        var index = firstCompound
        while index < tokens.count {
            // The common case, a lone token without inner separators, allocates nothing.
            if (index + 1 == tokens.count || !joined(tokens[index], tokens[index + 1], input)),
               !hasInnerSeparator(tokens[index], input) {
                output.append(tokens[index])
                index += 1
                continue
            }
            var last = index
            while last + 1 < tokens.count, joined(tokens[last], tokens[last + 1], input) { last += 1 }
            let run = Array(tokens[index...last])
            let parts = run.flatMap { split($0, input) }
            if parts.count > 1 {
                let first = run[0], end = run[run.count - 1]
                output.append(Token(text: input.slice(first.utf16Range.lowerBound..<end.utf16Range.upperBound),
                                    folded: "", kind: .compound, position: 0,
                                    utf8Range: first.utf8Range.lowerBound..<end.utf8Range.upperBound,
                                    utf16Range: first.utf16Range.lowerBound..<end.utf16Range.upperBound))
            }
            output.append(contentsOf: parts)
            index = last + 1
        }
        var position = -1
        for outputIndex in output.indices {
            if output[outputIndex].kind == .compound {
                output[outputIndex].position = position + 1
            } else {
                position += 1
                output[outputIndex].position = position
            }
        }
        tokens = output
    }

    private func joined(_ left: Token, _ right: Token, _ input: AnalysisInput) -> Bool {
        let gap = left.utf16Range.upperBound..<right.utf16Range.lowerBound
        guard gap.count == 1 else { return false }
        let unit = input.utf16[gap.lowerBound]
        return unit == 0x2F || unit == 0x2D || unit == 0x2E
    }

    private func hasInnerSeparator(_ token: Token, _ input: AnalysisInput) -> Bool {
        input.utf16[token.utf16Range].contains { $0 == 0x2F || $0 == 0x2D || $0 == 0x2E || $0 == 0x2C }
    }

    /// The parts of one ICU segment split at inner joiners ("TP.HCM" → TP, HCM).
    private func split(_ token: Token, _ input: AnalysisInput) -> [Token] {
        let range = token.utf16Range
        guard hasInnerSeparator(token, input) else { return [token] }
        var parts: [Token] = []
        var offsets = UTF8Offsets(input.utf16, from: range.lowerBound, utf8: token.utf8Range.lowerBound)
        var start = range.lowerBound
        for index in range.lowerBound...range.upperBound {
            let atEnd = index == range.upperBound
            let unit = atEnd ? 0 : input.utf16[index]
            guard atEnd || Self.joiners.contains(unit) || unit == 0x2C else { continue }  // 0x2C ","
            if index > start {
                let part = start..<index
                let isNumber = input.utf16[part].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                let start8 = offsets.advance(to: start), end8 = offsets.advance(to: index)
                parts.append(Token(text: input.slice(part), folded: "", kind: isNumber ? .number : .word,
                                   position: 0, utf8Range: start8..<end8, utf16Range: part))
            }
            start = index + 1
        }
        return parts
    }
}
