import Foundation

/// Tone marks of Vietnamese, in the order of the combining marks that carry them.
public enum Tone: UInt8, Sendable, CaseIterable {
    case level = 0      // ngang
    case grave = 1      // huyền  U+0300
    case acute = 2      // sắc    U+0301
    case hook = 3       // hỏi    U+0309
    case tilde = 4      // ngã    U+0303
    case dot = 5        // nặng   U+0323

    /// The combining mark for this tone, or nil for the level tone.
    public var combiningMark: Unicode.Scalar? {
        switch self {
        case .level: nil
        case .grave: "\u{0300}"
        case .acute: "\u{0301}"
        case .hook: "\u{0309}"
        case .tilde: "\u{0303}"
        case .dot: "\u{0323}"
        }
    }
}

/// Lookup tables for Vietnamese letters over UTF-16 code units.
///
/// Every precomposed Vietnamese letter (a vowel with its shape mark and tone) is described as
/// its toneless lowercase base plus a tone, so the analyzer can lowercase, move tones and
/// fold with one table lookup per code unit instead of calling ICU.
public enum VietAlphabet {
    /// The twelve vowel bases, toneless and lowercase: a ă â e ê i o ô ơ u ư y.
    public static let vowelBases: [UInt16] = [0x61, 0x103, 0xE2, 0x65, 0xEA, 0x69, 0x6F, 0xF4, 0x1A1, 0x75, 0x1B0, 0x79]
    /// ASCII fold of each vowel base.
    static let vowelFolds: [UInt16] = [0x61, 0x61, 0x61, 0x65, 0x65, 0x69, 0x6F, 0x6F, 0x6F, 0x75, 0x75, 0x79]
    /// Vowel bases that carry a shape mark (ă â ê ô ơ ư): the tone goes on them.
    static let shapedVowels: Set<UInt16> = [0x103, 0xE2, 0xEA, 0xF4, 0x1A1, 0x1B0]

    static let dStroke: UInt16 = 0x111      // đ
    static let capitalDStroke: UInt16 = 0x110
    static let eth: UInt16 = 0xF0           // ð, a legacy stand-in for đ
    static let capitalEth: UInt16 = 0xD0

    /// Code units below this bound are covered by the tables.
    static let tableSize = 0x1F00

    /// What the table knows about one code unit.
    struct Info {
        /// The lowercase toneless base (for a vowel) or the lowercase letter; 0 when unknown.
        var base: UInt16 = 0
        /// Index into `vowelBases`, or -1 for a non-vowel.
        var vowel: Int8 = -1
        var tone: UInt8 = 0
        var isUpper = false
    }

    static let info: [Info] = buildInfo()
    /// `composed[vowel * 6 + tone]` is the lowercase precomposed letter.
    static let composed: [UInt16] = buildComposed()

    /// The table entry for a code unit; a default (unknown) entry outside the table.
    @inline(__always)
    static func lookup(_ unit: UInt16) -> Info {
        Int(unit) < tableSize ? info[Int(unit)] : Info()
    }

    /// The lowercase precomposed letter for a vowel index and tone.
    @inline(__always)
    static func compose(vowel: Int, tone: UInt8) -> UInt16 {
        composed[vowel * 6 + Int(tone)]
    }

    /// The tone of a combining tone mark, or nil for any other code unit.
    @inline(__always)
    static func tone(ofMark unit: UInt16) -> UInt8? {
        switch unit {
        case 0x300: 1
        case 0x301: 2
        case 0x309: 3
        case 0x303: 4
        case 0x323: 5
        default: nil
        }
    }

    /// Folds a stray combining tone mark (one NFC could not compose, as in "ế" + U+0301) into
    /// the last vowel of a lowercase run: it takes the tone if it has none and is dropped if
    /// it has one. Returns false when the run has no vowel to carry it.
    static func absorb(toneMark unit: UInt16, into run: inout [UInt16]) -> Bool {
        guard let tone = tone(ofMark: unit),
              let index = run.lastIndex(where: { lookup($0).vowel >= 0 }) else { return false }
        let entry = lookup(run[index])
        if entry.tone == 0 { run[index] = compose(vowel: Int(entry.vowel), tone: tone) }
        return true
    }

    /// Whether a code unit is a combining mark of the blocks Latin text uses. A syllable
    /// followed by one is left as NFC wrote it: moving its tone could change what composes.
    @inline(__always)
    static func isCombiningMark(_ unit: UInt16) -> Bool {
        (0x300...0x36F).contains(unit) || (0x1AB0...0x1AFF).contains(unit) || (0x1DC0...0x1DFF).contains(unit)
            || (0x20D0...0x20FF).contains(unit) || (0xFE20...0xFE2F).contains(unit)
    }

    /// The vowel index of a toneless lowercase base, or -1.
    @inline(__always)
    static func vowelIndex(_ base: UInt16) -> Int {
        Int(lookup(base).vowel)
    }

    /// The ASCII fold of a lowercase toneless base (đ → d, ơ → o); other units unchanged.
    @inline(__always)
    static func foldBase(_ base: UInt16) -> UInt16 {
        if base == dStroke || base == eth { return 0x64 }
        let entry = lookup(base)
        return entry.vowel >= 0 ? vowelFolds[Int(entry.vowel)] : base
    }

    private static func scalarUnit(_ string: String) -> UInt16 {
        let utf16 = Array(string.precomposedStringWithCanonicalMapping.utf16)
        precondition(utf16.count == 1, "Vietnamese letter \(string) must compose to one code unit")
        return utf16[0]
    }

    private static func buildComposed() -> [UInt16] {
        var table = [UInt16](repeating: 0, count: vowelBases.count * 6)
        for (index, base) in vowelBases.enumerated() {
            for tone in Tone.allCases {
                var text = String(Character(Unicode.Scalar(base)!))
                if let mark = tone.combiningMark { text.unicodeScalars.append(mark) }
                table[index * 6 + Int(tone.rawValue)] = scalarUnit(text)
            }
        }
        return table
    }

    private static func buildInfo() -> [Info] {
        var table = [Info](repeating: Info(), count: tableSize)
        for letter in UInt16(0x61)...UInt16(0x7A) {
            table[Int(letter)] = Info(base: letter)
            table[Int(letter - 0x20)] = Info(base: letter, isUpper: true)
        }
        table[Int(dStroke)] = Info(base: dStroke)
        table[Int(capitalDStroke)] = Info(base: dStroke, isUpper: true)
        // ð/Ð are repaired to đ: legacy Vietnamese data typed ETH for D WITH STROKE.
        table[Int(eth)] = Info(base: dStroke)
        table[Int(capitalEth)] = Info(base: dStroke, isUpper: true)
        let composedTable = buildComposed()
        for (index, base) in vowelBases.enumerated() {
            for tone in Tone.allCases {
                let lower = composedTable[index * 6 + Int(tone.rawValue)]
                let lowerText = String(decoding: [lower], as: UTF16.self)
                let upper = scalarUnit(lowerText.uppercased())
                let entry = Info(base: base, vowel: Int8(index), tone: tone.rawValue)
                table[Int(lower)] = entry
                var upperEntry = entry
                upperEntry.isUpper = true
                table[Int(upper)] = upperEntry
            }
        }
        return table
    }
}
