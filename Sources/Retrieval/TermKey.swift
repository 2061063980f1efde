/// The kinds of index terms: syllables in the folded and accented spaces, and folded
/// adjacent-syllable pairs (the phrase signal).
public enum TermKind: UInt8, Sendable, CaseIterable {
    case folded = 1, accented = 2, bigram = 3

    /// The dictionary key of a term: one kind byte, then the text.
    @inline(__always)
    func key(_ text: String) -> String {
        switch self {
        case .folded: "f" + text
        case .accented: "a" + text
        case .bigram: "b" + text
        }
    }

    /// The kind and text of a dictionary key.
    static func split(_ key: String) -> (TermKind, String) {
        let kind: TermKind = switch key.first { case "a": .accented; case "b": .bigram; default: .folded }
        return (kind, String(key.dropFirst()))
    }
}

/// Little-endian base-128 varints, for positions.
enum Varint {
    @inline(__always)
    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Reads one varint at `offset`, advancing it; nil when the bytes (or `end`) stop mid-number.
    @inline(__always)
    static func read(_ bytes: [UInt8], _ offset: inout Int, end: Int? = nil) -> UInt32? {
        let end = min(end ?? bytes.count, bytes.count)
        var value: UInt32 = 0, shift: UInt32 = 0
        while offset < end, shift < 35 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt32(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    /// Moves `offset` past `count` varints; false when the bytes (or `end`) stop first.
    static func skip(_ count: Int, in bytes: [UInt8], _ offset: inout Int, end: Int) -> Bool {
        let end = min(end, bytes.count)
        var remaining = count
        while remaining > 0, offset < end {
            // A varint ends at its first byte without the continuation bit.
            if bytes[offset] < 0x80 { remaining -= 1 }
            offset += 1
        }
        return remaining == 0
    }
}
