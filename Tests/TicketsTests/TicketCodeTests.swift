import TestSupport
import Foundation
import Testing
@testable import Tickets

@Suite struct TicketCodeTests {
    @Test func alphabetHasThirtyUnambiguousCharacters() {
        #expect(TicketCode.alphabet.count == 30)
        #expect(Set(TicketCode.alphabet).count == 30)
        for ambiguous: Character in ["0", "O", "1", "I", "L", "U"] {
            #expect(!TicketCode.alphabet.contains(ambiguous))
        }
    }

    @Test func randomCodesHaveTheCanonicalShape() {
        var generator = SeededGenerator(state: 42)
        for _ in 0..<1000 {
            let code = TicketCode.random(using: &generator)
            let parts = code.text.split(separator: "-")
            #expect(parts.count == 3)
            #expect(parts[0] == "1022")
            #expect(parts[1].count == 4 && parts[2].count == 4)
            #expect(parts[1...].joined().allSatisfy(TicketCode.alphabet.contains))
            #expect(TicketCode(parsing: code.text) == code)
        }
    }

    @Test func systemRandomCodesDiffer() {
        let codes = Set((0..<2000).map { _ in TicketCode.random() })
        #expect(codes.count == 2000)
    }

    @Test(arguments: [
        ("1022-7KQ4-XM2D", "1022-7KQ4-XM2D"),
        ("1022 7kq4 xm2d", "1022-7KQ4-XM2D"),
        ("7kq4-xm2d", "1022-7KQ4-XM2D"),
        ("  7KQ4XM2D ", "1022-7KQ4-XM2D"),
        ("1022.7KQ4.XM2D", "1022-7KQ4-XM2D"),
    ])
    func parsesTypedCodes(input: String, expected: String) {
        #expect(TicketCode(parsing: input)?.text == expected)
    }

    @Test(arguments: ["", "1022-7KQ4-XM2", "1022-7KQ4-XM2DD", "1022-0KQ4-XM2D", "1022-IKQ4-XM2D", "2022-7KQ4-XM2D", "7KQ4-XM2Đ"])
    func refusesWhatCannotBeACode(input: String) {
        #expect(TicketCode(parsing: input) == nil)
    }
}
