/// Normalizes and folds one word: the per-token hot path of the analyzer.
///
/// Vietnamese letters, ASCII letters and digits go through `VietAlphabet`'s tables; any other
/// code unit (combining marks, full-width forms, other scripts) sends the word through ICU's
/// NFKC-casefold first, so both paths give ICU's answer.
public enum WordNormalizer {
    /// NFKC-casefold, ð → đ, then canonical tone placement when the word is a syllable.
    /// - Complexity: O(n), no ICU call for Vietnamese or ASCII words.
    public static func normalize(_ units: ArraySlice<UInt16>) -> [UInt16] {
        var output: [UInt16] = []
        output.reserveCapacity(units.count)
        if lowercaseFast(units, into: &output) {
            Syllable.canonicalizeInPlace(&output)
            return output
        }
        do {
            let casefolded = (try? ICU.normalize(Array(units), form: .nfkcCasefold)) ?? Array(units)
            output.removeAll(keepingCapacity: true)
            for unit in casefolded {
                let entry = VietAlphabet.lookup(unit)
                if entry.vowel >= 0 { output.append(VietAlphabet.compose(vowel: Int(entry.vowel), tone: entry.tone)) }
                else if entry.base != 0 { output.append(entry.base) }
                else if !VietAlphabet.absorb(toneMark: unit, into: &output) { output.append(unit) }
            }
        }
        // As in `VietString.normalize`: recompose what tone placement may have uncovered.
        let placed = output.contains(where: VietAlphabet.isCombiningMark) ? output : Syllable.canonicalize(output)
        return (try? ICU.normalize(placed, form: .nfc)) ?? placed
    }

    /// Lowercases through the tables; false when a unit needs ICU.
    @inline(__always)
    private static func lowercaseFast(_ units: ArraySlice<UInt16>, into output: inout [UInt16]) -> Bool {
        for unit in units {
            if unit >= 0x30 && unit <= 0x39 { output.append(unit); continue }
            let entry = VietAlphabet.lookup(unit)
            if entry.base == 0 { return false }
            if entry.vowel >= 0 {
                output.append(entry.isUpper ? VietAlphabet.compose(vowel: Int(entry.vowel), tone: entry.tone) : unit)
            } else {
                output.append(entry.base)
            }
        }
        return true
    }

    /// The accentless key of a normalized word: tones and shape marks dropped, đ/ð → d;
    /// letters outside Vietnamese lose their combining marks through ICU's NFD.
    public static func fold(_ units: [UInt16]) -> [UInt16] {
        var output: [UInt16] = []
        output.reserveCapacity(units.count)
        for unit in units {
            if unit < 0x80 { output.append(unit); continue }
            let entry = VietAlphabet.lookup(unit)
            if entry.base != 0 {
                output.append(VietAlphabet.foldBase(entry.base))
            } else {
                return foldSlow(units)
            }
        }
        return output
    }

    private static func foldSlow(_ units: [UInt16]) -> [UInt16] {
        let decomposed = (try? ICU.normalize(units, form: .nfd)) ?? units
        var stripped: [UInt16] = []
        stripped.reserveCapacity(decomposed.count)
        for unit in decomposed where !(unit >= 0x300 && unit <= 0x36F) {
            let entry = VietAlphabet.lookup(unit)
            stripped.append(entry.base != 0 ? VietAlphabet.foldBase(entry.base) : unit)
        }
        return (try? ICU.normalize(stripped, form: .nfc)) ?? stripped
    }
}
