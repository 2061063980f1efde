/// Decodes untrusted bytes or UTF-16 into a valid string, replacing what cannot be decoded
/// (invalid UTF-8, lone surrogates) with U+FFFD and saying so — never trapping.
public enum TextSanitizer {
    /// A decoded text and what had to be replaced.
    public struct Result: Sendable, Equatable {
        public var text: String
        public var warnings: [String]
    }

    /// Decodes UTF-8, replacing each invalid sequence with U+FFFD.
    public static func decode(utf8 bytes: some Collection<UInt8>) -> Result {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        return decode(&iterator, &decoder, what: "UTF-8 sequence")
    }

    /// Decodes UTF-16, replacing each lone surrogate with U+FFFD.
    public static func decode(utf16 units: some Collection<UInt16>) -> Result {
        var iterator = units.makeIterator()
        var decoder = UTF16()
        return decode(&iterator, &decoder, what: "surrogate")
    }

    private static func decode<Codec: UnicodeCodec, Source: IteratorProtocol>(
        _ iterator: inout Source, _ decoder: inout Codec, what: String
    ) -> Result where Source.Element == Codec.CodeUnit {
        var scalars = String.UnicodeScalarView()
        var errors = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break loop
            case .error:
                errors += 1
                scalars.append("\u{FFFD}")
            }
        }
        let warnings = errors == 0 ? [] : ["replaced \(errors) invalid \(what)\(errors == 1 ? "" : "s") with U+FFFD"]
        return Result(text: String(scalars), warnings: warnings)
    }
}
