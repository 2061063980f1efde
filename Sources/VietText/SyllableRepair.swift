/// Reads tokens typed with telex or VNI keystrokes that the keyboard never converted:
/// "thur tucj caaps laij" → "thủ tục cấp lại", "thu3 tu5c" → "thủ tục".
///
/// A repair is offered only for a token that is not a valid syllable and only when the
/// result is one, so real words are never rewritten.
public enum SyllableRepair {
    static let telexTones: [Character: Tone] = ["s": .acute, "f": .grave, "r": .hook, "x": .tilde, "j": .dot, "z": .level]
    static let vniTones: [Character: Tone] = ["1": .acute, "2": .grave, "3": .hook, "4": .tilde, "5": .dot, "0": .level]

    /// The telex reading of a lowercase ASCII token, or nil.
    public static func telex(_ word: String) -> String? {
        // Cheap rejections first: only ASCII letters, and some telex key must be present.
        // One pass over the bytes in place (most tokens of every query come through here).
        func mayBeTelex(_ bytes: some Collection<UInt8>) -> Bool {
            guard bytes.count >= 2 else { return false }
            var keys = false, doubled = false, previous: UInt8 = 0
            for byte in bytes {
                guard byte >= 0x61 && byte <= 0x7A else { return false }
                if byte == 0x73 || byte == 0x66 || byte == 0x72 || byte == 0x78 || byte == 0x6A || byte == 0x7A || byte == 0x77 { keys = true }
                if byte == previous && (byte == 0x61 || byte == 0x65 || byte == 0x6F || byte == 0x64) { doubled = true }
                previous = byte
            }
            return keys || doubled
        }
        // "ddăng": the keyboard converted the tone and vowel but left the "dd" of đ.
        if word.utf8.starts(with: [0x64, 0x64]), word.utf8.contains(where: { $0 >= 0x80 }) {
            let candidate = "đ" + word.dropFirst(2)
            return Syllable.isValid(candidate) ? candidate : nil
        }
        guard word.utf8.withContiguousStorageIfAvailable(mayBeTelex) ?? mayBeTelex(word.utf8) else { return nil }
        // A pure function of the word, asked about the same few thousand words again and again.
        let packed = word.utf8.withContiguousStorageIfAvailable(RepairCache.pack) ?? nil
        if let (low, high) = packed, let known = RepairCache.current.lookup(low, high) { return known }
        let repair = Syllable.isValid(word) ? nil : telexReading(word)
        if let (low, high) = packed { RepairCache.current.store(low, high, repair: repair) }
        return repair
    }

    /// The telex reading of a word that may be telex and is not a syllable, or nil.
    private static func telexReading(_ word: String) -> String? {
        var letters: [Character] = []
        var tone: Tone = .level
        var sawVowel = false
        var changed = false
        for character in word {
            if sawVowel, let mark = telexTones[character] {
                tone = mark
                changed = true
                continue
            }
            if let last = letters.last {
                switch (last, character) {
                case ("a", "a"): letters[letters.count - 1] = "â"; changed = true; continue
                case ("e", "e"): letters[letters.count - 1] = "ê"; changed = true; continue
                case ("o", "o"): letters[letters.count - 1] = "ô"; changed = true; continue
                case ("d", "d"): letters[letters.count - 1] = "đ"; changed = true; continue
                case ("a", "w"): letters[letters.count - 1] = "ă"; changed = true; continue
                case ("o", "w"): letters[letters.count - 1] = "ơ"; changed = true; continue
                case ("u", "w"): letters[letters.count - 1] = "ư"; changed = true; continue
                default: break
                }
            }
            if character == "w" {
                letters.append("ư")
                changed = true
                sawVowel = true
                continue
            }
            if "aeiouy".contains(character) { sawVowel = true }
            letters.append(character)
        }
        // "uow" typed for ươ leaves "uơ"; Syllable repairs the missing horn.
        return changed ? compose(letters, tone: tone) : nil
    }

    /// The VNI reading of a lowercase token of letters and digits, or nil.
    public static func vni(_ word: String) -> String? {
        func hasDigit(_ bytes: some Sequence<UInt8>) -> Bool { bytes.contains { $0 >= 0x30 && $0 <= 0x39 } }
        guard word.utf8.withContiguousStorageIfAvailable(hasDigit) ?? hasDigit(word.utf8), word.contains(where: { $0.isASCII && $0.isNumber }), word.contains(where: \.isLetter),
              word.first?.isLetter == true, word.filter(\.isLetter).count >= 2,
              word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        var letters: [Character] = []
        var tone: Tone = .level
        for character in word {
            if let mark = vniTones[character] { tone = mark; continue }
            guard character.isLetter else {
                guard apply(vniShape: character, to: &letters) else { return nil }
                continue
            }
            letters.append(character)
        }
        return compose(letters, tone: tone)
    }

    /// Applies VNI 6 (circumflex), 7 (horn), 8 (breve), 9 (stroke) to the nearest letter.
    private static func apply(vniShape digit: Character, to letters: inout [Character]) -> Bool {
        let table: [Character: [Character: Character]] = [
            "6": ["a": "â", "e": "ê", "o": "ô"], "7": ["o": "ơ", "u": "ư"],
            "8": ["a": "ă"], "9": ["d": "đ"],
        ]
        guard let mapping = table[digit],
              let index = letters.lastIndex(where: { mapping[$0] != nil }) else { return false }
        letters[index] = mapping[letters[index]]!
        // "uo7" marks both: ươ.
        if digit == "7", letters[index] == "ơ", index > 0, letters[index - 1] == "u" { letters[index - 1] = "ư" }
        return true
    }

    private static func compose(_ letters: [Character], tone: Tone) -> String? {
        let base = String(letters)
        guard var syllable = Syllable(units: Array(base.utf16)) else { return nil }
        syllable.tone = tone
        guard syllable.isValid else { return nil }
        return syllable.canonical
    }
}
