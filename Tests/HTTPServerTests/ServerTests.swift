import TestSupport
import Foundation
import HTTPServer
import OrderedJSON
import Synchronization
import Testing

/// A value the test and the server's threads share.
final class Shared<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>
    init(_ value: Value) { mutex = Mutex(value) }
    func withLock<R>(_ body: (inout Value) -> R) -> R { mutex.withLock { body(&$0) } }
    var value: Value { withLock { $0 } }
}

/// Started on an ephemeral port in the test process; the client speaks raw HTTP/1.1.
struct ServerTests {
    static func router(gate: Shared<Bool>? = nil) -> Router {
        var router = Router()
        router.get("/hello") { _ in .text("xin chào") }
        router.post("/echo") { request in .text("\(request.body.count):\(try request.bodyText())") }
        router.post("/json") { request in .json(try request.jsonBody()) }
        router.get("/query") { request in
            .json(.object(request.query.sorted { $0.key < $1.key }.map { ($0.key, JSON.string($0.value)) }))
        }
        router.get("/path/{x}") { .text($0.parameters["x"]!) }
        router.get("/client") { .text($0.remoteAddress) }
        router.get("/slow") { _ in
            while gate?.value == false { Thread.sleep(forTimeInterval: 0.01) }
            return .text("done")
        }
        return router
    }

    static func start(_ configure: (inout Server.Configuration) -> Void = { _ in }, gate: Shared<Bool>? = nil) throws -> Server {
        var configuration = Server.Configuration(host: "127.0.0.1", port: 0)
        configuration.threads = 2
        configure(&configuration)
        return try Server(configuration, responder: router(gate: gate))
    }

    @Test func servesGetAndPost() throws {
        let server = try Self.start()
        defer { server.stop() }
        #expect(server.port != 0)
        let hello = try #require(http(server.port, "GET", "/hello"))
        #expect(hello.status == 200)
        #expect(hello.text == "xin chào")
        #expect(hello.header("Content-Type") == "text/plain; charset=utf-8")
        #expect(hello.header("Content-Length") == "9")

        let echo = try #require(http(server.port, "POST", "/echo", body: Array("chào bạn".utf8)))
        #expect(echo.text == "11:chào bạn")

        let json = try #require(http(server.port, "POST", "/json", json: #"{"message": "Làm lại căn cước", "n": 1}"#))
        #expect(json.status == 200)
        #expect(json.text == #"{"message":"Làm lại căn cước","n":1}"# + "\n")

        let head = try #require(http(server.port, "HEAD", "/hello"))
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
    }

    @Test func decodesPathsAndQueries() throws {
        let server = try Self.start()
        defer { server.stop() }
        let path = try #require(http(server.port, "GET", "/path/c%E1%BA%A5p-l%E1%BA%A1i"))
        #expect(path.text == "cấp-lại")
        let query = try #require(http(server.port, "GET", "/query?q=l%C3%BD+l%E1%BB%8Bch&limit=5&flag"))
        #expect(query.text == #"{"flag":"","limit":"5","q":"lý lịch"}"# + "\n")
        let client = try #require(http(server.port, "GET", "/client"))
        #expect(client.text == "127.0.0.1")
    }

    @Test func errorStatuses() throws {
        let server = try Self.start()
        defer { server.stop() }
        let missing = try #require(http(server.port, "GET", "/nope"))
        #expect(missing.status == 404)
        #expect(missing.text == #"{"error":{"code":"not_found","status":404,"message":"no such resource"}}"# + "\n")

        let method = try #require(http(server.port, "PUT", "/hello", body: []))
        #expect(method.status == 405)
        #expect(method.header("Allow") == "GET, HEAD, OPTIONS")

        let malformed = try #require(http(server.port, "POST", "/json", json: #"{"message": }"#))
        #expect(malformed.status == 400)
        #expect(malformed.text == #"{"error":{"code":"bad_request","status":400,"message":"malformed JSON at byte 12: unexpected character"}}"# + "\n")

        let invalidUTF8 = try #require(http(server.port, "POST", "/echo", body: [0x61, 0xC3, 0x28]))
        #expect(invalidUTF8.status == 400)
        #expect(invalidUTF8.text.contains("the request body is not valid UTF-8"))

        let badQuery = try #require(http(server.port, "GET", "/query?q=%FF"))
        #expect(badQuery.status == 400)
        #expect(badQuery.text == #"{"error":{"code":"bad_request","status":400,"message":"the query string or a header is not valid UTF-8"}}"# + "\n")

        let badPath = try #require(http(server.port, "GET", "/path/%C3%28"))
        #expect(badPath.status == 400)
        #expect(badPath.text.contains("the request path is not valid UTF-8"))
    }

    @Test func oversizedBodiesAre413() throws {
        let rejected = Shared<[Int]>([])
        let server = try Self.start { $0.onRejected = { _, status in rejected.withLock { $0.append(status) } } }
        defer { server.stop() }
        // Announced with Content-Length: refused before the body is read.
        let announced = try #require(http(server.port, "POST", "/echo", body: [UInt8](repeating: 0x61, count: 64 * 1024 + 1)))
        #expect(announced.status == 413)
        #expect(announced.text == #"{"error":{"code":"content_too_large","status":413,"message":"the request body is larger than 64 KiB"}}"# + "\n")
        // Exactly the limit is fine.
        let limit = try #require(http(server.port, "POST", "/echo", body: [UInt8](repeating: 0x61, count: 64 * 1024)))
        #expect(limit.status == 200)
        #expect(limit.text.hasPrefix("65536:aaa"))
        // Chunked: no length up front, refused once the limit is crossed.
        let connection = try #require(RawConnection(port: server.port))
        var request = Array("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n".utf8)
        for _ in 0..<5 {
            request += Array("4000\r\n".utf8) + [UInt8](repeating: 0x62, count: 0x4000) + Array("\r\n".utf8)
        }
        request += Array("0\r\n\r\n".utf8)
        connection.send(request)
        let chunked = try #require(connection.readReply())
        #expect(chunked.status == 413)
        #expect(rejected.value == [413, 413])
    }

    @Test func keepAliveServesSeveralRequestsOnOneConnection() throws {
        let server = try Self.start()
        defer { server.stop() }
        let connection = try #require(RawConnection(port: server.port))
        for index in 0..<5 {
            connection.send(method: "POST", path: "/echo", body: Array("lần \(index)".utf8))
            let reply = try #require(connection.readReply())
            #expect(reply.text == "7:lần \(index)")
        }
        // Pipelined: two requests in one write, two answers in order.
        connection.send("GET /path/a HTTP/1.1\r\nHost: x\r\n\r\nGET /path/b HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(connection.readReply()?.text == "a")
        #expect(connection.readReply()?.text == "b")
    }

    @Test func malformedRequestLinesGetAnAnswerNotACrash() throws {
        let server = try Self.start()
        defer { server.stop() }
        for garbage in ["GARBAGE\r\n\r\n", "GET\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", "GET / HTTP/1.1\r\nNoColonHeader\r\n\r\n"] {
            let connection = try #require(RawConnection(port: server.port))
            connection.send(garbage)
            if let reply = connection.readReply() {
                #expect(reply.status >= 400, "\(garbage.debugDescription) answered \(reply.status)")
            }
        }
        #expect(http(server.port, "GET", "/hello")?.status == 200)
    }

    @Test func idleAndSlowConnectionsAreClosed() throws {
        let server = try Self.start { $0.connectionTimeout = 1 }
        defer { server.stop() }
        let idle = try #require(RawConnection(port: server.port))
        #expect(idle.isClosedByPeer())
        // A slowloris: half a request line, then nothing.
        let slow = try #require(RawConnection(port: server.port))
        slow.send("GET /hel")
        #expect(slow.isClosedByPeer())
        #expect(http(server.port, "GET", "/hello")?.status == 200)
    }

    @Test func stopFinishesRequestsInFlightAndRefusesNewConnections() throws {
        let gate = Shared(false)
        let server = try Self.start(gate: gate)
        let port = server.port
        let connection = try #require(RawConnection(port: port))
        connection.send(method: "GET", path: "/slow")
        while server.inFlight == 0 { Thread.sleep(forTimeInterval: 0.01) }
        let stopped = Shared<Bool?>(nil)
        let thread = Thread {
            let drained = server.stop()
            stopped.withLock { $0 = drained }
        }
        thread.start()
        // stop() is waiting for /slow: no new connection gets through meanwhile.
        while RawConnection(port: port).map({ $0.send(method: "GET", path: "/hello"); return $0.readReply() != nil }) == true {
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(stopped.value == nil)
        gate.withLock { $0 = true }
        let reply = try #require(connection.readReply())
        #expect(reply.status == 200)
        #expect(reply.text == "done")
        #expect(reply.header("Connection")?.lowercased() == "close")
        while stopped.value == nil { Thread.sleep(forTimeInterval: 0.01) }
        #expect(stopped.value == true)
        #expect(server.isRunning == false)
        #expect(server.inFlight == 0)
        #expect(RawConnection(port: port) == nil)
    }

    @Test func startErrorsAreClear() throws {
        do {
            _ = try Server(Server.Configuration(host: "localhost", port: 0), responder: Self.router())
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "--host must be a numeric IPv4 or IPv6 address, not 'localhost'")
        }
        let first = try Self.start()
        defer { first.stop() }
        do {
            _ = try Server(Server.Configuration(host: "127.0.0.1", port: first.port), responder: Self.router())
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "cannot listen on 127.0.0.1:\(first.port): Address already in use")
        }
    }
}
