/// Vietnamese spelling rules: which rhymes exist, which onsets go before which vowels, and
/// which tones a closed syllable may take. Used to decide whether a typed token needs repair
/// (telex, VNI) and, later, for "did you mean".
extension Syllable {
    /// Every rhyme (vowels + coda, toneless, lowercase) of standard Vietnamese spelling.
    static let rhymes: Set<[UInt16]> = {
        var set = Set<String>()
        func add(_ nucleus: String, _ codas: String) {
            for coda in codas.split(separator: " ", omittingEmptySubsequences: false) {
                set.insert(nucleus + coda)
            }
        }
        // Nucleus followed by the codas it allows ("" = open).
        add("a", " c ch m n ng nh p t i o u y")
        add("ă", "c m n ng p t")
        add("â", "c m n ng p t u y")
        add("e", " c m n ng p t o")
        add("ê", " ch m n nh p t u")
        add("i", " ch m n nh p t a u")
        add("iê", "c m n ng p t u")
        add("yê", "c m n ng p t u")
        add("y", "")
        add("o", " c m n ng p t i")
        add("oo", "c ng")
        add("ô", " c m n ng p t i")
        add("ơ", " m n p t i")
        add("u", " c m n ng p t a i y")
        add("uô", "c i m n ng t")
        add("ư", " c m n ng t a i u")
        add("ươ", "c i m n ng p t u")
        add("oa", " c ch i m n ng nh p t o y")
        add("oă", "c m n ng t")
        add("oe", " c n t o")
        add("uâ", "n ng t y")
        add("uê", " ch n nh")
        add("uơ", "")
        add("uy", " a ch n nh p t u")
        add("uyê", "n t")
        return Set(set.map { Array($0.utf16) })
    }()

    static let giOnset: [UInt16] = Array("gi".utf16)
    static let k: UInt16 = 0x6B, e: UInt16 = 0x65, eCircumflex: UInt16 = 0xEA
    static let frontVowels: Set<UInt16> = [0x69, 0x65, 0xEA, 0x79]  // i e ê y

    /// Whether this parse is a well-formed syllable.
    public var isValid: Bool {
        let rhyme = vowels + coda
        // "giếng" is gi + iê + ng with the i written once: look the rhyme up with it.
        let spelled = onset == Self.giOnset && !Self.rhymes.contains(rhyme) ? [Self.i] + rhyme : rhyme
        guard Self.rhymes.contains(spelled) else { return false }
        if Self.stopCodas.contains(coda), tone != .acute, tone != .dot { return false }
        let first = vowels[0]
        let onsetText = String(decoding: onset, as: UTF16.self)
        switch onsetText {
        case "k", "gh", "ngh":
            return Self.frontVowels.contains(first)
        case "c", "ng":
            return !Self.frontVowels.contains(first)
        case "g":
            // "gì", "gìn" spell the onset gi with vowel i; g never stands before e/ê/y.
            return first == Self.i || !Self.frontVowels.contains(first)
        case "qu":
            // After qu the u is the glide: "quoa" or "quu" do not exist.
            return first != Self.u && first != Self.uHorn && first != Self.o
        case "gi":
            return first != Self.i
        case "q":
            return false  // q is only ever written qu
        default:
            return true
        }
    }
}
