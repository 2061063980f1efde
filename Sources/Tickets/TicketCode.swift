/// The code a citizen reads over the phone: `1022-XXXX-XXXX`.
///
/// The eight random characters come from a 30-letter alphabet without `0`/`O`, `1`/`I`/`L`
/// (read alike on the phone and in handwriting) and `U` (keeps accidental words out), so
/// there are 30^8 ≈ 6.6 × 10^11 codes: guessing one is hopeless, and the citizen lookup also
/// needs the phone number. Uniqueness is enforced by the database, not by luck: the store
/// retries with a fresh code when the UNIQUE index refuses one.
///
///     TicketCode.random().text           // "1022-7KQ4-XM2D"
///     TicketCode(parsing: "7kq4 xm2d")   // the same code, as a citizen might type it
public struct TicketCode: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The 30 characters of a code: digits 2–9 and A–Z without I, L, O, U.
    public static let alphabet: [Character] = Array("23456789ABCDEFGHJKMNPQRSTVWXYZ")
    public static let prefix = "1022"

    /// The canonical text, `1022-XXXX-XXXX`.
    public let text: String

    /// A fresh code from the system's cryptographic random source.
    public static func random() -> TicketCode {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> TicketCode {
        let body = (0..<8).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] }
        return TicketCode(unchecked: "\(prefix)-\(String(body[0..<4]))-\(String(body[4..<8]))")
    }

    init(unchecked text: String) { self.text = text }

    /// Parses a code as typed or dictated: case, spaces, dashes and the `1022` prefix are
    /// optional; returns nil for anything that cannot be a code.
    public init?(parsing input: String) {
        var chars = input.uppercased().filter { !" -._\t".contains($0) }
        if chars.count == 12, chars.hasPrefix(Self.prefix) { chars.removeFirst(4) }
        guard chars.count == 8, chars.allSatisfy(Self.alphabet.contains) else { return nil }
        let body = Array(chars)
        text = "\(Self.prefix)-\(String(body[0..<4]))-\(String(body[4..<8]))"
    }

    public var description: String { text }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.text < rhs.text }
}
