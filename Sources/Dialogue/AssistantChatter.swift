/// Chatter addressed to the assistant that is neither small talk it answers nor a procedure:
/// asking it to entertain ("kể chuyện cười đi", "làm thơ tặng tôi", "hát cho tôi nghe") or
/// asking about its private life ("bn có ny chưa", "bạn bao nhiêu tuổi", "ad ăn cơm chưa").
/// The classifier reads such words as a marriage ("người yêu"), an age condition or a greeting;
/// the assistant declines them as out of scope.
///
///     AssistantChatter.asks(["bn", "co", "ny", "chua"])                            // true
///     AssistantChatter.asks(["ke", "chuyen", "cuoi", "di"])                        // true
///     AssistantChatter.asks(["em", "15", "tuoi", "lam", "cccd", "duoc", "khong"])  // false
enum AssistantChatter {
    /// Whether the folded syllables ask the assistant to entertain, or ask about its private life.
    static func asks(_ syllables: [String]) -> Bool {
        if !entertainment.matches(in: syllables).isEmpty { return true }
        // A personal question is short and put to the assistant by a word that can only mean it:
        // "em mấy tuổi" is as often the citizen's child ("con em mấy tuổi thì làm căn cước").
        guard syllables.count <= 8 else { return false }
        return personal.matches(in: syllables).contains { match in
            (max(0, match.start - 3)..<match.start).contains { index in
                // "bạn tôi có người yêu" is the citizen's friend.
                addressee.contains(syllables[index]) && !owners.contains(syllables[index + 1])
            }
        }
    }

    /// Words after "bạn" that make it the citizen's friend ("bạn tôi", "bạn của em").
    static let owners: Set<String> = ["toi", "minh", "tui", "em", "cua", "anh", "chi", "be", "gai", "trai"]

    /// Words that can only mean the assistant (not "em", not "b", which also mean the citizen).
    static let addressee: Set<String> = ["ban", "bn", "ad", "admin", "bot", "chatbot"]

    /// Asking to be entertained, wherever it stands in the message. Whole requests only: "làm thơ"
    /// folds like "làm thợ" and "hát cho" opens "phòng hát cho thuê".
    static let entertainment = PhraseMatcher(
        ["ke chuyen cuoi", "chuyen cuoi", "truyen cuoi", "ke chuyen vui", "lam bai tho", "lam mot bai tho", "lam tho tang",
         "hat cho toi nghe", "hat cho minh nghe", "hat cho em nghe", "hat cho tui nghe", "hat mot bai", "do vui", "cau do vui"].map { ($0, true) })

    /// The assistant's private life, at most three words after a word for it ("ad năm nay mấy tuổi").
    static let personal = PhraseMatcher(
        ["co ny", "co nguoi yeu", "co bo", "co vo", "co chong", "may tuoi", "bao nhieu tuoi", "an com", "thich an",
         "dep trai", "xinh khong", "co buon", "lay chong", "lay vo", "o may", "ngu chua"].map { ($0, true) })
}
