import Foundation

/// A validated Vietnamese phone number, kept in its national form (`0912345678`).
///
/// Citizens write numbers many ways (`+84 912 345 678`, `0912.345.678`, `84-912-345-678`);
/// all of them normalize to the same national digits, so the lookup by code and phone
/// compares like with like.
///
///     try PhoneNumber("+84 912.345.678").national   // "0912345678"
///     try PhoneNumber("028 3829 6052").kind          // .landline
///
/// Rules (numbering plan after the 2018 conversions):
/// - mobile: 10 digits, `03`, `05`, `07`, `08` or `09` followed by 8 digits;
/// - landline: 11 digits, `02` + area code + subscriber number (028 for Ho Chi Minh City,
///   0274 for the former Bình Dương, 0254 for the former Bà Rịa–Vũng Tàu).
public struct PhoneNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable { case mobile, landline }

    /// The national form: digits only, leading `0`.
    public let national: String
    public let kind: Kind

    /// Validates and normalizes a phone number as typed by a citizen.
    /// - Throws: `TicketError.invalidPhone` with an English explanation.
    public init(_ text: String) throws(TicketError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalidPhone("the phone number is empty") }
        var digits = ""
        var sawPlus = false
        for character in trimmed {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if character == "+", digits.isEmpty, !sawPlus {
                sawPlus = true
            } else if " .-()".contains(character) {
                continue
            } else {
                throw .invalidPhone("the phone number may contain only digits, spaces, dots, dashes and a leading +")
            }
        }
        if sawPlus {
            guard digits.hasPrefix("84") else {
                throw .invalidPhone("only Vietnamese numbers (+84) are accepted")
            }
            digits = "0" + digits.dropFirst(2)
        } else if digits.hasPrefix("84"), digits.count == 11 || digits.count == 12 {
            // 84xxxxxxxxx without the plus: the country code typed without its sign.
            digits = "0" + digits.dropFirst(2)
        }
        // A trunk zero after the country code (+84 0912…) is a common slip; drop the doubled zero.
        if digits.hasPrefix("00") { digits.removeFirst() }
        guard digits.hasPrefix("0") else {
            throw .invalidPhone("a Vietnamese phone number starts with 0 or +84")
        }
        let second = digits.dropFirst().first
        switch second {
        case "3", "5", "7", "8", "9":
            guard digits.count == 10 else {
                throw .invalidPhone("a mobile number has 10 digits (03, 05, 07, 08 or 09 and 8 more digits), this one has \(digits.count)")
            }
            kind = .mobile
        case "2":
            guard digits.count == 11 else {
                throw .invalidPhone("a landline number has 11 digits (02, the area code and the subscriber number), this one has \(digits.count)")
            }
            kind = .landline
        default:
            throw .invalidPhone("a Vietnamese phone number starts with 02 (landline) or 03, 05, 07, 08, 09 (mobile)")
        }
        national = digits
    }

    /// A stored number taken as is (read back from the database).
    init(unchecked national: String) {
        self.national = national
        kind = national.hasPrefix("02") ? .landline : .mobile
    }

    /// The number grouped for reading aloud: `0912 345 678`, `028 3829 6052`, `0274 382 2345`.
    public var formatted: String {
        let d = Array(national)
        guard d.count == (kind == .mobile ? 10 : 11) else { return national }
        func s(_ range: Range<Int>) -> String { String(d[range]) }
        switch kind {
        case .mobile: return "\(s(0..<4)) \(s(4..<7)) \(s(7..<10))"
        case .landline:
            // 028 and 024 are the only two-digit area codes (after the 0); the rest have three.
            if national.hasPrefix("028") || national.hasPrefix("024") {
                return "\(s(0..<3)) \(s(3..<7)) \(s(7..<11))"
            }
            return "\(s(0..<4)) \(s(4..<7)) \(s(7..<11))"
        }
    }

    /// Encoded as the national digits, the form every other layer reads.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(national)
    }

    /// The national form; never log it directly, use `LogMask.phone`.
    public var description: String { national }

    /// Whether two typed numbers denote the same line; invalid input matches nothing.
    public static func same(_ a: String, _ b: String) -> Bool {
        guard let x = try? PhoneNumber(a), let y = try? PhoneNumber(b) else { return false }
        return x == y
    }
}
