import CVietICU

/// An ICU failure: the ICU error code and its name, never the text being processed.
public struct ICUError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The raw `UErrorCode`.
    public let code: Int32
    /// What was being attempted ("word break", "normalization").
    public let operation: String

    public var description: String {
        "ICU \(operation) failed: \(String(validatingCString: hd_error_name(code)) ?? "unknown") (\(code))"
    }
}

/// Thin Swift calls over the `CVietICU` shim; everything here works on UTF-16 code units.
public enum ICU {
    /// Unicode normalization forms used by the analyzer.
    public enum Form: Int32, Sendable {
        case nfc = 0, nfd = 1, nfkcCasefold = 2
    }

    /// A word-break segment: a half-open range of UTF-16 offsets and ICU's rule status.
    public struct Segment: Sendable, Equatable {
        public var start: Int
        public var end: Int
        public var status: Int32

        /// True for ICU's "none" class: spaces, punctuation, symbols, emoji.
        public var isWordLike: Bool { status >= 100 }
        /// True for ICU's number class.
        public var isNumber: Bool { status >= 100 && status < 200 }
    }

    /// The ICU library version, e.g. "72.1".
    public static var version: String {
        var buffer = [CChar](repeating: 0, count: 32)
        hd_icu_version(&buffer, 32)
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Normalizes UTF-16 code units.
    /// - Complexity: O(n).
    public static func normalize(_ units: [UInt16], form: Form) throws(ICUError) -> [UInt16] {
        if units.isEmpty { return [] }
        var capacity = units.count + units.count / 2 + 8
        while true {
            var output = [UInt16](repeating: 0, count: capacity)
            var error: Int32 = 0
            let written = units.withUnsafeBufferPointer { source in
                output.withUnsafeMutableBufferPointer { dest in
                    hd_normalize(form.rawValue, source.baseAddress, Int32(source.count),
                                 dest.baseAddress, Int32(dest.count), &error)
                }
            }
            if written < 0 { throw ICUError(code: error, operation: "normalization") }
            if Int(written) <= capacity {
                output.removeLast(capacity - Int(written))
                return output
            }
            capacity = Int(written)
        }
    }

    /// Normalizes a string; on ICU failure (which needs a broken ICU install) returns it as is.
    public static func normalize(_ text: String, form: Form) -> String {
        guard let units = try? normalize(Array(text.utf16), form: form) else { return text }
        return String(decoding: units, as: UTF16.self)
    }

    /// Whether the code units are already in the form.
    public static func isNormalized(_ units: [UInt16], form: Form) -> Bool {
        var error: Int32 = 0
        let result = units.withUnsafeBufferPointer {
            hd_is_normalized(form.rawValue, $0.baseAddress, Int32($0.count), &error)
        }
        return result == 1
    }

    /// Splits text at ICU word boundaries (locale "vi": one segment per syllable).
    /// - Complexity: O(n).
    public static func wordSegments(_ units: [UInt16]) throws(ICUError) -> [Segment] {
        if units.isEmpty { return [] }
        let capacity = units.count
        var starts = [Int32](repeating: 0, count: capacity)
        var ends = [Int32](repeating: 0, count: capacity)
        var statuses = [Int32](repeating: 0, count: capacity)
        var error: Int32 = 0
        let count = units.withUnsafeBufferPointer { text in
            hd_word_segments(text.baseAddress, Int32(text.count), &starts, &ends, &statuses,
                             Int32(capacity), &error)
        }
        if count < 0 { throw ICUError(code: error, operation: "word break") }
        var segments: [Segment] = []
        segments.reserveCapacity(Int(count))
        for index in 0..<Int(count) {
            segments.append(Segment(start: Int(starts[index]), end: Int(ends[index]),
                                    status: statuses[index]))
        }
        return segments
    }
}
