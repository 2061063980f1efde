import Foundation

/// Masks personal data before it reaches a log line.
///
/// Logs are read by more people than tickets are, and kept longer; they need enough to tell
/// two tickets apart, not enough to call or name a citizen.
///
///     LogMask.phone("0912345678")        // "0912***678"
///     LogMask.name("Nguyễn Văn A")       // "N*** V*** A"
///     LogMask.email("an.nguyen@gmail.com") // "a***@gmail.com"
///     LogMask.text("gọi 0912.345.678 nhé") // "gọi 0912***678 nhé"
public enum LogMask {
    /// Keeps the first four and last three digits; shorter inputs keep only their last two.
    /// Valid numbers are normalized first, so `+84 912 345 678` masks like `0912345678`.
    public static func phone(_ text: String) -> String {
        let digits = (try? PhoneNumber(text))?.national ?? text.filter { $0.isASCII && $0.isNumber }
        if digits.count >= 9 { return "\(digits.prefix(4))***\(digits.suffix(3))" }
        if digits.count >= 3 { return "***\(digits.suffix(2))" }
        return "***"
    }

    /// Keeps each word's first letter; one-letter words stay as they are.
    public static func name(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace)
            .map { word in word.count <= 1 ? String(word) : "\(word.first!)***" }
            .joined(separator: " ")
    }

    public static func email(_ text: String) -> String {
        guard let at = text.firstIndex(of: "@"), at > text.startIndex else { return "***" }
        return "\(text[text.startIndex])***\(text[at...])"
    }

    /// Masks phone-number-like runs (9–12 digits, possibly split by spaces, dots or dashes,
    /// with an optional leading +) and email addresses inside free text.
    public static func text(_ text: String) -> String {
        var output = ""
        var index = text.startIndex
        while index < text.endIndex {
            if let end = phoneRun(in: text, from: index) {
                output += phone(String(text[index..<end]))
                index = end
            } else {
                output.append(text[index])
                index = text.index(after: index)
            }
        }
        return output.split(separator: " ", omittingEmptySubsequences: false)
            .map { word in word.contains("@") && word.contains(".") ? email(String(word)) : String(word) }
            .joined(separator: " ")
    }

    /// The end of a phone-like run starting at `start`, if one starts there.
    private static func phoneRun(in text: String, from start: String.Index) -> String.Index? {
        if start > text.startIndex {
            let previous = text[text.index(before: start)]
            if previous.isNumber || previous == "+" { return nil }
        }
        var index = start
        if text[index] == "+" { index = text.index(after: index) }
        var digits = 0
        var end: String.Index?
        while index < text.endIndex {
            let character = text[index]
            if character.isASCII, character.isNumber {
                digits += 1
                index = text.index(after: index)
                if (9...12).contains(digits) { end = index }
            } else if " .-".contains(character), digits > 0,
                      text.index(after: index) < text.endIndex, text[text.index(after: index)].isNumber {
                index = text.index(after: index)
            } else {
                break
            }
        }
        guard digits <= 12 else { return nil }
        return end
    }
}
