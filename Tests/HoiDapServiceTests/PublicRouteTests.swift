import Foundation
import HTTPServer
import HoiDapService
import OrderedJSON
import Testing
import Tickets

/// Health, metrics, the public statistics, the widget assets, CORS and the access log.
struct PublicRouteTests {
    @Test func healthz() throws {
        let harness = try Harness()
        let response = harness.send("GET", "/healthz")
        #expect(response.status == .ok)
        #expect(response.bodyText == #"{"status":"ok"}"# + "\n")
    }

    @Test func metricsCountRequestsByRoutePattern() throws {
        let harness = try Harness()
        _ = harness.chat("chào")
        _ = harness.send("GET", "/api/procedures/cap-lai-can-cuoc")
        _ = harness.send("GET", "/api/procedures/khong-co")
        _ = harness.send("GET", "/khong-co")
        _ = harness.send("DELETE", "/healthz")
        harness.service.recordRejected(method: "POST", status: 413)
        let response = harness.send("GET", "/metrics")
        #expect(response.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
        let text = response.bodyText
        for line in [
            #"hoidap_http_requests_total{route="/api/chat",method="POST",status="200"} 1"#,
            #"hoidap_http_requests_total{route="/api/procedures/{id}",method="GET",status="200"} 1"#,
            #"hoidap_http_requests_total{route="/api/procedures/{id}",method="GET",status="404"} 1"#,
            #"hoidap_http_requests_total{route="(unmatched)",method="GET",status="404"} 1"#,
            #"hoidap_http_requests_total{route="(unmatched)",method="DELETE",status="405"} 1"#,
            #"hoidap_http_requests_total{route="(rejected)",method="POST",status="413"} 1"#,
            #"hoidap_http_request_duration_seconds_count{route="/api/procedures/{id}"} 2"#,
            #"hoidap_http_request_duration_seconds_bucket{route="/api/procedures/{id}",le="+Inf"} 2"#,
            #"hoidap_chat_replies_total{intent="greeting"} 1"#,
            #"hoidap_chat_replies_total{intent="procedure"} 0"#,
            "hoidap_escalations_total 0",
            "# TYPE hoidap_http_request_duration_seconds histogram",
        ] {
            #expect(text.contains(line + "\n"), "missing: \(line)")
        }
        #expect(!text.contains("khong-co"))
    }

    @Test func publicStatsWithoutPersonalData() throws {
        let harness = try Harness()
        _ = try harness.ticket()
        let json = harness.send("GET", "/public/stats", query: ["format": "json"])
        #expect(json.status == .ok)
        #expect(json.header("Cache-Control") == "public, max-age=60")
        #expect(json.json["from"] == "2026-11-01T00:00:00+07:00")
        #expect(json.json["to"] == "2026-12-01T00:00:00+07:00")
        #expect(json.json["total"]?["received"] == 1)
        #expect(json.json["rows"]?[0]?["unit_name"] == "UBND phường Tân Định")
        for secret in ["Nguyễn", "0912", "Hai Bà Trưng", "1022-"] { #expect(!json.bodyText.contains(secret)) }

        let accepted = harness.send("GET", "/public/stats", query: ["month": "2026-11"], headers: [("Accept", "application/json")])
        #expect(accepted.json == json.json)

        let html = harness.send("GET", "/public/stats", headers: [("Accept", "text/html,application/json;q=0.9")])
        #expect(html.header("Content-Type") == "text/html; charset=utf-8")
        #expect(html.bodyText.contains("<h1>Kết quả giải quyết phản ánh, kiến nghị</h1>"))
        #expect(html.bodyText.contains("UBND phường Tân Định"))
        for secret in ["Nguyễn", "0912", "Hai Bà Trưng"] { #expect(!html.bodyText.contains(secret)) }

        let october = harness.send("GET", "/public/stats", query: ["format": "json", "from": "2026-10-01", "to": "2026-11-01"])
        #expect(october.json["total"]?["received"] == 0)
    }

    @Test(arguments: [
        (["month": "2026-13"], "Tham số month phải có dạng 2026-11."),
        (["from": "hôm qua"], "Tham số from phải có dạng 2026-11-01."),
        (["from": "2026-11-02", "to": "2026-11-01"], "Ngày bắt đầu (from) phải trước ngày kết thúc (to)."),
        (["format": "xml"], "Tham số format chỉ nhận html hoặc json, không nhận “xml”."),
    ])
    func publicStatsParameters(query: [String: String], message: String) throws {
        let harness = try Harness()
        #expect(harness.send("GET", "/public/stats", query: query).bodyText == errorBody(400, "bad_request", message))
    }

    @Test func demoPageAndWidget() throws {
        let harness = try Harness()
        let page = harness.send("GET", "/")
        #expect(page.header("Content-Type") == "text/html; charset=utf-8")
        #expect(page.header("Content-Security-Policy")?.hasPrefix("default-src 'self'") == true)
        #expect(page.bodyText.contains("<html lang=\"vi\">"))
        #expect(page.bodyText.contains("<title>Hỏi đáp thủ tục hành chính — TP. Hồ Chí Minh</title>"))
        #expect(page.bodyText.contains(##"<script src="/widget.js" data-endpoint="" data-target="#hoidap" data-ask-param="hoi" defer></script>"##))
        #expect(page.bodyText == page.bodyText.precomposedStringWithCanonicalMapping)

        let script = harness.send("GET", "/widget.js")
        #expect(script.header("Content-Type") == "text/javascript; charset=utf-8")
        #expect(script.header("Cache-Control") == "public, max-age=300")
        #expect(script.bodyText.contains("'Xin chào! Tôi là trợ lý hỏi đáp thủ tục hành chính của TP. Hồ Chí Minh."))
        #expect(script.bodyText == script.bodyText.precomposedStringWithCanonicalMapping)
        let etag = try #require(script.header("ETag"))
        let again = harness.send("GET", "/widget.js", headers: [("If-None-Match", etag)])
        #expect(again.status == .notModified)
        #expect(again.body.isEmpty)

        let style = harness.send("GET", "/widget.css")
        #expect(style.header("Content-Type") == "text/css; charset=utf-8")
        #expect(style.bodyText.contains(".hd-widget"))
    }

    @Test func corsAllowsOnlyListedOrigins() throws {
        let harness = try Harness { $0.corsOrigins = ["https://dichvucong.hochiminhcity.gov.vn"] }
        let allowed = harness.send("POST", "/api/chat", headers: [("Origin", "https://dichvucong.hochiminhcity.gov.vn")], body: #"{"message":"chào"}"#)
        #expect(allowed.header("Access-Control-Allow-Origin") == "https://dichvucong.hochiminhcity.gov.vn")
        #expect(allowed.header("Vary") == "Origin")
        let other = harness.send("POST", "/api/chat", headers: [("Origin", "https://evil.example")], body: #"{"message":"chào"}"#)
        #expect(other.header("Access-Control-Allow-Origin") == nil)

        let preflight = harness.send("OPTIONS", "/api/chat", headers: [("Origin", "https://dichvucong.hochiminhcity.gov.vn"),
                                                                       ("Access-Control-Request-Method", "POST"),
                                                                       ("Access-Control-Request-Headers", "content-type")])
        #expect(preflight.status == .noContent)
        #expect(preflight.header("Access-Control-Allow-Methods") == "GET, POST, OPTIONS")
        #expect(preflight.header("Access-Control-Allow-Headers") == "Content-Type, Authorization")
        #expect(preflight.header("Access-Control-Allow-Origin") == "https://dichvucong.hochiminhcity.gov.vn")
        let refused = harness.send("OPTIONS", "/api/chat", headers: [("Origin", "https://evil.example"), ("Access-Control-Request-Method", "POST")])
        #expect(refused.status == .noContent)
        #expect(refused.header("Access-Control-Allow-Methods") == nil)

        let any = try Harness { $0.corsOrigins = ["*"] }
        #expect(any.send("GET", "/healthz", headers: [("Origin", "https://a.example")]).header("Access-Control-Allow-Origin") == "https://a.example")
    }

    @Test func accessLogHasOneLinePerRequestWithoutPersonalData() throws {
        let harness = try Harness()
        let ticket = try harness.ticket()
        _ = harness.send("GET", "/api/tickets/\(ticket.code.text)", query: ["phone": "0912345678"])
        _ = harness.chat("Tôi là Nguyễn Văn An, số 0912345678")
        let lines = harness.log.value
        #expect(lines.count == 2)
        let first = try JSONParser.parse(lines[0])
        guard case let .object(pairs) = first else {
            Issue.record("not an object")
            return
        }
        #expect(pairs.map(\.0) == ["time", "method", "route", "status", "ms", "bytes"])
        #expect(first["method"] == "GET")
        #expect(first["route"] == "/api/tickets/{code}")
        #expect(first["status"] == 200)
        #expect(try JSONParser.parse(lines[1])["route"] == "/api/chat")
        for line in lines {
            for secret in ["0912", "Nguyễn", ticket.code.text, "phone"] { #expect(!line.contains(secret)) }
        }
    }

    @Test func accessLogTimestamps() {
        #expect(AccessLogProbe.timestamp(Date(timeIntervalSince1970: 1_795_395_600.25)) == "2026-11-23T01:00:00.250Z")
    }
}

/// Reaches the timestamp format through a log line.
enum AccessLogProbe {
    static func timestamp(_ date: Date) -> String {
        let captured = Shared<String>("")
        AccessLog { line in captured.withLock { $0 = line } }.record(at: date, method: "GET", route: "/", status: 200, seconds: 0, bytes: 0)
        guard case let .string(time)? = (try? JSONParser.parse(captured.value))?["time"] else { return "" }
        return time
    }
}
