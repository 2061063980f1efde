import Knowledge

/// Questions about the assistant itself that the classifier, trained mostly on procedure
/// questions, takes for procedures or for other small talk: whether a person or a machine
/// answers ("bot hay người thật"), its name ("bn tên j"), who made or runs it ("ai lập ra app
/// này", "ai đã phát triển trợ lý này"), and a bare request for help that names no topic ("tôi
/// cần giúp đỡ", "mình cần hỗ trợ").
///
///     AssistantQuestion.kind(["bn", "ten", "j"], content: ["ten"])                      // .identity
///     AssistantQuestion.kind(["toi", "can", "giup", "do"], content: [])                 // .help
///     AssistantQuestion.kind(["ai", "quan", "ly", "he", "thong", "thoat", "nuoc"], …)   // nil
enum AssistantQuestion {
    /// What the message asks about the assistant, or nil when it is about something else.
    /// `syllables` are folded; `content` is the message without filler words and aspect cue.
    static func kind(_ syllables: [String], content: [String]) -> ChitChat? {
        if asksPersonOrMachine(syllables) || asksName(syllables) || asksMaker(syllables) { return .identity }
        if asksBareHelp(syllables, content: content) || asksCapability(syllables) { return .help }
        return nil
    }

    /// "bot biết mấy chuyện j", "trợ lý còn hỗ trợ được những việc gì khác", "hỏi j cũng đc hả",
    /// "what can you do": what the assistant can do. A word for it, at most two words, a verb of
    /// knowing or helping, and the "what" right after: "bạn biết thủ tục làm cccd gồm những gì
    /// không" asks about a procedure, its "gì" far from "biết".
    static func asksCapability(_ syllables: [String]) -> Bool {
        if !english.matches(in: syllables).isEmpty || !askAnything.matches(in: syllables).isEmpty { return true }
        let verbs = capabilityVerbs.matches(in: syllables)
        guard !verbs.isEmpty else { return false }
        let whats = Set(whatWords.matches(in: syllables).map(\.start))
        for verb in verbs {
            // "văn bản trả lời gì" folds to "van ban tra loi gi": that "ban" is no "bạn".
            let addressed = (max(0, verb.start - 3)..<verb.start).contains { index in
                (you.contains(syllables[index]) || syllables[index] == "tro") && !(index > 0 && syllables[index - 1] == "van")
            }
            let after = verb.start + verb.phrase.syllables.count
            let next = after < syllables.count && syllables[after] == "duoc" ? after + 1 : after
            if addressed, whats.contains(next) { return true }
        }
        return false
    }

    static let capabilityVerbs = PhraseMatcher(["biet", "ho tro", "giup", "tra loi", "lam duoc"].map { ($0, true) })

    static let whatWords = PhraseMatcher(
        ["gi", "j", "nhung gi", "nhung j", "nhung viec gi", "viec gi", "chuyen gi", "chuyen j", "may chuyen gi", "may chuyen j",
         "cai gi", "nhung viec nao", "nhung chuyen gi"].map { ($0, true) })

    /// "hỏi gì cũng được à": whether anything may be asked.
    static let askAnything = PhraseMatcher(["hoi gi cung duoc", "hoi j cung dc", "hoi j cung duoc", "hoi gi cung dc"].map { ($0, true) })

    /// English capability questions, whose reply is the bilingual hint on how to ask.
    static let english = PhraseMatcher(["what can you do", "what can u do", "how can you help", "what do you do"].map { ($0, true) })

    /// Words that address the assistant.
    static let you: Set<String> = ["ban", "bn", "b", "em", "bot", "ad", "admin", "cau", "ly", "app", "chatbot"]

    /// "bạn tên gì", "em tên là gì", "bot này tên j": a word for the assistant right before "tên"
    /// (or before "này"/"ơi" and then "tên"), then "gì". Only adjacent: "văn bản đó tên gì" folds
    /// to "van ban do ten gi", and that "bản" is no "bạn".
    static func asksName(_ syllables: [String]) -> Bool {
        guard let name = syllables.firstIndex(of: "ten"), name > 0 else { return false }
        let addressed = you.contains(syllables[name - 1])
            || name > 1 && ["nay", "oi"].contains(syllables[name - 1]) && you.contains(syllables[name - 2])
        let after = syllables[(name + 1)..<min(syllables.count, name + 3)]
        return addressed && after.contains { $0 == "gi" || $0 == "j" }
    }

    /// "ai lập ra app này", "ai phát triển trợ lý này", "bot do ai làm ra": "ai", a verb of
    /// making or running, and a word for the assistant.
    static func asksMaker(_ syllables: [String]) -> Bool {
        guard syllables.contains("ai") else { return false }
        let found = makerWords.matches(in: syllables)
        let makers = found.filter { $0.phrase.label == .maker }.map { $0.start + $0.phrase.syllables.count }
        // "bạn" folds like "bản", "bán", "ban": only right after the verb and closing the
        // question ("ai làm ra bạn vậy", not "ai làm ra bản sao").
        func you(at index: Int) -> Bool {
            index < syllables.count && ["ban", "bn"].contains(syllables[index])
                && (index + 1 == syllables.count || particles.contains(syllables[index + 1]))
        }
        return !makers.isEmpty && (found.contains { $0.phrase.label == .assistant } || makers.contains(where: you))
    }

    static let particles: Set<String> = ["vay", "v", "z", "the", "ha", "a", "nhi", "day", "do", "zay", "ta"]

    enum MakerWord: Sendable { case maker, assistant }

    static let makerWords = PhraseMatcher(
        ["lap ra", "lap trinh ra", "lam ra", "tao ra", "viet ra", "phat trien", "lap trinh", "thiet ke", "van hanh", "dung sau", "che tao"]
            .map { ($0, MakerWord.maker) }
            + ["app nay", "ung dung nay", "tro ly nay", "tro ly ao", "chatbot", "bot", "he thong nay", "trang nay",
               "web nay", "cai nay", "may nay"].map { ($0, MakerWord.assistant) })

    /// "tôi cần giúp đỡ", "mình cần hỗ trợ gấp": a request for help and nothing it is about.
    static func asksBareHelp(_ syllables: [String], content: [String]) -> Bool {
        let helping = helpWords.matches(in: syllables)
        guard !helping.isEmpty else { return false }
        var covered = Set<Int>()
        for match in helping { covered.formUnion(match.start..<(match.start + match.phrase.syllables.count)) }
        // Every content word is one of the help words or an urgency word.
        let spoken = Set(covered.map { syllables[$0] })
        return content.allSatisfy { spoken.contains($0) || urgent.contains($0) }
    }

    static let helpWords = PhraseMatcher(["giup do", "giup", "ho tro", "huong dan", "tu van", "chi giup", "chi dan"].map { ($0, true) })

    static let urgent: Set<String> = ["gap", "nhanh", "voi", "nha", "nhe", "di", "chut", "xiu", "ti", "nho", "dum", "gium"]

    /// Whether a message asks if a person or a machine is answering: a word for a person and
    /// one for a machine on either side of "hay" (or), near it ("cán bộ hay máy tự động",
    /// "bot hay người thật").
    static func asksPersonOrMachine(_ syllables: [String]) -> Bool {
        guard let or = syllables.firstIndex(of: "hay"), or > 0, or + 1 < syllables.count else { return false }
        let found = personOrMachine.matches(in: syllables)
        // Within five words before "hay" ("nhân viên tổng đài 1022 hay"), or five after it ("hay là chương trình tự động").
        func side(_ label: Bool, _ range: Range<Int>) -> Bool {
            found.contains { $0.phrase.label == label && range.contains($0.start) && $0.start + $0.phrase.syllables.count <= range.upperBound }
        }
        let before = max(0, or - 5)..<or, after = (or + 1)..<min(syllables.count, or + 6)
        return side(true, before) && side(false, after) || side(false, before) && side(true, after)
    }

    /// Words for a person (true) and for a machine (false), as phrases: "cán" and "nhân" alone
    /// fold like "cần", "nhận".
    static let personOrMachine = PhraseMatcher(
        ["nguoi", "can bo", "nhan vien", "tong dai vien", "ad", "admin"].map { ($0, true) }
            + ["may", "bot", "robot", "chatbot", "tu dong", "tro ly ao", "chuong trinh", "phan mem", "tri tue nhan tao"].map { ($0, false) })
}
