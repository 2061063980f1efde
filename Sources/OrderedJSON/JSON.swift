/// A JSON value whose objects keep their keys in the order written, so contracts
/// ("input", "normalized", "folded", …) print the same way every time.
///
///     let value: JSON = .object([("id", "khai-sinh"), ("score", 17.2)])
///     print(value.serialized())  // {"id":"khai-sinh","score":17.2}
public enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func == (left: JSON, right: JSON) -> Bool {
        switch (left, right) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.double(a), .double(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// The value of a key in an object, or nil.
    public subscript(key: String) -> JSON? {
        guard case let .object(pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    /// Compact JSON text (UTF-8, no escaped slashes, non-ASCII kept as is).
    /// - Complexity: O(n), written as bytes and decoded once.
    public func serialized() -> String {
        String(decoding: serializedUTF8(), as: UTF8.self)
    }

    /// The same text as `serialized()`, as UTF-8 bytes (what a socket wants; saves decoding
    /// and re-encoding), optionally followed by one more byte such as a newline.
    public func serializedUTF8(terminator: UInt8? = nil) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        write(into: &output)
        if let terminator { output.append(terminator) }
        return output
    }

    private func write(into output: inout [UInt8]) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case let .bool(value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case let .int(value): output.append(contentsOf: String(value).utf8)
        case let .double(value): output.append(contentsOf: Self.format(value).utf8)
        case let .string(value): Self.writeString(value, into: &output)
        case let .array(values):
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                value.write(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case let .object(pairs):
            output.append(UInt8(ascii: "{"))
            for (index, pair) in pairs.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeString(pair.0, into: &output)
                output.append(UInt8(ascii: ":"))
                pair.1.write(into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Shortest round-tripping text for finite numbers; JSON has no NaN or infinity, so those are null.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// A quoted string: UTF-8 copied through in runs, escaping quotes, backslashes, control
    /// characters and U+2028/U+2029 (which break JavaScript string literals).
    static func writeString(_ value: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = value
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            func escape(_ replacement: StaticString, width: Int = 1) {
                if index > runStart { output.append(contentsOf: bytes[runStart..<index]) }
                replacement.withUTF8Buffer { output.append(contentsOf: $0) }
                index += width
                runStart = index
            }
            while index < bytes.count {
                // Eight bytes at a time while none needs a look (answers are long runs of letters).
                while index + 8 <= bytes.count,
                      !Self.mayNeedEscape(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                }
                guard index < bytes.count else { break }
                let byte = bytes[index]
                // Most bytes are copied through: test for them before the escaping switch.
                if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte != 0xE2 {
                    index += 1
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""): escape("\\\"")
                case UInt8(ascii: "\\"): escape("\\\\")
                case 0x0A: escape("\\n")
                case 0x0D: escape("\\r")
                case 0x09: escape("\\t")
                case 0x00..<0x20:
                    if index > runStart { output.append(contentsOf: bytes[runStart..<index]) }
                    let hex = String(byte, radix: 16)
                    output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                    index += 1
                    runStart = index
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", width: 3)
                default:
                    index += 1
                }
            }
            if bytes.count > runStart { output.append(contentsOf: bytes[runStart..<bytes.count]) }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Whether eight bytes hold one `writeString` must look at: a control character, a quote, a
    /// backslash or 0xE2 (which starts U+2028/U+2029). Exact bit tests on all eight bytes at once
    /// ("Bit Twiddling Hacks": a byte below n, a zero byte).
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let control = (word &- ones &* 0x20) & ~word & highs != 0
        return control || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C)) || hasZero(word ^ (ones &* 0xE2))
    }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral, ExpressibleByArrayLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(arrayLiteral elements: JSON...) { self = .array(elements) }
}

extension JSON {
    /// A string, or null for nil.
    public static func optional(_ value: String?) -> JSON { value.map(JSON.string) ?? .null }
    /// An array of strings.
    public static func strings(_ values: [String]) -> JSON { .array(values.map(JSON.string)) }
}
