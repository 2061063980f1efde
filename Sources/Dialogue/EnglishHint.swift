import VietText

/// Recognises a message written in English and says, in Vietnamese and in English, how to ask:
/// foreign residents ("How do I renew my passport?") were told in Vietnamese only that nothing
/// matched.
///
///     EnglishHint.reply(to: analysis)?.suggestions   // ["cấp hộ chiếu phổ thông"]
///
/// A message counts as English when none of its words has Vietnamese marks, it has at least
/// three words and at least two thirds of them are common English words that are not also
/// Vietnamese syllables typed without marks
/// ("an", "do", "to", "the" are left out: "thẻ", "đồ", "tờ" typed bare are everyday
/// Vietnamese). Where it names a subject hoidap knows ("passport", "birth certificate"), the
/// reply suggests the Vietnamese question to send.
public enum EnglishHint {
    /// The reply's text and the Vietnamese questions offered as suggestions.
    public struct Hint: Sendable, Equatable {
        public var answer: String
        public var suggestions: [String]
    }

    static let minimumWords = 3
    static let minimumShare = 2.0 / 3.0

    /// Common English words, none of them a Vietnamese syllable typed without marks.
    static let words: Set<String> = [
        "how", "what", "where", "when", "why", "which", "who", "whom", "whose", "is", "are", "was", "were", "been",
        "does", "did", "done", "could", "would", "should", "will", "shall", "must", "might", "i",
        "my", "we", "our", "you", "your", "she", "his", "her", "its", "they", "their", "this",
        "that", "these", "those", "of", "for", "from", "with", "without", "about", "into", "at", "by", "or", "and",
        "if", "not", "yes", "please", "help", "want", "need", "get", "got", "make", "apply", "application",
        "renew", "renewal", "register", "registration", "lost", "lose", "new", "old", "card", "passport", "visa",
        "permit", "work", "license", "licence", "driving", "driver", "birth", "certificate", "marriage", "married",
        "marry", "residence", "resident", "temporary", "permanent", "business", "company", "tax", "insurance",
        "health", "social", "land", "house", "building", "much", "many", "cost", "fee", "fees", "take",
        "takes", "documents", "document", "required", "requirements", "office", "online", "there", "here", "have",
        "has", "had", "foreigner", "foreign", "english", "speak", "vietnamese", "vietnam", "id", "identity",
        "some", "any", "all", "just", "also", "only", "still", "again", "back",
    ]

    /// English small talk, which the small-talk classifier answers ("thank you bot", "hello there").
    static let smallTalk: Set<String> = ["hello", "hi", "hey", "thanks", "thank", "thx", "bye", "goodbye", "ok", "okay"]

    /// English subjects and the Vietnamese question that finds the procedure.
    static let subjects: [(words: [String], question: String)] = [
        (["passport"], "cấp hộ chiếu phổ thông"),
        (["id", "card"], "cấp lại thẻ căn cước"),
        (["identity", "card"], "cấp lại thẻ căn cước"),
        (["birth"], "đăng ký khai sinh"),
        (["marriage"], "đăng ký kết hôn với người nước ngoài"),
        (["marry"], "đăng ký kết hôn với người nước ngoài"),
        (["work", "permit"], "cấp giấy phép lao động cho người nước ngoài"),
        (["driving"], "đổi giấy phép lái xe nước ngoài"),
        (["driver"], "đổi giấy phép lái xe nước ngoài"),
        (["temporary", "residence"], "đăng ký tạm trú"),
        (["residence"], "thông báo lưu trú"),
        (["business"], "đăng ký hộ kinh doanh"),
        (["company"], "thành lập doanh nghiệp"),
        (["tax"], "đăng ký mã số thuế cá nhân"),
        (["health", "insurance"], "thẻ bảo hiểm y tế"),
    ]

    /// The reply in both languages, with the Vietnamese question to send when one is known.
    static func answer(example: String?) -> String {
        let vietnamese = example.map { ", ví dụ: \"\($0)\"" } ?? ""
        let english = example.map { ", for example: \"\($0)\"" } ?? ""
        return "Xin lỗi, hiện tôi chỉ trả lời bằng tiếng Việt. Bạn hãy hỏi bằng tiếng Việt, có dấu hoặc không dấu\(vietnamese).\n"
            + "Sorry, I can only answer in Vietnamese. Please ask in Vietnamese, with or without accents\(english)."
    }

    /// The hint for a message written in English, or nil for any other message.
    public static func reply(to analysis: Analysis) -> Hint? {
        // One pass, nothing built, for the Vietnamese messages that are nearly all of them:
        // a syllable with marks ends the look.
        var wordCount = 0, englishCount = 0
        for token in analysis.tokens where token.kind == .word {
            guard token.text == token.folded, !smallTalk.contains(token.folded) else { return nil }
            wordCount += 1
            if words.contains(token.folded) { englishCount += 1 }
        }
        guard wordCount >= minimumWords, Double(englishCount) >= minimumShare * Double(wordCount) else { return nil }
        let typed = analysis.tokens.filter { $0.kind == .word }.map(\.folded)
        var questions: [String] = []
        for subject in subjects where !questions.contains(subject.question) {
            let found = typed.indices.contains { start in
                start + subject.words.count <= typed.count && Array(typed[start..<(start + subject.words.count)]) == subject.words
            }
            if found { questions.append(subject.question) }
        }
        return Hint(answer: answer(example: questions.first), suggestions: Array(questions.prefix(3)))
    }
}
