/// The allocation-free core of syllable parsing and tone placement, shared by `Syllable`
/// and the analyzer's hot path.
extension Syllable {
    /// Splits lowercase toneless bases into onset, vowels and coda; returns the end of the
    /// onset and of the vowels, or nil when the letters are not a Vietnamese syllable shape.
    @inline(__always)
    static func split(count: Int, base: (Int) -> UInt16) -> (onsetEnd: Int, vowelEnd: Int)? {
        guard count > 0 else { return nil }
        @inline(__always) func at(_ offset: Int) -> UInt16 { offset < count ? base(offset) : 0 }
        @inline(__always) func isVowel(_ offset: Int) -> Bool { offset < count && VietAlphabet.vowelIndex(at(offset)) >= 0 }
        let onset: Int
        switch at(0) {
        case 0x63, 0x6B, 0x70: onset = at(1) == h ? 2 : 1                        // c ch, k kh, p ph
        case 0x74: onset = at(1) == h || at(1) == 0x72 ? 2 : 1                    // t th tr
        case 0x6E: onset = at(1) == g ? (at(2) == h ? 3 : 2) : (at(1) == h ? 2 : 1)  // n ng ngh nh
        case 0x67:                                                               // g gh gi
            if at(1) == h { onset = 2 }
            else if at(1) == i, isVowel(2) { onset = 2 }  // "gì", "gìn": the i is the vowel
            else { onset = 1 }
        case 0x71: onset = at(1) == u && isVowel(2) ? 2 : 1                      // qu
        case 0x62, 0x64, 0x111, 0x68, 0x6C, 0x6D, 0x72, 0x73, 0x76, 0x78: onset = 1
        default:
            guard VietAlphabet.vowelIndex(at(0)) >= 0 else { return nil }       // f j w z, digits
            onset = 0
        }
        var vowelEnd = onset
        while isVowel(vowelEnd) { vowelEnd += 1 }
        guard vowelEnd > onset else { return nil }
        switch count - vowelEnd {
        case 0: break
        case 1:
            guard [0x63, 0x6D, 0x6E, 0x70, 0x74].contains(at(vowelEnd)) else { return nil }  // c m n p t
        case 2:
            let first = at(vowelEnd), second = at(vowelEnd + 1)
            guard (first == 0x63 && second == h) || (first == 0x6E && (second == g || second == h)) else { return nil }
        default:
            return nil
        }
        return (onset, vowelEnd)
    }

    /// Fixes a missing horn: "ưo" is always "ươ", and "uơ" followed by anything is "ươ"
    /// ("thuơng" → "thương"); open "uơ" stays ("thuở").
    @inline(__always)
    static func repairShape(_ vowels: UnsafeMutableBufferPointer<UInt16>, hasCoda: Bool) {
        guard vowels.count >= 2 else { return }
        for index in 0..<(vowels.count - 1) {
            let first = vowels[index], second = vowels[index + 1]
            if first == uHorn, second == o {
                vowels[index + 1] = oHorn
            } else if first == u, second == oHorn, hasCoda || index + 2 < vowels.count {
                vowels[index] = uHorn
            }
        }
    }

    /// Which vowel carries the tone, by one convention: a shaped vowel (the last one, so
    /// "ươ" marks ơ); else the last vowel of a closed syllable ("hoàn", "suýt"); else the
    /// middle of three ("ngoài", "khuỷu"); else the first ("hòa", "thủy", "mái").
    @inline(__always)
    static func toneIndex(_ vowels: UnsafeBufferPointer<UInt16>, hasCoda: Bool) -> Int {
        var shaped = -1
        for index in 0..<vowels.count where VietAlphabet.shapedVowels.contains(vowels[index]) { shaped = index }
        if shaped >= 0 { return shaped }
        if hasCoda { return vowels.count - 1 }
        return vowels.count >= 3 ? 1 : 0
    }

    /// Rewrites a lowercase word in place with its tone in the canonical place and missing
    /// horns restored; leaves anything that is not a syllable untouched.
    /// - Complexity: O(n), no allocation.
    static func canonicalizeInPlace(_ units: inout [UInt16]) {
        let count = units.count
        guard count > 0, count <= 12 else { return }
        units.withUnsafeMutableBufferPointer { word in
            var tone: UInt8 = 0
            for index in 0..<count {
                let entry = VietAlphabet.lookup(word[index])
                if entry.base == 0 { return }
                if entry.tone != 0 { tone = entry.tone }  // the last mark wins: "tìên" has one
            }
            guard let (onsetEnd, vowelEnd) = split(count: count, base: { VietAlphabet.lookup(word[$0]).base }) else { return }
            for index in 0..<count { word[index] = VietAlphabet.lookup(word[index]).base }
            let vowels = UnsafeMutableBufferPointer(rebasing: word[onsetEnd..<vowelEnd])
            repairShape(vowels, hasCoda: vowelEnd < count)
            if tone != 0 {
                let mark = toneIndex(UnsafeBufferPointer(vowels), hasCoda: vowelEnd < count)
                vowels[mark] = VietAlphabet.compose(vowel: VietAlphabet.vowelIndex(vowels[mark]), tone: tone)
            }
        }
    }
}
