/// The text being analyzed, as the UTF-16 code units every stage indexes into.
public struct AnalysisInput: Sendable {
    /// The input after sanitizing (invalid UTF-8 and lone surrogates already replaced).
    public let text: String
    public let utf16: [UInt16]

    public init(_ text: String) {
        self.text = text
        self.utf16 = Self.utf16(of: text)
    }

    /// UTF-16 of a string by decoding its UTF-8 directly, several times faster than
    /// iterating `String.UTF16View` for native strings.
    static func utf16(of text: String) -> [UInt16] {
        var text = text
        return text.withUTF8 { bytes in
            [UInt16](unsafeUninitializedCapacity: bytes.count) { output, written in
                var index = 0, count = 0
                while index < bytes.count {
                    let lead = UInt32(bytes[index])
                    if lead < 0x80 {
                        output[count] = UInt16(lead); count += 1; index += 1
                    } else if lead < 0xE0 {
                        output[count] = UInt16(((lead & 0x1F) << 6) | (UInt32(bytes[index + 1]) & 0x3F))
                        count += 1; index += 2
                    } else if lead < 0xF0 {
                        output[count] = UInt16(((lead & 0x0F) << 12) | ((UInt32(bytes[index + 1]) & 0x3F) << 6)
                                               | (UInt32(bytes[index + 2]) & 0x3F))
                        count += 1; index += 3
                    } else {
                        let scalar = ((lead & 0x07) << 18) | ((UInt32(bytes[index + 1]) & 0x3F) << 12)
                            | ((UInt32(bytes[index + 2]) & 0x3F) << 6) | (UInt32(bytes[index + 3]) & 0x3F)
                        let value = scalar - 0x10000
                        output[count] = UInt16(0xD800 + (value >> 10))
                        output[count + 1] = UInt16(0xDC00 + (value & 0x3FF))
                        count += 2; index += 4
                    }
                }
                written = count
            }
        }
    }

    /// The input's code units in a range, as a string.
    public func slice(_ range: Range<Int>) -> String {
        UTF16Text.string(utf16[range])
    }

    /// Whether everything between two offsets is whitespace (or nothing at all).
    public func onlySpaces(_ range: Range<Int>) -> Bool {
        for unit in utf16[range] where !Self.isSpace(unit) { return false }
        return true
    }

    static func isSpace(_ unit: UInt16) -> Bool {
        unit == 0x20 || (unit >= 0x09 && unit <= 0x0D) || unit == 0xA0 || unit == 0x3000
            || (unit >= 0x2000 && unit <= 0x200B) || unit == 0x202F || unit == 0x205F || unit == 0xFEFF
    }
}

/// Splits text into syllable and number tokens with ICU's word break iterator.
///
/// ICU has no Vietnamese dictionary, so each syllable is one segment; it keeps "TP.HCM",
/// "0912.345.678" and "1.500.000đ" whole and drops nothing itself. Segments of ICU's "none"
/// class — spaces, punctuation, symbols, emoji — are not emitted.
public struct WordTokenizer: Sendable {
    /// Whether tokens carry their raw text; a chain that normalizes next can skip it.
    public let keepsRawText: Bool

    public init(keepsRawText: Bool = true) {
        self.keepsRawText = keepsRawText
    }

    /// Tokens with raw (un-normalized) text, positions in order, and input offsets.
    public func tokenize(_ input: AnalysisInput) -> [Token] {
        guard let segments = try? ICU.wordSegments(input.utf16) else {
            // Only a broken ICU install gets here; fall back to whitespace splitting.
            return whitespaceTokens(input)
        }
        var tokens: [Token] = []
        tokens.reserveCapacity(segments.count / 2 + 1)
        var offsets = UTF8Offsets(input.utf16)
        for segment in segments where segment.isWordLike {
            let start8 = offsets.advance(to: segment.start)
            let end8 = offsets.advance(to: segment.end)
            // ICU calls "thu3" or "1tr5" a number; letters make it a word (a VNI or amount reading).
            let isNumber = segment.isNumber && !input.utf16[segment.start..<segment.end].contains { $0 >= 0x41 }
            tokens.append(Token(text: keepsRawText ? input.slice(segment.start..<segment.end) : "", folded: "",
                                kind: isNumber ? .number : .word, position: tokens.count,
                                utf8Range: start8..<end8, utf16Range: segment.start..<segment.end))
        }
        return tokens
    }

    private func whitespaceTokens(_ input: AnalysisInput) -> [Token] {
        var tokens: [Token] = []
        var offsets = UTF8Offsets(input.utf16)
        var start: Int? = nil
        for index in 0...input.utf16.count {
            let isBreak = index == input.utf16.count || AnalysisInput.isSpace(input.utf16[index])
            if isBreak, let begin = start {
                let start8 = offsets.advance(to: begin), end8 = offsets.advance(to: index)
                tokens.append(Token(text: input.slice(begin..<index), folded: "", kind: .word,
                                    position: tokens.count, utf8Range: start8..<end8,
                                    utf16Range: begin..<index))
                start = nil
            } else if !isBreak, start == nil {
                start = index
            }
        }
        return tokens
    }
}

/// Converts increasing UTF-16 offsets to UTF-8 offsets in one forward pass.
struct UTF8Offsets {
    private let units: [UInt16]
    private var index16 = 0
    private var index8 = 0

    init(_ units: [UInt16]) { self.units = units }

    /// Starts at a known pair of offsets instead of the beginning.
    init(_ units: [UInt16], from utf16Offset: Int, utf8 utf8Offset: Int) {
        self.units = units
        index16 = utf16Offset
        index8 = utf8Offset
    }

    /// The UTF-8 offset of a UTF-16 offset at or after the previous one.
    mutating func advance(to target: Int) -> Int {
        while index16 < target {
            let unit = units[index16]
            if unit < 0x80 { index8 += 1 }
            else if unit < 0x800 { index8 += 2 }
            else if unit >= 0xD800 && unit < 0xDC00 { index8 += 4; index16 += 1 }
            else { index8 += 3 }
            index16 += 1
        }
        return index8
    }
}
