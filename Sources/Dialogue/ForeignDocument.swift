/// Recognises a question about another country's papers ("làm lại hộ chiếu Hàn Quốc", "xin
/// visa Nhật", "xin thẻ xanh Mỹ"): that country's embassy or authorities handle it, not the
/// city, and the words it shares with Vietnamese procedures (hộ chiếu, quốc tịch) otherwise
/// draw the Vietnamese procedure as the answer.
///
///     ForeignDocument.asks(["lam", "lai", "ho", "chieu", "han", "quoc"])   // true
///     ForeignDocument.asks(["ho", "chieu", "cho", "con"])                  // false
///
/// Only a paper followed closely by a country ("hộ chiếu Nhật", "visa ở Mỹ") counts, and a
/// green card anywhere: a nationality alone ("chồng tôi quốc tịch Hàn Quốc") is the subject of
/// Vietnamese civil-status procedures.
enum ForeignDocument {
    /// Papers a government issues, as folded syllables. Not driving licences: "có bằng lái của
    /// Đức, muốn lái xe ở đây" asks to exchange it, which is a Vietnamese procedure.
    static let papers: [[String]] = [
        ["ho", "chieu"], ["passport"], ["visa"], ["thi", "thuc"], ["can", "cuoc"], ["quoc", "tich"], ["ly", "lich", "tu", "phap"],
    ]

    /// Countries, folded; none is also a common Vietnamese syllable on its own ("anh", "my", "y"
    /// are left out unless spelled as a country's longer name).
    static let countries: [[String]] = [
        ["han", "quoc"], ["nhat"], ["nhat", "ban"], ["trung", "quoc"], ["dai", "loan"], ["hoa", "ky"], ["uc"],
        ["phap"], ["duc"], ["canada"], ["singapore"], ["thai", "lan"], ["campuchia"], ["malaysia"], ["nga"],
        ["philippines"], ["indonesia"], ["an", "do"], ["new", "zealand"], ["ha", "lan"], ["nuoc", "my"], ["ben", "my"],
        ["o", "my"], ["cua", "my"],
    ]

    /// Countries by a short name that is also a common syllable ("Hàn", "Mỹ", "Thái", "Lào"): only right after the paper.
    static let shortCountries: [[String]] = [["han"], ["my"], ["thai"], ["lao"]]

    /// Words that may stand between a paper and its country ("bằng lái xe ở Úc"). Not "đi" or
    /// "sang": "hộ chiếu đi Nhật" is a Vietnamese passport.
    static let linking: Set<String> = ["xe", "o", "cua", "tai", "ben", "nuoc"]

    /// The first syllable of every paper: one set lookup per syllable rules out the rest.
    static let firstSyllables = Set((papers + foreignOnly).map { $0[0] })

    /// Papers of another country that need no country named: the United States' green card.
    static let foreignOnly: [[String]] = [["the", "xanh"], ["green", "card"]]

    /// Whether the folded syllables ask about another country's paper.
    static func asks(_ syllables: [String]) -> Bool { span(in: syllables) != nil }

    /// The positions of every mention of the paper that opens `span` ("chưa có hộ chiếu" as well
    /// as "hộ chiếu Đài Loan"): the same paper said again is still the other country's.
    static func mentions(of span: Range<Int>, in syllables: [String]) -> Set<Int> {
        var positions = Set(span)
        guard let paper = (papers + foreignOnly).first(where: { syllables[span].starts(with: $0) }) else { return positions }
        for index in syllables.indices where index + paper.count <= syllables.count
            && syllables[index..<(index + paper.count)].elementsEqual(paper) {
            positions.formUnion(index..<(index + paper.count))
        }
        return positions
    }

    /// Where the folded syllables name another country's paper (the paper through the country), if they do.
    static func span(in syllables: [String]) -> Range<Int>? {
        func starts(_ phrase: [String], at index: Int) -> Bool {
            // The first syllable alone rules out almost every phrase, without slicing.
            index + phrase.count <= syllables.count && syllables[index] == phrase[0]
                && (phrase.count == 1 || syllables[index..<(index + phrase.count)].elementsEqual(phrase))
        }
        for index in syllables.indices where firstSyllables.contains(syllables[index]) {
            if let paper = foreignOnly.first(where: { starts($0, at: index) }) { return index..<(index + paper.count) }
            guard let paper = papers.first(where: { starts($0, at: index) }) else { continue }
            var next = index + paper.count
            // Quốc tịch is a paper only as the one asked for ("xin quốc tịch Úc"), not as who someone is.
            if paper == ["quoc", "tich"], index == 0 || !["xin", "nhap", "lay"].contains(syllables[index - 1]) { continue }
            var skipped = 0
            while next < syllables.count, skipped < 2, linking.contains(syllables[next]), !countries.contains(where: { starts($0, at: next) }) {
                next += 1
                skipped += 1
            }
            if let country = countries.first(where: { starts($0, at: next) }) { return index..<(next + country.count) }
            let adjacent = index + paper.count
            if let country = shortCountries.first(where: { starts($0, at: adjacent) }) { return index..<(adjacent + country.count) }
        }
        return nil
    }
}
