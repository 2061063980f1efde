import Foundation
import Testing
@testable import Tickets

@Suite struct OfficerTokenTests {
    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func tokensAuthenticateUntilRevokedAndAreStoredHashed() throws {
        let store = try Fixtures.store()
        let (officer, token) = try store.createToken(name: "Lan", unitID: "phuong-tan-dinh", role: .leader)
        #expect(token.hasPrefix("hd_") && token.count == 46)
        #expect(try store.authenticate(token: token) == officer)
        #expect(try store.authenticate(token: "Bearer \(token)") == officer)
        let stored = try store.read { db in try String.fetchAll(db, sql: "SELECT token_hash FROM officer_tokens") }
        #expect(stored == [SHA256.hex(token)])
        #expect(!stored[0].contains(token))

        #expect(throws: TicketError.invalidInput(field: "name", message: "an active token already has this name; revoke it first")) {
            try store.createToken(name: "Lan", unitID: nil, role: .officer)
        }
        try store.revokeToken(name: "Lan")
        #expect(throws: TicketError.unauthorized) { try store.authenticate(token: token) }
        // The name is free again once revoked; the old row stays for the record.
        _ = try store.createToken(name: "Lan", unitID: nil, role: .officer)
        #expect(try store.officers().map { $0.revokedAt == nil } == [false, true])
    }

    @Test(arguments: ["", "hd_", "Bearer ", "hd_" + String(repeating: "A", count: 43), "not-a-token", String(repeating: "x", count: 10_000)])
    func badTokensAreUnauthorized(token: String) throws {
        let store = try Fixtures.store()
        #expect(throws: TicketError.unauthorized) { try store.authenticate(token: token) }
    }

    @Test func tokenForAnUnknownUnitIsRefused() throws {
        let store = try Fixtures.store()
        #expect(throws: TicketError.unknownUnit("phuong-x")) { try store.createToken(name: "X", unitID: "phuong-x", role: .officer) }
        #expect(try store.officers().isEmpty)
    }
}
