/// Adds a canonical digits-only reading beside numbers and amounts written the Vietnamese
/// way, so "1tr5", "1.500.000đ" and "1500000" meet in the index, and "0912.345.678" meets
/// "0912345678".
///
/// Runs after `NormalizeFilter` (it reads lowercase `text`).
public struct NumberReadingFilter: TokenFilter {
    public init() {}

    public func apply(_ tokens: inout [Token], input: AnalysisInput) {
        var readings: [(after: Int, token: Token)] = []
        for (index, token) in tokens.enumerated() {
            // Plain digit runs ("2025") have no other reading; skip them before any string work.
            guard token.kind != .reading, let first = token.text.utf8.first, first >= 0x30, first <= 0x39,
                  !token.text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  let value = Self.reading(token.text), value != token.text else { continue }
            var reading = token
            reading.kind = .reading
            reading.text = value
            reading.folded = value
            readings.append((index, reading))
        }
        for (after, reading) in readings.reversed() { tokens.insert(reading, at: after + 1) }
    }

    static let currencySuffixes = ["vnđ", "vnd", "đồng", "dong", "đ"]
    static let millionSuffixes = ["triệu", "trieu", "tr"]
    static let thousandSuffixes = ["nghìn", "ngàn", "k"]

    /// The digits-only value of "1.500.000", "1.500.000đ", "1tr5", "200k", "0912.345.678";
    /// nil for anything else (dates, codes, plain words).
    public static func reading(_ text: String) -> String? {
        var body = Substring(text)
        for suffix in currencySuffixes where body.hasSuffix(suffix) {
            body = body.dropLast(suffix.count)
            break
        }
        let digits = body.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty else { return nil }
        let rest = body.dropFirst(digits.count)
        if rest.isEmpty {
            // "50000đ" → 50000; a bare or zero-led number is its own reading.
            return body.count == text.count || digits.first == "0" ? nil : String(digits)
        }
        if rest.first == "." {
            // Thousand grouping: every group after the first has exactly three digits.
            let groups = body.split(separator: ".", omittingEmptySubsequences: false)
            guard groups.count > 1, groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            return groups.joined()
        }
        for (suffixes, zeros) in [(millionSuffixes, 6), (thousandSuffixes, 3)] {
            for suffix in suffixes where rest.hasPrefix(suffix) {
                let fraction = rest.dropFirst(suffix.count)
                guard fraction.count < zeros, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
                let padded = String(fraction) + String(repeating: "0", count: zeros - fraction.count)
                let whole = String(digits.drop(while: { $0 == "0" }))
                return whole.isEmpty ? nil : whole + padded
            }
        }
        return nil
    }
}
