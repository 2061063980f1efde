/// The structure of one Vietnamese syllable: onset, vowel cluster, coda and tone.
///
/// Parsing works on lowercase toneless bases (`VietAlphabet`), so "Hoà", "hòa" and "HOÀ"
/// all parse to onset "h", vowels "oa", no coda, tone grave.
public struct Syllable: Sendable, Equatable {
    public var onset: [UInt16]
    public var vowels: [UInt16]
    public var coda: [UInt16]
    public var tone: Tone

    // Onsets, longest first, so that "ngh" wins over "ng" and "n".
    static let onsets: [[UInt16]] = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
        "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
    ].map { Array($0.utf16) }
    static let codas: Set<[UInt16]> = Set(["", "c", "ch", "m", "n", "ng", "nh", "p", "t"].map { Array($0.utf16) })
    static let stopCodas: Set<[UInt16]> = Set(["c", "ch", "p", "t"].map { Array($0.utf16) })

    static let u: UInt16 = 0x75, o: UInt16 = 0x6F, i: UInt16 = 0x69, y: UInt16 = 0x79
    static let g: UInt16 = 0x67, q: UInt16 = 0x71
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
        guard !bases.isEmpty else { return nil }
        self.tone = Tone(rawValue: tone) ?? .level

        var onsetLength = 0
        for candidate in Self.onsets where bases.starts(with: candidate) {
            onsetLength = candidate.count
            break
        }
        // "gi" and "qu" are onsets only when a vowel follows: "gì", "gìn" have vowel i.
        if onsetLength == 2, bases[0] == Self.g || bases[0] == Self.q {
            let followedByVowel = bases.count > 2 && VietAlphabet.vowelIndex(bases[2]) >= 0
            if !followedByVowel { onsetLength = bases[0] == Self.g ? 1 : 2 }
        }
        var index = onsetLength
        while index < bases.count, VietAlphabet.vowelIndex(bases[index]) >= 0 { index += 1 }
        guard index > onsetLength else { return nil }
        onset = Array(bases[0..<onsetLength])
        vowels = Array(bases[onsetLength..<index])
        coda = Array(bases[index...])
        guard Self.codas.contains(coda) else { return nil }
        repairShape()
    }

    /// Fixes a missing horn: "ưo" is always "ươ", and "uơ" followed by anything is "ươ"
    /// ("thuơng" → "thương"); open "uơ" stays ("thuở").
    private mutating func repairShape() {
        guard vowels.count >= 2 else { return }
        for index in 0..<(vowels.count - 1) {
            let first = vowels[index], second = vowels[index + 1]
            if first == Self.uHorn, second == Self.o {
                vowels[index + 1] = Self.oHorn
            } else if first == Self.u, second == Self.oHorn,
                      !coda.isEmpty || index + 2 < vowels.count {
                vowels[index] = Self.uHorn
            }
        }
    }

    /// Which vowel carries the tone, by one convention: a shaped vowel (the last one, so
    /// "ươ" marks ơ); else the last vowel of a closed syllable ("hoàn", "suýt"); else the
    /// middle of three ("ngoài", "khuỷu"); else the first ("hòa", "thủy", "mái").
    public var toneIndex: Int {
        if let shaped = vowels.lastIndex(where: { VietAlphabet.shapedVowels.contains($0) }) { return shaped }
        if !coda.isEmpty { return vowels.count - 1 }
        if vowels.count >= 3 { return 1 }
        return 0
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
        guard let syllable = Syllable(units: units) else { return units }
        return syllable.canonicalUnits
    }

    /// Whether a word is a well-formed Vietnamese syllable (onset, rhyme and tone rules).
    public static func isValid(_ word: String) -> Bool {
        Syllable(units: Array(word.utf16))?.isValid ?? false
    }
}
