/// The result of analyzing one text: tokens, index terms and query alternatives.
public struct Analysis: Sendable {
    public let input: AnalysisInput
    public let tokens: [Token]
    /// Weighted readings for a query (repairs, lexicon); empty for documents.
    public let alternatives: [Alternative]
    /// Problems found in the input (invalid UTF-8, lone surrogates), for the caller to log.
    public var warnings: [String] = []

    /// The normalized text: NFKC-casefolded, canonical tones, whitespace collapsed.
    public var normalized: String { VietString.normalize(input.text) }

    /// The folded text: the normalized text without marks, đ → d.
    public var folded: String { VietString.foldKey(normalized) }

    /// Index terms in both spaces: unigrams of every token, bigrams of adjacent positional
    /// tokens not separated by punctuation.
    public var terms: [Term] {
        var terms: [Term] = []
        terms.reserveCapacity(tokens.count * 4)
        var previous: Token? = nil
        for token in tokens {
            terms.append(Term(text: token.text, space: .accented, isBigram: false, position: token.position))
            terms.append(Term(text: token.folded, space: .folded, isBigram: false, position: token.position))
            guard token.isPositional else { continue }
            if let left = previous, left.position + 1 == token.position,
               input.onlySpaces(left.utf16Range.upperBound..<token.utf16Range.lowerBound) {
                terms.append(Term(text: Self.pair(left.text, token.text), space: .accented, isBigram: true, position: left.position))
                terms.append(Term(text: Self.pair(left.folded, token.folded), space: .folded, isBigram: true, position: left.position))
            }
            previous = token
        }
        return terms
    }
}

extension Analysis {
    /// "left right" built in one step (small strings stay inline, no intermediate).
    @inline(__always)
    static func pair(_ left: String, _ right: String) -> String {
        var left = left, right = right
        let count = left.utf8.count + 1 + right.utf8.count
        return left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in
                String(unsafeUninitializedCapacity: count) { buffer in
                    _ = buffer.initialize(from: leftBytes)
                    buffer[leftBytes.count] = 0x20
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[(leftBytes.count + 1)...]).initialize(from: rightBytes)
                    return count
                }
            }
        }
    }
}

/// An index term in one of the two term spaces.
public struct Term: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Accent-preserving or folded.
    public enum Space: String, Sendable, Codable {
        case accented, folded
    }

    public var text: String
    public var space: Space
    public var isBigram: Bool
    public var position: Int

    public init(text: String, space: Space, isBigram: Bool, position: Int) {
        self.text = text
        self.space = space
        self.isBigram = isBigram
        self.position = position
    }

    public var description: String { "\(space == .accented ? "a" : "f"):\(text)@\(position)" }
}

/// A weighted reading of part of a query: a repaired syllable or a lexicon expansion.
public struct Alternative: Sendable, Equatable, CustomStringConvertible {
    /// Why the alternative exists.
    public enum Reason: String, Sendable, Codable {
        case telex, vni, abbreviation, teencode, synonym
    }

    /// One syllable of a reading in both keys.
    public struct Part: Sendable, Equatable {
        public var text: String
        public var folded: String
    }

    /// The reading, normalized (lowercase, canonical tones); may be several syllables.
    public var text: String
    public var weight: Double
    public var reason: Reason
    /// Token positions the reading replaces, half-open.
    public var span: Range<Int>
    /// The reading's syllables, analyzed once (lexicon readings are analyzed when loaded).
    public var parts: [Part]

    public init(text: String, weight: Double, reason: Reason, span: Range<Int>, parts: [Part]? = nil) {
        self.text = text
        self.weight = weight
        self.reason = reason
        self.span = span
        self.parts = parts ?? Analyzer.document.tokens(text).filter(\.isPositional).map { Part(text: $0.text, folded: $0.folded) }
    }

    public var description: String { "\(text) (\(reason.rawValue) \(weight)) @\(span.lowerBound)..<\(span.upperBound)" }
}
