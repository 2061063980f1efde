import Knowledge

/// Recognises small talk by how the message opens when the rest only tells: "Cảm ơn bạn, giờ
/// tôi đã biết phải nộp ở phường", "Xin kính chào. Tôi là chủ tiệm tạp hóa ở phường Bình
/// Thạnh", "Chào bạn, tôi đi làm đây, tối rảnh tôi nhắn tiếp". The small-talk classifier reads
/// the words that follow the opener, which are about procedures, offices and places, and
/// takes such messages for questions or reports.
///
///     ChitChatOpener.kind(["cam", "on", "ban", "gio", "toi", "da", "biet"])   // .thanks
///     ChitChatOpener.kind(["chao", "ad", "em", "muon", "lam", "lai", "cccd"])  // nil: a need
///
/// The caller checks that the message asks nothing and reports nothing.
enum ChitChatOpener {
    /// Openers, as folded syllables, and the small talk each opens.
    static let openers: [(words: [String], kind: ChitChat)] = [
        (["cam", "on"], .thanks), (["thanks"], .thanks), (["thank"], .thanks), (["tks"], .thanks), (["thx"], .thanks),
        (["biet", "on"], .thanks),
        (["tam", "biet"], .goodbye), (["bye"], .goodbye), (["cao", "tu"], .goodbye),
        (["kinh", "chao"], .greeting), (["kinh", "gui"], .greeting), (["xin", "chao"], .greeting), (["chao"], .greeting), (["hello"], .greeting),
        (["hi"], .greeting), (["hey"], .greeting),
    ]

    /// Words that may come before the opener ("ok cảm ơn", "dạ chào", "tôi rất biết ơn").
    static let lead: Set<String> = ["ok", "oke", "okie", "da", "vang", "xin", "toi", "em", "minh", "rat", "a", "uh", "um", "ad", "oi"]

    /// Words that, after a greeting or a thanks, say the citizen wants something: a request or a
    /// petition ("… mong được kiểm tra", "đề nghị xử lý"), not small talk.
    static let needs: [[String]] = [["muon"], ["can"], ["hoi"], ["giup"], ["xin"], ["tu", "van"], ["huong", "dan"],
                                    ["mong"], ["de", "nghi"], ["kien", "nghi"], ["yeu", "cau"]]

    /// Words that may follow "hỏi" when a question is only announced ("cho tôi hỏi một chút
    /// được không ạ", "xin phép được hỏi vài điều"): the greeting is still all there is.
    static let announcing: Set<String> = [
        "mot", "chut", "ti", "xiu", "vai", "dieu", "viec", "cau", "chuyen", "it", "thu", "duoc", "khong", "ko", "k", "hong",
        "a", "nhe", "nha", "voi", "ad", "ban", "bn", "em", "anh", "chi", "co", "cho", "toi", "minh", "nay", "ne", "thoi",
    ]

    /// Words after a greeting that take leave ("chào bạn, tôi đi đây").
    static let leaving: [[String]] = [
        ["tam", "biet"], ["bye"], ["cao", "tu"], ["di", "day"], ["hen", "gap", "lai"], ["nhan", "tiep"], ["lan", "sau"],
        ["bua", "khac"], ["hom", "khac"], ["off"], ["out"], ["di", "lam", "day"], ["di", "ngu", "day"], ["di", "an", "day"],
    ]

    /// The small talk a message's opening makes it, or nil when it opens otherwise or goes on to
    /// ask for something. `syllables` are folded; letters held at a word's end ("chàoo",
    /// "thankss") count once.
    static func kind(_ syllables: [String]) -> ChitChat? {
        // Only the opening can hold an opener, so most messages stop here.
        guard syllables.prefix(4).contains(where: { firstWords.contains(shortened($0)) }) else { return nil }
        let words = syllables.map(shortened)
        var start = 0
        while start < min(words.count, 3), lead.contains(words[start]), !opens(words, at: start) { start += 1 }
        guard let opener = openers.first(where: { starts($0.words, in: words, at: start) }) else { return nil }
        // "Kính gửi …" opens a letter: small talk only when all it goes on to say is that a question follows.
        if opener.words == ["kinh", "gui"], !announces(words) { return nil }
        let rest = words[(start + opener.words.count)...]
        func holds(_ phrases: [[String]]) -> Bool {
            phrases.contains { phrase in rest.indices.contains { starts(phrase, in: words, at: $0) } }
        }
        // A need, unless it only announces a question to come ("cho tôi hỏi chút") or asks leave ("xin phép").
        let needed = rest.indices.contains { index in
            guard let need = needs.first(where: { starts($0, in: words, at: index) }) else { return false }
            if need == ["xin"], index + 1 < words.count, words[index + 1] == "phep" { return false }
            // "Xin cáo từ, mong lần sau …", "cảm ơn, mong …": a wish on leaving, not a petition.
            if need == ["mong"], opener.kind != .greeting { return false }
            // "cảm ơn đã hướng dẫn", "nhờ bạn giúp mà …": help already given, not a need.
            if index > 0, ["da", "vi", "nho"].contains(words[index - 1]) { return false }
            // "cán bộ" folds like "cần bộ": the officer greeted, not a need.
            if need == ["can"], index + 1 < words.count, words[index + 1] == "bo" { return false }
            return need != ["hoi"] || !words[(index + 1)...].allSatisfy(announcing.contains)
        }
        if needed { return nil }
        if opener.kind == .greeting, holds(leaving) { return .goodbye }
        return opener.kind
    }

    /// Whether the message ends by announcing a question ("… cho tôi hỏi một chút được không?"),
    /// which its question mark does not make a question about anything.
    static func announces(_ syllables: [String]) -> Bool {
        guard let ask = syllables.lastIndex(of: "hoi") else { return false }
        return syllables[(ask + 1)...].allSatisfy { announcing.contains(shortened($0)) }
    }

    /// The first word of every opener.
    static let firstWords = Set(openers.map { $0.words[0] })

    static func opens(_ words: [String], at index: Int) -> Bool {
        openers.contains { starts($0.words, in: words, at: index) }
    }

    static func starts(_ phrase: [String], in words: [String], at index: Int) -> Bool {
        index + phrase.count <= words.count && words[index..<(index + phrase.count)].elementsEqual(phrase)
    }

    /// A word with the vowel or "s" it ends on typed once ("chaoo" → "chao", "thankss" → "thanks").
    static func shortened(_ word: String) -> String {
        // Folded words are ASCII: a byte scan, since `String` counting walks grapheme clusters.
        // Vowels and "s" only: "off", "all" end in a doubled consonant of their own.
        let bytes = Array(word.utf8)
        var end = bytes.count
        while end > 2, bytes[end - 1] == bytes[end - 2], heldLetters.contains(bytes[end - 1]) { end -= 1 }
        return end == bytes.count ? word : String(decoding: bytes[..<end], as: UTF8.self)
    }

    static let heldLetters: Set<UInt8> = Set("aeiouys".utf8)
}
