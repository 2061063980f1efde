import HTTPServer
import HoiDapService
import OrderedJSON
import Testing
import Tickets

/// The officer API: bearer tokens, unit scoping, the workflow rules.
struct OfficerRouteTests {
    @Test func tokensAreRequired() throws {
        let harness = try Harness()
        let missing = harness.send("GET", "/api/officer/tickets")
        #expect(missing.status == .unauthorized)
        #expect(missing.header("WWW-Authenticate") == "Bearer realm=\"hoidap\"")
        #expect(missing.bodyText == errorBody(401, "unauthorized", "send an officer token: Authorization: Bearer hd_…"))
        let wrong = harness.send("GET", "/api/officer/tickets", headers: [("Authorization", "Bearer hd_" + String(repeating: "x", count: 43))])
        #expect(wrong.status == .unauthorized)
        #expect(wrong.header("WWW-Authenticate") == "Bearer realm=\"hoidap\", error=\"invalid_token\"")
        #expect(wrong.bodyText == errorBody(401, "unauthorized", "the token is missing, unknown or revoked"))
        let (_, token) = try harness.store.createToken(name: "Lê Văn Cường", unitID: nil, role: .officer)
        try harness.store.revokeToken(name: "Lê Văn Cường")
        #expect(harness.send("GET", "/api/officer/me", headers: [("Authorization", "Bearer \(token)")]).status == .unauthorized)
    }

    @Test func deskOfficerListsShowsAndWorksTickets() throws {
        let harness = try Harness()
        let (_, token) = try harness.store.createToken(name: "Lê Văn Cường", unitID: nil, role: .officer)
        let auth = [("Authorization", "Bearer \(token)")]
        let ticket = try harness.ticket()
        let code = ticket.code.text

        #expect(harness.send("GET", "/api/officer/me", headers: auth).bodyText
                == #"{"name":"Lê Văn Cường","unit":null,"unit_name":null,"role":"officer"}"# + "\n")

        let list = harness.send("GET", "/api/officer/tickets", query: ["status": "received"], headers: auth)
        #expect(list.status == .ok)
        guard case let .array(items) = list.json else {
            Issue.record("not an array: \(list.bodyText)")
            return
        }
        #expect(items.count == 1)
        #expect(items[0]["code"] == .string(code))
        #expect(items[0]["phone"] == "0912345678")
        #expect(items[0]["history"] == nil)

        let show = harness.send("GET", "/api/officer/tickets/\(code)", headers: auth)
        #expect(show.json["unit"] == "phuong-tan-dinh")
        guard case let .array(history)? = show.json["history"] else {
            Issue.record("no history")
            return
        }
        #expect(history.count == 1)

        let moved = harness.send("POST", "/api/officer/tickets/\(code)/status", headers: auth, body: #"{"status": "in-progress"}"#)
        #expect(moved.status == .ok)
        #expect(moved.json["status"] == "in_progress")
        #expect(moved.json["status_name"] == "Đang xử lý")

        let assigned = harness.send("POST", "/api/officer/tickets/\(code)/assign", headers: auth,
                                    body: #"{"unit": "so-xay-dung", "note": "Thuộc thẩm quyền Sở"}"#)
        #expect(assigned.json["unit"] == "so-xay-dung")
        #expect(assigned.json["status"] == "forwarded")

        let noted = harness.send("POST", "/api/officer/tickets/\(code)/notes", headers: auth, body: #"{"note": "Đã gọi điện cho người dân"}"#)
        #expect(noted.status == .created)
        guard case let .array(after)? = noted.json["history"] else {
            Issue.record("no history")
            return
        }
        #expect(after.last?["field"] == "note")
        #expect(after.last?["note"] == "Đã gọi điện cho người dân")
        #expect(after.last?["actor"] == "officer:Lê Văn Cường")
    }

    @Test(arguments: [
        ("/status", #"{"status": "resolved"}"#, 409, "conflict",
         "a ticket cannot go from received to resolved (allowed: forwarded, in_progress, rejected)"),
        ("/status", #"{"status": "rejected"}"#, 400, "bad_request", "moving a ticket to rejected needs a note with the reason"),
        ("/status", #"{"status": "done"}"#, 400, "bad_request",
         "status: unknown 'done' (use received, forwarded, in_progress, resolved, rejected, reopened)"),
        ("/status", #"{}"#, 400, "bad_request", "status: is required"),
        ("/assign", #"{"unit": "khong-co"}"#, 400, "bad_request", "unknown unit 'khong-co'"),
        ("/notes", #"{"note": "  "}"#, 400, "bad_request", "note: is required"),
        ("/notes", #"{"note": 1}"#, 400, "bad_request", "note: must be a string"),
    ])
    func workflowErrors(action: String, body: String, status: Int, code: String, message: String) throws {
        let harness = try Harness()
        let (_, token) = try harness.store.createToken(name: "Lê Văn Cường", unitID: nil, role: .officer)
        let ticket = try harness.ticket()
        let response = harness.send("POST", "/api/officer/tickets/\(ticket.code.text)\(action)", headers: [("Authorization", "Bearer \(token)")], body: body)
        #expect(response.status.rawValue == status)
        #expect(response.bodyText == errorBody(status, code, message))
    }

    @Test func unitOfficersSeeOnlyTheirUnit() throws {
        let harness = try Harness()
        let (_, token) = try harness.store.createToken(name: "Phạm Thị Dung", unitID: "phuong-sai-gon", role: .officer)
        let auth = [("Authorization", "Bearer \(token)")]
        let other = try harness.ticket(ward: "Phường Tân Định")
        let own = try harness.ticket(phone: "0987654321", ward: "Phường Sài Gòn")
        let list = harness.send("GET", "/api/officer/tickets", headers: auth)
        guard case let .array(items) = list.json else {
            Issue.record("not an array")
            return
        }
        #expect(items.map { $0["code"] } == [.string(own.code.text)])
        let hidden = errorBody(404, "not_found", "no ticket with this code")
        #expect(harness.send("GET", "/api/officer/tickets/\(other.code.text)", headers: auth).bodyText == hidden)
        #expect(harness.send("POST", "/api/officer/tickets/\(other.code.text)/notes", headers: auth, body: #"{"note":"x"}"#).bodyText == hidden)
        #expect(harness.send("GET", "/api/officer/tickets/khong-phai-ma", headers: auth).bodyText == hidden)
    }

    @Test(arguments: [
        (["status": "open"], "status: unknown 'open' (use received, forwarded, in_progress, resolved, rejected, reopened)"),
        (["category": "x"], "unknown category 'x' (use one of: ha_tang, giao_thong, trat_tu_do_thi, moi_truong, y_te, hanh_chinh, an_ninh, khac)"),
        (["overdue": "yes"], "overdue: use true or false"),
        (["limit": "0"], "limit: use a number from 1 to 500"),
        (["offset": "-1"], "offset: use a number from 0"),
    ])
    func listFiltersAreValidated(query: [String: String], message: String) throws {
        let harness = try Harness()
        let (_, token) = try harness.store.createToken(name: "Lê Văn Cường", unitID: nil, role: .officer)
        let response = harness.send("GET", "/api/officer/tickets", query: query, headers: [("Authorization", "Bearer \(token)")])
        #expect(response.bodyText == errorBody(400, "bad_request", message))
    }
}
