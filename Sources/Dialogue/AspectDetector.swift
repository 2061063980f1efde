import Knowledge
import VietText

/// Finds which aspect of a procedure a message asks about, from the cue phrases of
/// `intents/aspects.yaml`; the longest cue wins, "overview" when none is present.
struct AspectDetector: Sendable {
    private let matcher: PhraseMatcher<Aspect>

    init(catalog: IntentCatalog) {
        matcher = PhraseMatcher(Aspect.allCases.flatMap { aspect in (catalog.aspects[aspect]?.cues ?? []).map { ($0, aspect) } })
    }

    /// The aspect and the cue that marked it, or nil when the message has no cue. The longest
    /// cue wins; "requirements" cues are mostly question tags ("được không", "có phải") that
    /// close questions about other aspects too, so they count one syllable less.
    func detect(_ syllables: [String]) -> (aspect: Aspect, cue: String)? {
        detect(syllables, cues: cues(in: syllables))
    }

    /// The cue phrases found in a message, for `detect(_:cues:)` and the aspect classifier.
    func cues(in syllables: [String]) -> [(phrase: PhraseMatcher<Aspect>.Phrase, start: Int)] {
        matcher.matches(in: syllables)
    }

    /// `detect(_:)` given the cue phrases already found in the message.
    func detect(_ syllables: [String], cues found: [(phrase: PhraseMatcher<Aspect>.Phrase, start: Int)]) -> (aspect: Aspect, cue: String)? {
        func strength(_ match: (phrase: PhraseMatcher<Aspect>.Phrase, start: Int)) -> (Int, Int) {
            (match.phrase.syllables.count - (match.phrase.label == .requirements ? 1 : 0), -match.start)
        }
        guard var best = found.max(by: { strength($0) < strength($1) }) else { return Self.eligibility(syllables) }
        // "các bước làm như thế nào", "nộp qua mạng thì làm thế nào": asking how, with the steps
        // or the online channel named beside it in two words or more, asks for those ("bán
        // online thì làm sao" tells what the business does).
        if best.phrase.label == .overview {
            let span = best.start..<(best.start + best.phrase.syllables.count)
            let how = found.filter { match in
                (match.phrase.label == .steps || match.phrase.label == .online) && match.phrase.syllables.count >= 2
                    && match.phrase.syllables != ["buoc", "nao"]  // "tới bước nào": where a dossier stands
                    && !span.overlaps(match.start..<(match.start + match.phrase.syllables.count))
            }
            if let specific = how.max(by: { strength($0) < strength($1) }) { best = specific }
        }
        return (best.phrase.label, best.phrase.syllables.joined(separator: " "))
    }

    /// Whether a duration cue found in the syllables is a condition instead: a period the citizen
    /// must wait for or keep to ("đóng mấy tháng mới được hưởng", "bao lâu phải khai tử"), not
    /// how long the office takes.
    static func asksPeriodCondition(_ syllables: [String], cues: [(phrase: PhraseMatcher<Aspect>.Phrase, start: Int)]) -> Bool {
        cues.contains { $0.phrase.label == .duration && periodCondition(syllables, after: $0.start + $0.phrase.syllables.count) }
    }

    /// Whether the words right after a duration cue make it a condition: "… mới được [hưởng,
    /// rút, nộp]" (but not "mới được nhận/lấy/cấp", the office's time) or "… phải [làm]".
    static func periodCondition(_ syllables: [String], after end: Int) -> Bool {
        let next = syllables[min(end, syllables.count)...].prefix(4)
        func word(_ index: Int) -> String { index < syllables.count ? syllables[index] : "" }
        // "mới được hưởng", "thì được lãnh", "thì đc rút": allowed once the period is over.
        if let may = next.firstIndex(where: { $0 == "moi" || $0 == "thi" }), ["duoc", "dc"].contains(word(may + 1)) {
            return !officeTime.contains(word(may + 2))
        }
        // "bao nhiêu tháng mới xin": the citizen may act only after it.
        if let may = next.firstIndex(of: "moi"), citizenActs.contains(word(may + 1)) { return true }
        return next.prefix(2).contains("phai")
    }

    /// What a citizen does once a waiting period is over ("mới xin", "mới nộp", "mới rút").
    static let citizenActs: Set<String> = ["xin", "nop", "rut", "lanh", "huong", "dang", "doi", "di"]

    /// Verbs after "mới được" that ask when the office's result comes.
    static let officeTime: Set<String> = ["", "nhan", "lay", "cap", "co", "xong", "giai", "tra", "xu", "duyet", "chap", "kich", "xet", "phe", "hoan"]

    /// "có được … không", "có đc … ko": a yes/no question whether one may do something, with the
    /// situation in between, asks about the conditions.
    static func eligibility(_ syllables: [String]) -> (aspect: Aspect, cue: String)? {
        guard let has = syllables.firstIndex(of: "co"),
              let may = syllables[(has + 1)...].prefix(3).firstIndex(where: { ["duoc", "dc"].contains($0) }),
              syllables[(may + 1)...].contains(where: { ["khong", "ko", "k", "hok", "hong", "kg"].contains($0) })
        else { return nil }
        return (.requirements, "")
    }

    /// Whether a message asks something, rather than only stating a situation ("bằng lái của tôi
    /// hết hạn tháng sau"): a question mark, a question word, or a request to be told. A statement
    /// opens a topic and wants the overview, whatever aspect its words resemble.
    static func asks(_ tokens: [Token], message: String, requests: Bool = true) -> Bool {
        // A byte scan: `String.contains` goes through Foundation's locale-aware search.
        if message.utf8.contains(UInt8(ascii: "?")) { return true }
        // In a message typed without marks, "dau" may be "đâu" and "may" "mấy": counted as asking.
        let words = tokens.filter(\.isPositional)
        let marked = words.contains { $0.text != $0.folded }
        // "không", "chưa" ask at the end of a clause ("có kết quả chưa"), and deny inside one
        // ("quá hẹn mà chưa nhận được"): they count in the last three words, or after "có".
        let tail = max(0, words.count - 3)
        return words.indices.contains { index in
            let token = words[index]
            guard let asking = questionWords[token.folded], !marked || asking.contains(token.text),
                  requests || !Self.requestWords.contains(token.folded) else { return false }
            // "không ai nghe máy", "chẳng ai dọn": nobody, not who, and "không" there denies.
            if token.folded == "ai", index > 0, Self.nobody.contains(words[index - 1].folded) { return false }
            guard Self.negations.contains(token.folded) else { return true }
            if index + 1 < words.count, words[index + 1].folded == "ai" { return false }
            return index >= tail || words[..<index].contains { $0.folded == "co" }
        }
    }

    /// Question words that ask only as a request to be told ("chỉ giúp", "hướng dẫn"), or that
    /// also join a statement ("nhờ bạn chỉ mà tôi nộp được", "hay lắm").
    static let requestWords: Set<String> = ["hoi", "biet", "huong", "van", "giup", "chi", "hay"]

    /// Question words that also deny: they ask only at the end of a clause or after "có".
    static let negations: Set<String> = ["khong", "ko", "k", "kg", "kh", "hok", "khum", "hem", "hk", "chua"]

    /// Words that make "ai" mean nobody ("không ai", "chẳng ai", "chả ai").
    static let nobody = negations.union(["chang", "cha"])

    /// Question words and request verbs by folded form, with the accented forms that ask.
    static let questionWords: [String: Set<String>] = [
        "gi": ["gì"], "j": ["j"], "khong": ["không"], "ko": ["ko"], "k": ["k"], "kg": ["kg"], "kh": ["kh"],
        "hok": ["hok"], "hong": ["hông"], "khum": ["khum"], "hem": ["hem"], "hk": ["hk"],
        "sao": ["sao"], "nao": ["nào"], "dau": ["đâu"], "bao": ["bao"], "bn": ["bn"], "may": ["mấy"],
        "chua": ["chưa"], "chu": ["chứ"], "ai": ["ai"], "nhi": ["nhỉ"], "ha": ["hả"], "ho": ["hở"], "ntn": ["ntn"],
        "hay": ["hay"], "hoi": ["hỏi"], "biet": ["biết"], "huong": ["hướng"], "van": ["vấn"], "giup": ["giúp"], "chi": ["chỉ"],
    ]

    /// Requirement cues that ask whether something must be done at all ("có cần … không").
    static let whetherTags = ["co can", "co phai", "bat buoc"]

    /// The syllables after the last occurrence of a cue phrase, or nil when it is not there.
    static func after(_ cue: String, in syllables: [String]) -> ArraySlice<String>? {
        let phrase = cue.split(separator: " ").map(String.init)
        guard !phrase.isEmpty, syllables.count >= phrase.count else { return nil }
        for start in stride(from: syllables.count - phrase.count, through: 0, by: -1)
            where syllables[start..<(start + phrase.count)].elementsEqual(phrase) {
            return syllables[(start + phrase.count)...]
        }
        return nil
    }
}