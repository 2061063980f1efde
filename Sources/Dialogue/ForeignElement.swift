/// Whether a message tells of a foreign element (a foreign spouse or parent, a Vietnamese
/// living abroad), which decides between a civil-status procedure and its "có yếu tố nước
/// ngoài" variant: "chồng em người Hàn, bé mới sinh" is the variant; "hai đứa đều là người
/// Việt, muốn đăng ký kết hôn" is not, though "Việt Nam" fills the variant's text.
///
///     ForeignElement.told(["chong", "em", "nguoi", "han"])                 // true
///     ForeignElement.told(["tui", "em", "deu", "la", "nguoi", "viet"])     // false
enum ForeignElement {
    /// Words that tell of a foreign element wherever they stand, countries' unambiguous names among them.
    static let phrases = PhraseMatcher([
        "nuoc ngoai", "nc ngoai", "ngoai quoc", "viet kieu", "con lai", "dinh cu", "lanh su", "dai su quan", "nguoi tay",
        "ngoai kieu", "foreigner", "be lai", "khac quoc tich", "hai quoc tich",
        "han quoc", "trung quoc", "dai loan", "hoa ky", "thai lan", "nhat ban", "new zealand", "canada", "singapore",
        "campuchia", "malaysia", "philippines", "indonesia",
    ].map { ($0, true) })

    /// Countries by a short name that is also a common syllable: only after "người" or "(quốc)
    /// tịch", and the safest of them also after "bên", "sang", "ở" ("sinh bé bên Hàn"; not "ở
    /// trung tâm", "ở ngã ba").
    static let shortNames: Set<String> = ["han", "my", "nhat", "uc", "phap", "duc", "nga"]
    static let placeNames: Set<String> = ["han", "my", "nhat", "uc", "phap", "duc"]

    /// Whether the folded syllables tell of a foreign element.
    static func told(_ syllables: [String]) -> Bool {
        if !phrases.matches(in: syllables).isEmpty { return true }
        for index in syllables.indices.dropFirst() {
            if ["nguoi", "tich"].contains(syllables[index - 1]), shortNames.contains(syllables[index]) { return true }
            if ["ben", "sang", "o"].contains(syllables[index - 1]), placeNames.contains(syllables[index]) { return true }
        }
        return false
    }

    /// The suffix of a variant's id; the base procedure's id is the rest ("ket-hon").
    static let variantSuffix = "-co-yeu-to-nuoc-ngoai"
}
