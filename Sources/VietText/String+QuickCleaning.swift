import Foundation

/// Cleaning a citizen's message (NFC, trimming) without Foundation's bridging when the text
/// provably needs none, which is nearly always: a chat message is precomposed Vietnamese with
/// no white space at its ends. Each result equals Foundation's for every input; only the common
/// case is cheaper (Foundation converts to UTF-16 and back even when nothing changes).
///
///     "  làm lại cccd  ".trimmingWhitespaceAndNewlines()   // "làm lại cccd"
///     "lam lai cccd".precomposedIfNeeded()                // the same string, no copy
extension String {
    /// Equals `trimmingCharacters(in: .whitespacesAndNewlines)`.
    public func trimmingWhitespaceAndNewlines() -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if Self.isNeverTrimmed(first), Self.isNeverTrimmed(last) { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Equals `precomposedStringWithCanonicalMapping` (NFC).
    public func precomposedIfNeeded() -> String {
        if unicodeScalars.allSatisfy(Self.isAlwaysComposed) { return self }
        return precomposedStringWithCanonicalMapping
    }

    /// Printable ASCII and the Latin and Vietnamese letter blocks: no scalar there is white
    /// space (Unicode's white space lies in 0x09–0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000–0x200B,
    /// 0x2028–0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF).
    static func isNeverTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x7E, 0xA1...0x167F, 0x1E00...0x1FFF: true
        default: false
        }
    }

    /// Scalars that are unchanged by NFC in any context: starters with no canonical
    /// decomposition or whose decomposition recomposes to themselves (NFC_Quick_Check=Yes) and
    /// that never combine with a preceding scalar. Below U+0300 (ASCII, Latin-1, Latin
    /// Extended-A/B, IPA, spacing modifiers), Latin Extended Additional (the Vietnamese
    /// precomposed letters, U+1E00–U+1EFF) and the dashes, quotes and ellipsis of General
    /// Punctuation (U+2010–U+2027) all qualify. Combining marks start at U+0300.
    static func isAlwaysComposed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x300, 0x1E00..<0x1F00, 0x2010..<0x2028: true
        default: false
        }
    }
}
