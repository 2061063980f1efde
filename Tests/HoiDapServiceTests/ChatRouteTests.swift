import HTTPServer
import HoiDapService
import OrderedJSON
import Testing

/// `POST /api/chat` in-process: validation, the engine's reply, sessions, limits, metrics.
struct ChatRouteTests {
    @Test func answersWithTheEngineReply() throws {
        let harness = try Harness()
        let response = harness.chat("Làm lại căn cước bị mất ở đâu?")
        #expect(response.status == .ok)
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        #expect(response.header("X-Content-Type-Options") == "nosniff")
        #expect(response.json["session"] == "s1")
        #expect(response.json["intent"] == "procedure")
        #expect(response.json["answer"] == "Cấp lại thẻ căn cước: nộp hồ sơ tại Công an cấp xã nơi cư trú hoặc trên Cổng dịch vụ công. Lệ phí 70.000 đồng.")
        #expect(response.bodyText.hasPrefix(#"{"session":"s1","intent":"procedure","answer":"#))
        #expect(harness.engine.turns.value == [ChatTurn(session: nil, message: "Làm lại căn cước bị mất ở đâu?", canFileTicket: true)])
    }

    @Test func followUpKeepsTheSession() throws {
        let harness = try Harness()
        let first = harness.chat("Đăng ký khai sinh")
        #expect(first.json["intent"] == "clarify")
        #expect(first.json["candidates"].map { candidates -> [String] in
            guard case let .array(items) = candidates else { return [] }
            return items.compactMap { if case let .string(title)? = $0["title"] { title } else { nil } }
        } == ["Đăng ký khai sinh", "Đăng ký khai sinh có yếu tố nước ngoài"])
        let second = harness.chat("Cấp lại căn cước", session: "s1")
        #expect(second.json["session"] == "s1")
        #expect(harness.engine.turns.value.map(\.session) == [nil, "s1"])
    }

    @Test func messagesAreNormalizedToNFC() throws {
        let harness = try Harness()
        // "căn cước" typed with combining marks (NFD), padded with spaces.
        let decomposed = "  Ca\u{306}n cu\u{31B}o\u{31B}\u{301}c  "
        _ = harness.chat(decomposed)
        #expect(harness.engine.turns.value.first?.message == "Căn cước")
        #expect(harness.engine.turns.value.first?.message.unicodeScalars.count == 8)
    }

    @Test(arguments: [
        ("[1]", "Nội dung gửi lên phải là một đối tượng JSON, ví dụ {\"message\": \"Làm lại căn cước ở đâu?\"}."),
        (#"{"session": "s1"}"#, "Thiếu trường \"message\" (câu hỏi của bạn)."),
        (#"{"message": 12}"#, "Trường \"message\" phải là một chuỗi văn bản."),
        (#"{"message": "   "}"#, "Câu hỏi đang để trống."),
        (#"{"message": "hỏi", "session": 5}"#, "Trường \"session\" phải là chuỗi 1–128 ký tự gồm chữ, số và các dấu - _ . :"),
        (#"{"message": "hỏi", "session": "phiên 1"}"#, "Trường \"session\" phải là chuỗi 1–128 ký tự gồm chữ, số và các dấu - _ . :"),
        (#"{"message": "hỏi", "session": ""}"#, "Trường \"session\" phải là chuỗi 1–128 ký tự gồm chữ, số và các dấu - _ . :"),
        (#"{"message": "hỏi""#, "malformed JSON at byte 19: unexpected end of input"),
        ("", "the request body is empty; send a JSON object"),
    ])
    func badBodiesAre400(body: String, message: String) throws {
        let harness = try Harness()
        let response = harness.send("POST", "/api/chat", body: body)
        #expect(response.status == .badRequest)
        #expect(response.bodyText == errorBody(400, "bad_request", message))
        #expect(harness.engine.turns.value.isEmpty)
    }

    @Test func overlongMessagesAre400() throws {
        let harness = try Harness()
        let response = harness.chat(String(repeating: "ă", count: 2001))
        #expect(response.bodyText == errorBody(400, "bad_request", "Câu hỏi dài quá 2.000 ký tự; vui lòng viết ngắn gọn hơn."))
        #expect(harness.chat(String(repeating: "ă", count: 2000)).status == .ok)
    }

    @Test func chatIsRateLimitedPerClient() throws {
        let harness = try Harness { $0.chatPerMinute = 2 }
        #expect(harness.chat("chào").status == .ok)
        #expect(harness.chat("chào").status == .ok)
        let limited = harness.chat("chào")
        #expect(limited.status == .tooManyRequests)
        #expect(limited.header("Retry-After") == "30")
        #expect(limited.bodyText == errorBody(429, "too_many_requests", "Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau 30 giây."))
        // Another client is not affected; the first one may talk again once a token is back.
        #expect(harness.chat("chào", from: "198.51.100.9").status == .ok)
        harness.clock.advance(29)
        #expect(harness.chat("chào").header("Retry-After") == "1")
        harness.clock.advance(1)
        #expect(harness.chat("chào").status == .ok)
        #expect(harness.service.metrics.render().contains(#"hoidap_rate_limited_total{limit="chat"} 2"#))
    }

    @Test func forwardedAddressesCountOnlyBehindATrustedProxy() throws {
        let trusting = try Harness {
            $0.chatPerMinute = 1
            $0.trustProxy = true
        }
        let first = trusting.send("POST", "/api/chat", headers: [("X-Forwarded-For", "1.1.1.1, 192.0.2.10")], body: #"{"message":"chào"}"#, from: "10.0.0.1")
        let second = trusting.send("POST", "/api/chat", headers: [("X-Forwarded-For", "192.0.2.11")], body: #"{"message":"chào"}"#, from: "10.0.0.1")
        #expect(first.status == .ok)
        #expect(second.status == .ok)
        let spoofing = try Harness { $0.chatPerMinute = 1 }
        #expect(spoofing.send("POST", "/api/chat", headers: [("X-Forwarded-For", "192.0.2.10")], body: #"{"message":"chào"}"#).status == .ok)
        #expect(spoofing.send("POST", "/api/chat", headers: [("X-Forwarded-For", "192.0.2.11")], body: #"{"message":"chào"}"#).status == .tooManyRequests)
    }

    @Test func escalationFilesATicketAndIsCounted() throws {
        let harness = try Harness()
        var reply = harness.chat("Đường có ổ gà lớn")
        #expect(reply.json["intent"] == "escalate")
        for answer in ["Ổ gà sâu trước số 12", "Phường Tân Định", "Nguyễn Văn An"] {
            reply = harness.chat(answer, session: "s1")
            #expect(reply.json["ticket"] == .null)
        }
        reply = harness.chat("0912 345 678", session: "s1")
        guard case let .string(code)? = reply.json["ticket"]?["code"] else {
            Issue.record("no ticket in \(reply.bodyText)")
            return
        }
        #expect(try harness.store.lookup(code: code, phone: "0912345678").unitName == "UBND phường Tân Định")
        let metrics = harness.service.metrics.render()
        #expect(metrics.contains(#"hoidap_chat_replies_total{intent="escalate"} 5"#))
        #expect(metrics.contains("hoidap_escalations_total 1\n"))
        #expect(metrics.contains(#"hoidap_tickets_created_total{channel="chat"} 1"#))
    }

    @Test func theChatMemoIsShownOnlyWhenTheEngineKeepsOne() {
        let metrics = Metrics()
        #expect(!metrics.render().contains("hoidap_chat_memo_total"))
        let shown = metrics.render(memo: (hits: 7, misses: 3))
        #expect(shown.contains("# TYPE hoidap_chat_memo_total counter\n"))
        #expect(shown.contains(#"hoidap_chat_memo_total{result="hit"} 7"#))
        #expect(shown.contains(#"hoidap_chat_memo_total{result="miss"} 3"#))
    }

    @Test func theTicketAllowanceIsPassedToTheEngine() throws {
        let harness = try Harness { $0.ticketsPerHour = 1 }
        _ = harness.chat("phản ánh ổ gà")
        for answer in ["Ổ gà", "Phường Tân Định", "Trần Thị Bình", "0987654321"] { _ = harness.chat(answer, session: "s1") }
        let refused = harness.chat("phản ánh ổ gà nữa")
        #expect(harness.engine.turns.value.last?.canFileTicket == false)
        #expect(refused.json["answer"] == "Bạn đã gửi nhiều phản ánh trong giờ qua. Vui lòng thử lại sau hoặc gọi 1022.")
        harness.clock.advance(3600)
        _ = harness.chat("phản ánh ổ gà lần nữa")
        #expect(harness.engine.turns.value.last?.canFileTicket == true)
    }
}
