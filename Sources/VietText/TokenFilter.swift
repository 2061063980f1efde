/// One stage of the analysis chain after the tokenizer, as in tantivy and bleve.
public protocol TokenFilter: Sendable {
    /// Returns the filtered tokens; `input` gives access to the original text.
    func apply(_ tokens: [Token], input: AnalysisInput) -> [Token]
}

/// Fills each token's accent-preserving `text` and accentless `folded` keys.
public struct NormalizeFilter: TokenFilter {
    public init() {}

    public func apply(_ tokens: [Token], input: AnalysisInput) -> [Token] {
        var output = tokens
        for index in output.indices {
            let raw = input.utf16[output[index].utf16Range]
            let normalized = WordNormalizer.normalize(raw)
            output[index].text = String(decoding: normalized, as: UTF16.self)
            output[index].folded = String(decoding: WordNormalizer.fold(normalized), as: UTF16.self)
        }
        return output
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

    public func apply(_ tokens: [Token], input: AnalysisInput) -> [Token] {
        var output: [Token] = []
        output.reserveCapacity(tokens.count + 4)
        var index = 0
        while index < tokens.count {
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
        return output
    }

    private func joined(_ left: Token, _ right: Token, _ input: AnalysisInput) -> Bool {
        let gap = left.utf16Range.upperBound..<right.utf16Range.lowerBound
        return gap.count == 1 && Self.joiners.contains(input.utf16[gap.lowerBound])
    }

    /// The parts of one ICU segment split at inner joiners ("TP.HCM" → TP, HCM).
    private func split(_ token: Token, _ input: AnalysisInput) -> [Token] {
        let range = token.utf16Range
        guard input.utf16[range].contains(where: { Self.joiners.contains($0) || $0 == 0x2C }) else { return [token] }
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
