import Testing
@testable import VietText

/// The syllable validity check (onset + rhyme + tone rules).
@Suite struct SyllableTests {
    @Test(arguments: ["thủ", "tục", "cấp", "lại", "người", "nghiêng", "giếng", "gì", "gìn", "quốc", "quyển", "khuỷu",
                      "hoàn", "suýt", "xoong", "oái", "uống", "yêu", "ngoằn", "thuở", "căn", "cước", "đăng", "ký", "kỹ", "tuýp"])
    func valid(_ word: String) {
        #expect(Syllable.isValid(VietString.normalize(word)))
    }

    @Test(arguments: ["thur", "tucj", "caaps", "ko", "dc", "ngi", "kan", "cy", "ghu", "quu", "tấc" + "h", "bàt", "hoax",
                      "cccd", "zalo", "đk", "online", "qu", "gh", "ưo"])
    func invalid(_ word: String) {
        #expect(!Syllable.isValid(word))
    }

    @Test func parsesOnsetVowelsCoda() throws {
        let syllable = try #require(Syllable(units: Array("Nghiêng".utf16)))
        #expect(String(decoding: syllable.onset, as: UTF16.self) == "ngh")
        #expect(String(decoding: syllable.vowels, as: UTF16.self) == "iê")
        #expect(String(decoding: syllable.coda, as: UTF16.self) == "ng")
        #expect(syllable.tone == .level)
        #expect(syllable.folded == "nghieng")
    }

    /// Nearly every syllable of real Vietnamese text must pass; what fails is loanwords,
    /// names and abbreviations.
    @Test(.enabled(if: SharedData.available, SharedData.skipReason))
    func wordSegmentationGoldIsMostlyValid() throws {
        var total = 0, valid = 0
        var invalid: [String: Int] = [:]
        for line in try SharedData.text("wordseg/vi_vtb_test.wordseg.txt").split(separator: "\n") {
            for word in line.split(separator: " ") {
                for syllable in word.split(separator: "_") where syllable.allSatisfy(\.isLetter) {
                    let normalized = VietString.normalize(String(syllable))
                    guard VietString.isVietnamese(normalized) else { continue }  // skip plain-ASCII tokens
                    total += 1
                    if Syllable.isValid(normalized) { valid += 1 } else { invalid[normalized, default: 0] += 1 }
                }
            }
        }
        let rate = Double(valid) / Double(max(total, 1))
        let worst = invalid.sorted { $0.value > $1.value }.prefix(15).map { "\($0.key)×\($0.value)" }
        #expect(total > 5000)
        #expect(rate > 0.998, "valid \(valid)/\(total); most frequent invalid: \(worst.joined(separator: ", "))")
    }
}
