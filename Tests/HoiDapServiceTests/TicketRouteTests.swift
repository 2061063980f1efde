import HTTPServer
import HoiDapService
import OrderedJSON
import Testing
import Tickets

/// The citizen's ticket lookup, by URL and by POST body.
struct TicketRouteTests {
    @Test func citizenLooksUpTheirTicket() throws {
        let harness = try Harness()
        let ticket = try harness.ticket()
        let response = harness.send("GET", "/api/tickets/\(ticket.code.text)", query: ["phone": "+84 912 345 678"])
        #expect(response.status == .ok)
        let expected = """
            {"code":"\(ticket.code.text)","status":"received","status_name":"Đã tiếp nhận","category":"ha_tang","category_name":"Hạ tầng đô thị",\
            "unit_name":"UBND phường Tân Định","created_at":"2026-11-23T09:00:00+07:00","updated_at":"2026-11-23T09:00:00+07:00",\
            "answer_deadline":"\(TicketTime.iso8601(ticket.answerDeadline))","status_note":null,\
            "summary":"Phiếu \(ticket.code.text): Đã tiếp nhận. Đơn vị xử lý: UBND phường Tân Định. Hạn trả lời: \(TicketTime.vietnamese(ticket.answerDeadline))."}

            """
        #expect(response.bodyText == expected)
        let posted = harness.send("POST", "/api/tickets/lookup", body: #"{"code": "\#(ticket.code.text.lowercased())", "phone": "0912.345.678"}"#)
        #expect(posted.bodyText == expected)
        // No personal data in the citizen's view.
        #expect(!response.bodyText.contains("Nguyễn"))
        #expect(!response.bodyText.contains("0912"))
    }

    @Test func wrongCodesAndPhonesLookTheSame() throws {
        let harness = try Harness()
        let ticket = try harness.ticket()
        let notFound = errorBody(404, "not_found", "Không tìm thấy phiếu nào có mã và số điện thoại này.")
        #expect(harness.send("GET", "/api/tickets/\(ticket.code.text)", query: ["phone": "0987654321"]).bodyText == notFound)
        #expect(harness.send("GET", "/api/tickets/1022-AAAA-AAAA", query: ["phone": "0912345678"]).bodyText == notFound)
        #expect(harness.send("GET", "/api/tickets/rác", query: ["phone": "0912345678"]).bodyText == notFound)
    }

    @Test(arguments: [
        ([String: String](), "Cần số điện thoại đã dùng khi gửi phản ánh (tham số phone)."),
        (["phone": "  "], "Cần số điện thoại đã dùng khi gửi phản ánh (tham số phone)."),
        (["phone": "12345"], "Số điện thoại không hợp lệ. Số di động có 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09."),
    ])
    func badPhonesAre400(query: [String: String], message: String) throws {
        let harness = try Harness()
        let response = harness.send("GET", "/api/tickets/1022-AAAA-AAAA", query: query)
        #expect(response.status == .badRequest)
        #expect(response.bodyText == errorBody(400, "bad_request", message))
    }

    @Test func lookupsAreRateLimited() throws {
        let harness = try Harness { $0.lookupsPerMinute = 3 }
        for _ in 0..<3 {
            #expect(harness.send("GET", "/api/tickets/1022-AAAA-AAAA", query: ["phone": "0912345678"]).status == .notFound)
        }
        let limited = harness.send("POST", "/api/tickets/lookup", body: #"{"code":"1022-AAAA-AAAA","phone":"0912345678"}"#)
        #expect(limited.status == .tooManyRequests)
        #expect(limited.header("Retry-After") == "20")
    }

    @Test func postedLookupsValidateTheBody() throws {
        let harness = try Harness()
        #expect(harness.send("POST", "/api/tickets/lookup", body: #"{"phone":"0912345678"}"#).bodyText
                == errorBody(400, "bad_request", "Thiếu mã phiếu (trường code)."))
        #expect(harness.send("POST", "/api/tickets/lookup", body: #"{"code":1}"#).bodyText
                == errorBody(400, "bad_request", "Trường \"code\" phải là chuỗi."))
    }

    @Test func proceduresAndSearch() throws {
        let harness = try Harness()
        #expect(harness.send("GET", "/api/procedures/cap-lai-can-cuoc").bodyText == #"{"id":"cap-lai-can-cuoc","title":"Cấp lại thẻ căn cước"}"# + "\n")
        #expect(harness.send("GET", "/api/procedures/khong-co").bodyText == errorBody(404, "not_found", "Không tìm thấy thủ tục có mã này."))
        #expect(harness.send("GET", "/api/search", query: ["q": "khai sinh", "limit": "5"]).bodyText
                == #"{"query":"khai sinh","results":[{"id":"dang-ky-khai-sinh","title":"Đăng ký khai sinh"}]}"# + "\n")
        #expect(harness.send("GET", "/api/search").bodyText == errorBody(400, "bad_request", "Thiếu từ khóa tìm kiếm (tham số q)."))
        #expect(harness.send("GET", "/api/search", query: ["q": "a", "limit": "0"]).bodyText
                == errorBody(400, "bad_request", "Tham số limit phải là số nguyên từ 1 đến 50."))
    }
}
