/// Fast conversion of UTF-16 code units to `String`, the analyzer's most frequent operation.
enum UTF16Text {
    /// The string for code units; BMP text is written as UTF-8 directly, text with surrogate
    /// pairs goes through the standard library's decoder.
    /// - Complexity: O(n), one allocation for strings longer than 15 UTF-8 bytes.
    @inline(__always)
    static func string(_ units: ArraySlice<UInt16>) -> String {
        var length = 0
        for unit in units {
            if unit < 0x80 { length += 1 }
            else if unit < 0x800 { length += 2 }
            else if unit >= 0xD800 && unit < 0xE000 { return String(decoding: units, as: UTF16.self) }
            else { length += 3 }
        }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var index = 0
            for unit in units {
                if unit < 0x80 {
                    buffer[index] = UInt8(unit)
                    index += 1
                } else if unit < 0x800 {
                    buffer[index] = UInt8(0xC0 | (unit >> 6))
                    buffer[index + 1] = UInt8(0x80 | (unit & 0x3F))
                    index += 2
                } else {
                    buffer[index] = UInt8(0xE0 | (unit >> 12))
                    buffer[index + 1] = UInt8(0x80 | ((unit >> 6) & 0x3F))
                    buffer[index + 2] = UInt8(0x80 | (unit & 0x3F))
                    index += 3
                }
            }
            return index
        }
    }

    @inline(__always)
    static func string(_ units: [UInt16]) -> String { string(units[...]) }
}
