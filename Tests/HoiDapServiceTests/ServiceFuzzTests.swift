import TestSupport
import Foundation
import HTTPServer
import HoiDapService
import OrderedJSON
import Testing

/// Random bodies and headers against every route of a running service: every request gets an
/// answer below 500, and the server keeps serving.
struct ServiceFuzzTests {
    static let targets: [(String, String)] = [
        ("POST", "/api/chat"), ("POST", "/api/tickets/lookup"), ("GET", "/api/tickets/1022-AAAA-AAAA?phone=%FF%FE"),
        ("GET", "/api/search?q=%C3%A0&limit=-1"), ("GET", "/api/procedures/%00"), ("POST", "/open311/v2/requests.json"),
        ("GET", "/open311/v2/requests/1022-AAAA-AAAA.json?phone=0912345678"), ("POST", "/api/officer/tickets/1022-AAAA-AAAA/status"),
        ("GET", "/public/stats?from=2026-01-01&to=2025-01-01"), ("OPTIONS", "/api/chat"), ("GET", "/metrics"), ("PATCH", "/"),
    ]

    static let fragments = [#"{"message":"#, #""session":"#, "null", "[", "]", "{", "}", ",", "\"", "\\u0000", "\\ud800", "ổ gà", "0912345678",
                            "1e309", "-0", "true", "\u{0}", "%", "&", "=", "service_code=ha_tang", "phone=", "\r\n"]

    @Test func randomInputNeverBreaksTheService() throws {
        let harness = try Harness {
            $0.chatPerMinute = 0
            $0.lookupsPerMinute = 0
            $0.ticketsPerHour = 0
        }
        let server = try IntegrationTests.serve(harness)
        defer { server.stop() }
        var generator = SeededGenerator(state: 1022)
        var statuses: [Int: Int] = [:]
        for round in 0..<400 {
            let (method, path) = Self.targets.randomElement(using: &generator)!
            var body: [UInt8] = []
            switch Int.random(in: 0...2, using: &generator) {
            case 0: body = (0..<Int.random(in: 0...300, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            case 1: body = Array((0..<Int.random(in: 1...12, using: &generator)).map { _ in Self.fragments.randomElement(using: &generator)! }.joined().utf8)
            default: body = Array(#"{"message": "\#(round) ổ gà", "session": "s\#(round % 7)", "code": "1022-AAAA-AAAA", "phone": "0912345678", "status": "resolved"}"#.utf8)
            }
            var headers: [(String, String)] = [("Content-Type", ["application/json", "application/x-www-form-urlencoded", "text/plain"].randomElement(using: &generator)!)]
            if Bool.random(using: &generator) { headers.append(("Authorization", ["Bearer hd_x", "Bearer", "Basic Og==", "Bearer " + String(repeating: "A", count: 46)].randomElement(using: &generator)!)) }
            if Bool.random(using: &generator) { headers.append(("Origin", "https://x.example")) }
            if Bool.random(using: &generator) { headers.append(("Access-Control-Request-Method", "POST")) }
            if Bool.random(using: &generator) { headers.append(("X-Forwarded-For", "1.2.3.\(round % 255), ::1")) }
            guard let reply = http(server.port, method, path, headers: headers, body: body) else {
                Issue.record("round \(round): no answer to \(method) \(path)")
                continue
            }
            statuses[reply.status, default: 0] += 1
            #expect(reply.status < 500, "round \(round): \(method) \(path) → \(reply.status) \(reply.text)")
        }
        #expect(statuses.values.reduce(0, +) == 400)
        #expect(http(server.port, "GET", "/healthz")?.status == 200)
        #expect(try harness.store.integrityCheck() == ["ok"])
    }
}
