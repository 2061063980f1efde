import VietText

/// Term numbers by kind and text, found without building a prefixed key.
///
/// A query looks up a few dozen terms; with one dictionary keyed by "kind byte + text" every
/// lookup built a new string and hashed it, and every phrase built "left right" first. Here
/// each kind has its own dictionary, and a bigram of two known folded syllables is found by
/// the pair of their term numbers, so a phrase costs one integer hash.
///
///     let dictionary = TermDictionary(keys: ["fgiay", "fto", "bgiay to"])
///     dictionary.folded("giay")                          // 0
///     dictionary.bigram(left: "giay", 0, right: "to", 1) // 2
///
/// - Complexity: O(1) per lookup; building is O(terms).
struct TermDictionary: Sendable {
    /// Syllables by their bytes (`StringTable`): a query looks up each of its syllables in both spaces.
    private let foldedTerms: StringTable<Int32>
    private let accentedTerms: StringTable<Int32>
    /// Bigrams of two folded syllables that are terms themselves, by their packed term numbers.
    private let pairs: [UInt64: Int32]
    /// Every other bigram by its text (a side that is not a folded term, or a side with a space).
    private let otherBigrams: StringTable<Int32>

    /// The dictionary of index keys (`TermKind.key`), numbered by their position.
    init(keys: [String]) {
        var folded: [String: Int32] = [:], accented: [String: Int32] = [:]
        var pairs: [UInt64: Int32] = [:], otherBigrams: [String: Int32] = [:]
        var bigrams: [(text: String, id: Int32)] = []
        for (id, key) in keys.enumerated() {
            let (kind, text) = TermKind.split(key)
            switch kind {
            case .folded: folded[text] = Int32(id)
            case .accented: accented[text] = Int32(id)
            case .bigram: bigrams.append((text, Int32(id)))
            }
        }
        // Folded syllables first: a bigram is filed by pair only when both sides are terms.
        for (text, id) in bigrams {
            let sides = text.split(separator: " ", omittingEmptySubsequences: false)
            if sides.count == 2, let left = folded[String(sides[0])], let right = folded[String(sides[1])] {
                pairs[Self.pack(left, right)] = id
            } else {
                otherBigrams[text] = id
            }
        }
        foldedTerms = StringTable(folded)
        accentedTerms = StringTable(accented)
        self.pairs = pairs
        self.otherBigrams = StringTable(otherBigrams)
    }

    /// Distinct terms held (fewer than the keys when a key appears twice).
    var count: Int { foldedTerms.count + accentedTerms.count + pairs.count + otherBigrams.count }

    /// The term number of a folded syllable.
    @inline(__always)
    func folded(_ text: String) -> Int32? { foldedTerms[text] }

    /// The term number of an accented syllable.
    @inline(__always)
    func accented(_ text: String) -> Int32? { accentedTerms[text] }

    /// The term number of the bigram "left right", given the sides' folded term numbers when the
    /// caller already has them (nil when a side is not a term).
    func bigram(left: String, _ leftID: Int32?, right: String, _ rightID: Int32?) -> Int32? {
        if let leftID, let rightID, !Self.hasSpace(left), !Self.hasSpace(right) {
            // Both sides are space-free terms: the bigram, if indexed, was filed by pair.
            return pairs[Self.pack(leftID, rightID)]
        }
        return otherBigrams.count == 0 ? nil : otherBigrams[left + " " + right]
    }

    /// The term number of the bigram "left right".
    func bigram(left: String, right: String) -> Int32? {
        bigram(left: left, foldedTerms[left], right: right, foldedTerms[right])
    }

    /// The term number of a term of any kind; a bigram's text is "left right".
    func id(_ kind: TermKind, _ text: String) -> Int32? {
        switch kind {
        case .folded: return foldedTerms[text]
        case .accented: return accentedTerms[text]
        case .bigram:
            let sides = text.split(separator: " ", omittingEmptySubsequences: false)
            guard sides.count == 2 else { return otherBigrams[text] }
            return bigram(left: String(sides[0]), right: String(sides[1]))
        }
    }

    /// Whether a text holds a space, read in place (the generic `UTF8View` scan cost more than
    /// the pair lookup it guards).
    @inline(__always)
    private static func hasSpace(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.contains(0x20) } ?? text.utf8.contains(0x20)
    }

    @inline(__always)
    private static func pack(_ left: Int32, _ right: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: left)) << 32 | UInt64(UInt32(bitPattern: right))
    }
}
