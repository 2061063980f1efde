/// Whole-string transforms: the normalized text, search keys, and the vn-text conformance
/// functions (deaccent, stripStroke, repairMojibake, isVietnamese).
public enum VietString {
    /// NFKC-casefold (full-width forms, ligatures, NBSP and zero-width characters), ð → đ,
    /// canonical tone placement in every syllable, whitespace collapsed and trimmed.
    public static func normalize(_ text: String) -> String {
        var (units, hadMarks) = normalizeOnce(Array(text.utf16))
        // Stacked combining marks that NFC cannot compose ("ạ" + U+0300 + U+0302) can settle
        // differently on a second pass; repeat until stable so normalization is idempotent.
        var rounds = 0
        while hadMarks, rounds < 4 {
            let again = normalizeOnce(units)
            if again.units == units { break }
            (units, hadMarks) = again
            rounds += 1
        }
        return UTF16Text.string(units)
    }

    private static func normalizeOnce(_ input: [UInt16]) -> (units: [UInt16], hadMarks: Bool) {
        let casefolded = (try? ICU.normalize(input, form: .nfkcCasefold)) ?? input
        let hadMarks = casefolded.contains(where: VietAlphabet.isCombiningMark)
        var output: [UInt16] = []
        output.reserveCapacity(casefolded.count)
        var run: [UInt16] = []
        var pendingSpace = false
        func flushRun(beforeMark: Bool = false) {
            guard !run.isEmpty else { return }
            if pendingSpace, !output.isEmpty { output.append(0x20) }
            pendingSpace = false
            output.append(contentsOf: beforeMark ? run : Syllable.canonicalize(run))
            run.removeAll(keepingCapacity: true)
        }
        for unit in casefolded {
            let entry = VietAlphabet.lookup(unit)
            if entry.base != 0 {
                run.append(entry.vowel >= 0 ? VietAlphabet.compose(vowel: Int(entry.vowel), tone: entry.tone) : entry.base)
                continue
            }
            if !run.isEmpty, VietAlphabet.absorb(toneMark: unit, into: &run) { continue }
            flushRun(beforeMark: VietAlphabet.isCombiningMark(unit))
            if AnalysisInput.isSpace(unit) {
                pendingSpace = true
            } else {
                if pendingSpace, !output.isEmpty { output.append(0x20) }
                pendingSpace = false
                output.append(unit)
            }
        }
        flushRun()
        // Moving a tone can put a base letter next to a combining mark it composes with
        // ("íu" + U+0306): recompose whenever a unit outside the tables is present.
        if output.contains(where: { $0 >= 0x300 && VietAlphabet.lookup($0).base == 0 }) {
            output = (try? ICU.normalize(output, form: .nfc)) ?? output
        }
        return (output, hadMarks)
    }

    /// The accentless form of normalized text (punctuation kept): marks dropped, đ → d.
    public static func foldKey(_ normalized: String) -> String {
        UTF16Text.string(WordNormalizer.fold(Array(normalized.utf16)))
    }

    /// A search key: normalized, folded, every run of non-alphanumerics one space, trimmed.
    /// Unlike vn-text's `fold`, ETH folds to d (legacy Vietnamese data typed ð for đ) and
    /// compatibility forms fold too (full-width "ＣＣＣＤ" → "cccd").
    public static func searchKey(_ text: String) -> String {
        let folded = foldKey(normalize(text))
        var output = ""
        output.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        for character in folded {
            if character.isLetter || character.isNumber {
                if pendingSpace, !output.isEmpty { output.append(" ") }
                pendingSpace = false
                output.append(character)
            } else {
                pendingSpace = true
            }
        }
        return output
    }

    /// Removes combining marks U+0300–U+036F after NFD and recomposes; case, đ, ETH and
    /// punctuation are untouched (vn-text `deaccent`).
    public static func deaccent(_ text: String) -> String {
        guard let decomposed = try? ICU.normalize(Array(text.utf16), form: .nfd) else { return text }
        let stripped = decomposed.filter { !($0 >= 0x300 && $0 <= 0x36F) }
        return String(decoding: (try? ICU.normalize(stripped, form: .nfc)) ?? stripped, as: UTF16.self)
    }

    /// Đ → D and đ → d only (vn-text `stripStroke`).
    public static func stripStroke(_ text: String) -> String {
        String(text.map { $0 == "Đ" ? "D" : $0 == "đ" ? "d" : $0 })
    }

    /// Ð (ETH) → Đ and ð → đ, the legacy-data repair (vn-text `repairMojibake`).
    public static func repairMojibake(_ text: String) -> String {
        String(text.map { $0 == "Ð" ? "Đ" : $0 == "ð" ? "đ" : $0 })
    }

    /// NFC (vn-text `normalize`).
    public static func nfc(_ text: String) -> String { ICU.normalize(text, form: .nfc) }

    /// True when the text has đ/Đ or a letter of the Vietnamese extension block U+1EA0–U+1EF9.
    public static func isVietnamese(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "đ" || $0 == "Đ" || (0x1EA0...0x1EF9).contains($0.value) }
    }
}
