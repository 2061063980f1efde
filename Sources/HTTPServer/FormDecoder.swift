/// Decodes `application/x-www-form-urlencoded` text (`a=1&b=xin+ch%C3%A0o`).
///
///     FormDecoder.decode(Array("q=l%C3%BD+l%E1%BB%8Bch".utf8))  // ["q": "lý lịch"]
///
/// `+` is a space, `%XX` a byte; the decoded bytes must be UTF-8. A repeated name keeps its last value.
public enum FormDecoder {
    /// The fields, or nil for a broken percent escape or invalid UTF-8.
    public static func decode(_ bytes: some Collection<UInt8>) -> [String: String]? {
        var fields: [String: String] = [:]
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = unescape(parts[0]) else { return nil }
            let value = parts.count > 1 ? unescape(parts[1]) : ""
            guard let value else { return nil }
            if !name.isEmpty { fields[name] = value }
        }
        return fields
    }

    /// Percent-decodes one component (`+` as space); nil when broken or not UTF-8.
    public static func unescape(_ bytes: some Collection<UInt8>) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): output.append(0x20)
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                output.append(high << 4 | low)
            default: output.append(byte)
            }
        }
        return String(validating: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
