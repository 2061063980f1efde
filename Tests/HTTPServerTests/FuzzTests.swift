import TestSupport
import Foundation
import HTTPServer
import Testing

/// Random request lines, headers and bodies against a running server: it must answer every
/// well-formed-enough request, never crash, and keep serving afterwards.
struct FuzzTests {
    static let methods = ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "BREW", "get", ""]
    static let paths = ["/", "/hello", "/echo", "/json", "/query?q=%", "/path/%", "/path/" + String(repeating: "a", count: 3000),
                        "/../../etc/passwd", "/query?%00=%00", "*", "http://x/hello", "/json?" + String(repeating: "&a=b", count: 300)]

    static func randomBytes(_ count: Int, _ generator: inout SeededGenerator) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(0, min(count, 1 << 20)))
        for _ in 0..<max(0, count) { bytes.append(UInt8.random(in: 0...255, using: &generator)) }
        return bytes
    }

    @Test func randomRequestsNeverBreakTheServer() throws {
        var configuration = Server.Configuration(host: "127.0.0.1", port: 0)
        configuration.threads = 2
        configuration.connectionTimeout = 2
        let server = try Server(configuration, responder: ServerTests.router(gate: Shared(true)))
        defer { server.stop() }
        var generator = SeededGenerator(state: 2026)
        var answered = 0
        for round in 0..<300 {
            guard let connection = RawConnection(port: server.port, timeoutSeconds: 5) else {
                Issue.record("round \(round): connection refused")
                break
            }
            let method = Self.methods.randomElement(using: &generator)!
            let path = Self.paths.randomElement(using: &generator)!
            var head = Array("\(method) \(path) HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n".utf8)
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                switch Int.random(in: 0...4, using: &generator) {
                case 0: head += Array("X-\(round): ".utf8) + Self.randomBytes(Int.random(in: 0...40, using: &generator), &generator).filter { $0 != 10 && $0 != 13 } + [13, 10]
                case 1: head += Array("Content-Type: application/json\r\n".utf8)
                case 2: head += Array("Accept: */*\r\n".utf8)
                case 3: head += Array("Authorization: Bearer \(round)\r\n".utf8)
                default: head += Self.randomBytes(Int.random(in: 1...30, using: &generator), &generator) + [13, 10]
                }
            }
            let body: [UInt8]
            switch Int.random(in: 0...3, using: &generator) {
            case 0: body = []
            case 1: body = Self.randomBytes(Int.random(in: 1...2000, using: &generator), &generator)
            case 2: body = Array(#"{"message": "\#(round)", "x": [1, {"y": null}]}"#.utf8)
            default: body = Array(#"{"message": ""#.utf8) + Self.randomBytes(50, &generator)
            }
            let lie = Int.random(in: 0...5, using: &generator) == 0
            head += Array("Content-Length: \(lie ? body.count + 10 : body.count)\r\n\r\n".utf8)
            connection.send(head + body)
            if lie { continue }  // the server waits for the missing bytes until the timeout; do not wait with it
            if connection.readReply(headOnly: method == "HEAD") != nil { answered += 1 }
        }
        #expect(answered > 150)
        let reply = try #require(http(server.port, "GET", "/hello"))
        #expect(reply.status == 200)
        #expect(reply.text == "xin chào")
    }
}
