import Testing
@testable import VietText

/// One canonical tone placement for the accent-preserving key.
@Suite struct TonePlacementTests {
    @Test(arguments: [
        // old and new placement meet
        ("hoà", "hòa"), ("hòa", "hòa"), ("thuỷ", "thủy"), ("thủy", "thủy"), ("khoẻ", "khỏe"),
        ("hoá", "hóa"), ("huỷ", "hủy"), ("tuý", "túy"), ("HOÀ", "hòa"), ("HoÀ", "hòa"),
        // closed syllables and qu/gi initials are never rewritten
        ("hoàn", "hoàn"), ("suýt", "suýt"), ("huỳnh", "huỳnh"), ("quý", "quý"), ("quỳnh", "quỳnh"),
        ("già", "già"), ("giữ", "giữ"), ("khuỷu", "khuỷu"), ("ngoài", "ngoài"), ("khoét", "khoét"),
        // misplaced marks repaired
        ("lựơng", "lượng"), ("tìên", "tiền"), ("qúy", "quý"), ("Gíúp", "giúp"), ("đuợc", "được"),
        ("thuơng", "thương"), ("bưóc", "bước"), ("búơc", "bước"), ("Baì", "bài"), ("DÀÌ", "dài"),
        // open uơ stays; non-syllables untouched
        ("thuở", "thuở"), ("huơ", "huơ"), ("cccd", "cccd"), ("zalo", "zalo"), ("2025", "2025"),
    ])
    func canonicalForm(input: String, expected: String) {
        #expect(VietString.normalize(input) == expected)
    }

    @Test func pairsThatMustNotCollide() {
        #expect(VietString.normalize("suýt") != VietString.normalize("sút"))
        #expect(VietString.normalize("hoàn") != VietString.normalize("hòn"))
    }

    @Test func normalizedTextCollapsesSpaceAndInvisibles() {
        let input = "  NGUYE\u{0302}\u{0303}N  THI\u{0323}\u{00A0}HOA\u{0300}\u{200B}  "
        #expect(VietString.normalize(input) == "nguyễn thị hòa")
    }

    @Test(.enabled(if: SharedData.available, SharedData.skipReason))
    func viTextmatchVectors() throws {
        let rows = try SharedData.tsv("normalize/vi-textmatch/tone_normalize_vectors.tsv")
        #expect(rows.count == 45)
        for row in rows {
            let input = SharedData.unescape(row[1]), expected = row[2]
            #expect(VietString.normalize(input) == expected, "\(row[0]): \(row[1])")
        }
        for row in try SharedData.tsv("normalize/vi-textmatch/must_not_collide.tsv") {
            #expect(VietString.normalize(row[0]) != VietString.normalize(row[1]), "\(row[0]) / \(row[1])")
        }
    }

    /// The underthesea spelling map is the oracle: every pair that differs only in marks must
    /// meet under our own placement rules.
    @Test(.enabled(if: SharedData.available, SharedData.skipReason))
    func undertheseaSameBaseLetterPairs() throws {
        let rows = try SharedData.tsv("normalize/underthesea/token_map.tsv").filter { $0.count == 3 && $0[2] == "same_base_letters" }
        #expect(rows.count == 2838)
        var failures: [String] = []
        for row in rows where VietString.normalize(row[0]) != VietString.normalize(row[1]) {
            failures.append("\(row[0]) → \(VietString.normalize(row[0])), expected \(VietString.normalize(row[1]))")
        }
        #expect(failures.isEmpty, "\(failures.count) pairs differ: \(failures.prefix(20).joined(separator: "; "))")
    }
}
