import TestSupport
import Foundation
import HTTPServer
import HoiDapService
import OrderedJSON
import Testing
import Tickets

/// The real server on an ephemeral port in the test process, spoken to over TCP.
struct IntegrationTests {
    /// Starts `harness.service` on 127.0.0.1 with an ephemeral port.
    static func serve(_ harness: Harness) throws -> Server {
        var configuration = Server.Configuration(host: "127.0.0.1", port: 0)
        configuration.threads = 2
        configuration.connectionTimeout = 5
        let service = harness.service
        configuration.onRejected = { method, status in service.recordRejected(method: method, status: status) }
        return try Server(configuration, responder: service)
    }

    static func json(_ reply: RawConnection.Reply?) -> JSON { reply.flatMap { try? JSONParser.parse($0.body) } ?? .null }

    @Test func aCitizenAsksEscalatesAndLooksUpTheTicket() throws {
        let harness = try Harness()
        let server = try Self.serve(harness)
        defer { server.stop() }
        let port = server.port

        let first = try #require(http(port, "POST", "/api/chat", json: #"{"message": "Làm lại căn cước bị mất"}"#))
        #expect(first.status == 200)
        #expect(Self.json(first)["intent"] == "procedure")
        #expect(Self.json(first)["session"] == "s1")

        let followUp = try #require(http(port, "POST", "/api/chat", json: #"{"session": "s1", "message": "Đăng ký khai sinh"}"#))
        #expect(Self.json(followUp)["intent"] == "clarify")

        var reply = Self.json(http(port, "POST", "/api/chat", json: #"{"session": "s1", "message": "Phản ánh ổ gà trước nhà"}"#))
        #expect(reply["answer"] == "Bạn mô tả giúp sự việc cần phản ánh?")
        for answer in ["Ổ gà sâu 20 cm trước số 12", "Phường Tân Định", "Nguyễn Văn An", "0912 345 678"] {
            reply = Self.json(http(port, "POST", "/api/chat", json: JSON.object([("session", "s1"), ("message", .string(answer))]).serialized()))
        }
        guard case let .string(code)? = reply["ticket"]?["code"] else {
            Issue.record("no ticket: \(reply.serialized())")
            return
        }
        #expect(reply["answer"] == .string("Đã gửi phản ánh đến Trung tâm 1022. Mã phiếu \(code)."))

        let lookup = try #require(http(port, "GET", "/api/tickets/\(code)?phone=0912345678"))
        #expect(lookup.status == 200)
        #expect(Self.json(lookup)["unit_name"] == "UBND phường Tân Định")
        #expect(Self.json(lookup)["status_name"] == "Đã tiếp nhận")
        let posted = try #require(http(port, "POST", "/api/tickets/lookup", json: #"{"code": "\#(code)", "phone": "+84912345678"}"#))
        #expect(posted.text == lookup.text)

        let metrics = try #require(http(port, "GET", "/metrics")).text
        #expect(metrics.contains(#"hoidap_http_requests_total{route="/api/chat",method="POST",status="200"} 7"#))
        #expect(metrics.contains(#"hoidap_tickets_created_total{channel="chat"} 1"#))
    }

    @Test func open311AndOfficers() throws {
        let harness = try Harness()
        let server = try Self.serve(harness)
        defer { server.stop() }
        let port = server.port
        let services = try #require(http(port, "GET", "/open311/v2/services.json"))
        #expect(services.status == 200)
        let form = "service_code=moi_truong&description=R%C3%A1c+%C3%B9n+%E1%BB%A9&address_string=Ph%C6%B0%E1%BB%9Dng+S%C3%A0i+G%C3%B2n&last_name=Tr%E1%BA%A7n&first_name=B%C3%ACnh&phone=0987654321"
        let created = try #require(http(port, "POST", "/open311/v2/requests.json", headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(form.utf8)))
        #expect(created.status == 201)
        guard case let .string(id)? = Self.json(created)[0]?["service_request_id"] else {
            Issue.record("no id: \(created.text)")
            return
        }
        let unauthorized = try #require(http(port, "GET", "/api/officer/tickets"))
        #expect(unauthorized.status == 401)
        #expect(unauthorized.header("WWW-Authenticate") == "Bearer realm=\"hoidap\"")
        let (_, token) = try harness.store.createToken(name: "Phạm Thị Dung", unitID: "phuong-sai-gon", role: .officer)
        let list = try #require(http(port, "GET", "/api/officer/tickets?status=received", headers: [("Authorization", "Bearer \(token)")]))
        #expect(list.status == 200)
        #expect(Self.json(list)[0]?["code"] == .string(id))
        #expect(Self.json(list)[0]?["category_name"] == "Môi trường")
        let moved = try #require(http(port, "POST", "/api/officer/tickets/\(id)/status", headers: [("Authorization", "Bearer \(token)")],
                                      json: #"{"status": "in_progress", "note": "Đã cử tổ vệ sinh"}"#))
        #expect(Self.json(moved)["status"] == "in_progress")
    }

    @Test func everyErrorStatusOverTheWire() throws {
        // Four tokens: the two 400s below spend two (limits run before parsing, to keep floods cheap).
        let harness = try Harness { $0.chatPerMinute = 4 }
        let server = try Self.serve(harness)
        defer { server.stop() }
        let port = server.port

        let malformed = try #require(http(port, "POST", "/api/chat", json: #"{"message": "#))
        #expect(malformed.status == 400)
        #expect(malformed.text == errorBody(400, "bad_request", "malformed JSON at byte 12: unexpected end of input"))

        let invalidUTF8 = try #require(http(port, "POST", "/api/chat", headers: [("Content-Type", "application/json")],
                                             body: Array(#"{"message": "ch"#.utf8) + [0xE0, 0x80] + Array(#""}"#.utf8)))
        #expect(invalidUTF8.status == 400)
        #expect(invalidUTF8.text == errorBody(400, "bad_request", "malformed JSON at byte 15: the text is not valid UTF-8"))

        let missing = try #require(http(port, "GET", "/api/khong-co"))
        #expect(missing.status == 404)
        #expect(missing.text == errorBody(404, "not_found", "no such resource"))

        let method = try #require(http(port, "GET", "/api/chat"))
        #expect(method.status == 405)
        #expect(method.header("Allow") == "POST, OPTIONS")

        let large = try #require(http(port, "POST", "/api/chat", headers: [("Content-Type", "application/json")],
                                      body: Array(#"{"message": ""#.utf8) + [UInt8](repeating: 0x61, count: 70_000) + Array(#""}"#.utf8)))
        #expect(large.status == 413)
        #expect(large.text == errorBody(413, "content_too_large", "the request body is larger than 64 KiB"))

        #expect(http(port, "POST", "/api/chat", json: #"{"message": "chào"}"#)?.status == 200)
        #expect(http(port, "POST", "/api/chat", json: #"{"message": "chào"}"#)?.status == 200)
        let limited = try #require(http(port, "POST", "/api/chat", json: #"{"message": "chào"}"#))
        #expect(limited.status == 429)
        #expect(limited.header("Retry-After") == "15")
        #expect(limited.text == errorBody(429, "too_many_requests", "Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau 15 giây."))

        let metrics = try #require(http(port, "GET", "/metrics")).text
        #expect(metrics.contains(#"hoidap_http_requests_total{route="(rejected)",method="POST",status="413"} 1"#))
    }

    @Test func stopClosesTheServiceCleanly() throws {
        let harness = try Harness()
        let server = try Self.serve(harness)
        let port = server.port
        #expect(http(port, "GET", "/healthz")?.text == #"{"status":"ok"}"# + "\n")
        #expect(server.stop() == true)
        #expect(RawConnection(port: port) == nil)
        #expect(try harness.store.integrityCheck() == ["ok"])
    }
}
