import Testing
@testable import Retrieval

/// The term dictionary: per-kind lookups, bigrams by the pair of their sides' term numbers,
/// and bigrams that cannot be filed by pair.
@Suite struct TermDictionaryTests {
    /// Keys as the index stores them: kind byte, then text; numbered by position.
    static let keys = ["fgiay", "fto", "agiấy", "bgiay to", "fmat", "bto mat", "bgiay xyz", "ba b c", "fa b", "fc"]

    @Test(arguments: [
        (TermKind.folded, "giay", Int32?(0)), (.folded, "to", 1), (.folded, "mat", 4), (.folded, "giấy", nil),
        (.accented, "giấy", 2), (.accented, "giay", nil),
        (.bigram, "giay to", 3), (.bigram, "to mat", 5), (.bigram, "giay xyz", 6), (.bigram, "a b c", 7),
        (.bigram, "to giay", nil), (.bigram, "giay", nil), (.folded, "a b", 8),
    ])
    func lookupByKind(kind: TermKind, text: String, expected: Int32?) {
        #expect(TermDictionary(keys: Self.keys).id(kind, text) == expected)
    }

    @Test func bigramsWithKnownSides() {
        let dictionary = TermDictionary(keys: Self.keys)
        // Both sides known: found by pair.
        #expect(dictionary.bigram(left: "giay", 0, right: "to", 1) == 3)
        #expect(dictionary.bigram(left: "to", 1, right: "giay", 0) == nil)
        // A side that is no term ("xyz"): found by text.
        #expect(dictionary.bigram(left: "giay", 0, right: "xyz", nil) == 6)
        // A side with a space: "a b" + "c" and "a" + "b c" both spell "a b c".
        #expect(dictionary.bigram(left: "a b", 8, right: "c", 9) == 7)
        #expect(dictionary.bigram(left: "a", nil, right: "b c", nil) == 7)
        #expect(dictionary.bigram(left: "giay", right: "to") == 3)
    }

    @Test func countsDistinctTerms() {
        #expect(TermDictionary(keys: Self.keys).count == 10)
        #expect(TermDictionary(keys: ["fgiay", "fgiay", "bgiay giay", "bgiay giay"]).count == 2)
        #expect(TermDictionary(keys: []).count == 0)
    }
}
