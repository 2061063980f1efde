/// One token of analyzed text, with where it came from in the input.
///
/// `text` is the accent-preserving key (NFKC-casefolded, canonical tone placement) and
/// `folded` the accentless key; both index the same `position`. Offsets refer to the input
/// string as given (after invalid UTF-8 was replaced), in UTF-8 bytes and UTF-16 units.
public struct Token: Sendable, Equatable, CustomStringConvertible {
    /// What kind of token this is.
    public enum Kind: String, Sendable, Codable {
        /// A Vietnamese syllable or any other word of letters.
        case word
        /// Digits, possibly with separators ("0912.345.678", "2025").
        case number
        /// Several word-break segments kept whole: "01/2021/NĐ-CP", "01/02/2025", "TP.HCM".
        case compound
        /// A canonical reading added beside a number or amount: "1tr5" → "1500000".
        case reading
    }

    public var text: String
    public var folded: String
    public var kind: Kind
    /// Index of the token in the sequence of word positions; parts of a compound have their
    /// own positions, the whole compound and readings share the first part's position.
    public var position: Int
    public var utf8Range: Range<Int>
    public var utf16Range: Range<Int>

    public init(text: String, folded: String, kind: Kind, position: Int,
                utf8Range: Range<Int>, utf16Range: Range<Int>) {
        self.text = text
        self.folded = folded
        self.kind = kind
        self.position = position
        self.utf8Range = utf8Range
        self.utf16Range = utf16Range
    }

    /// Whether the token occupies a position of its own (not an overlay on another one).
    public var isPositional: Bool { kind == .word || kind == .number }

    public var description: String { "\(text)@\(position)" }
}
