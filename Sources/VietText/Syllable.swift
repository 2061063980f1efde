/// The structure of one Vietnamese syllable: onset, vowel cluster, coda and tone.
///
/// Parsing works on lowercase toneless bases (`VietAlphabet`), so "Hoà", "hòa" and "HOÀ"
/// all parse to onset "h", vowels "oa", no coda, tone grave.
public struct Syllable: Sendable, Equatable {
    public var onset: [UInt16]
    public var vowels: [UInt16]
    public var coda: [UInt16]
    public var tone: Tone

    static let stopCodas: Set<[UInt16]> = Set(["c", "ch", "p", "t"].map { Array($0.utf16) })

    static let u: UInt16 = 0x75, o: UInt16 = 0x6F, i: UInt16 = 0x69, y: UInt16 = 0x79
    static let g: UInt16 = 0x67, q: UInt16 = 0x71, h: UInt16 = 0x68
    static let oHorn: UInt16 = 0x1A1, uHorn: UInt16 = 0x1B0

    /// Parses lowercase (or mixed-case) letters of one syllable; nil when the letters are not
    /// Vietnamese or do not split into onset + vowels + coda.
    public init?(units: some Collection<UInt16>) {
        var bases: [UInt16] = []
        bases.reserveCapacity(units.count)
        var tone: UInt8 = 0
        for unit in units {
            let entry = VietAlphabet.lookup(unit)
            if entry.base == 0 { return nil }
            if entry.tone != 0 { tone = entry.tone }  // the last mark wins: "tìên" has one
            bases.append(entry.base)
        }
        guard let (onsetEnd, vowelEnd) = Self.split(count: bases.count, base: { bases[$0] }) else { return nil }
        self.tone = Tone(rawValue: tone) ?? .level
        onset = Array(bases[0..<onsetEnd])
        vowels = Array(bases[onsetEnd..<vowelEnd])
        coda = Array(bases[vowelEnd...])
        repairShape()
    }

    private mutating func repairShape() {
        let hasCoda = !coda.isEmpty
        vowels.withUnsafeMutableBufferPointer { Self.repairShape($0, hasCoda: hasCoda) }
    }

    /// Which vowel carries the tone (see `toneIndex(_:hasCoda:)`).
    public var toneIndex: Int {
        vowels.withUnsafeBufferPointer { Self.toneIndex($0, hasCoda: !coda.isEmpty) }
    }

    /// The syllable written in lowercase with the tone in its canonical place.
    public var canonicalUnits: [UInt16] {
        var result = onset
        result.reserveCapacity(onset.count + vowels.count + coda.count)
        let mark = toneIndex
        for (index, base) in vowels.enumerated() {
            if index == mark, tone != .level {
                result.append(VietAlphabet.compose(vowel: VietAlphabet.vowelIndex(base), tone: tone.rawValue))
            } else {
                result.append(base)
            }
        }
        result.append(contentsOf: coda)
        return result
    }

    /// The canonical lowercase form as a string.
    public var canonical: String { String(decoding: canonicalUnits, as: UTF16.self) }

    /// The folded key: no tone, no shape marks, đ → d.
    public var folded: String {
        String(decoding: (onset + vowels + coda).map(VietAlphabet.foldBase), as: UTF16.self)
    }
}

extension Syllable {
    /// Canonical tone placement for one lowercase token; tokens that are not a Vietnamese
    /// syllable come back unchanged.
    public static func canonicalize(_ units: [UInt16]) -> [UInt16] {
        var result = units
        canonicalizeInPlace(&result)
        return result
    }

    /// Whether a word is a well-formed Vietnamese syllable (onset, rhyme and tone rules).
    public static func isValid(_ word: String) -> Bool {
        Syllable(units: Array(word.utf16))?.isValid ?? false
    }
}
