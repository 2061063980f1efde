import HTTPServer
import HoiDapService
import OrderedJSON
import Testing
import Tickets

/// Tickets' Open311 API mounted under `/open311/v2/`.
struct Open311RouteTests {
    @Test func servicesAreTheCategories() throws {
        let harness = try Harness()
        let response = harness.send("GET", "/open311/v2/services.json")
        #expect(response.status == .ok)
        guard case let .array(services) = response.json else {
            Issue.record("not an array")
            return
        }
        #expect(services.map { $0["service_code"] } == TicketCategory.allCases.map { .string($0.rawValue) })
        #expect(services.first?["service_name"] == "Hạ tầng đô thị")
    }

    @Test func postingAFormFilesATicket() throws {
        let harness = try Harness()
        let form = "service_code=ha_tang&description=%C4%90%C3%A8n+%C4%91%C6%B0%E1%BB%9Dng+h%E1%BB%8Fng&address_string=12+Hai+B%C3%A0+Tr%C6%B0ng%2C+Ph%C6%B0%E1%BB%9Dng+T%C3%A2n+%C4%90%E1%BB%8Bnh&last_name=Nguy%E1%BB%85n&first_name=V%C4%83n+An&phone=0912345678"
        let created = harness.send("POST", "/open311/v2/requests.json", headers: [("Content-Type", "application/x-www-form-urlencoded")], body: form)
        #expect(created.status == .created)
        guard case let .string(id)? = created.json[0]?["service_request_id"] else {
            Issue.record("no id in \(created.bodyText)")
            return
        }
        let ticket = try harness.store.ticket(code: try #require(TicketCode(parsing: id)))
        #expect(ticket.description == "Đèn đường hỏng")
        #expect(ticket.citizen.name == "Nguyễn Văn An")
        #expect(ticket.unitID == "phuong-tan-dinh")
        #expect(harness.service.metrics.render().contains(#"hoidap_tickets_created_total{channel="api"} 1"#))

        let shown = harness.send("GET", "/open311/v2/requests/\(id).json", query: ["phone": "0912345678"])
        #expect(shown.json[0]?["status"] == "open")
        #expect(shown.json[0]?["agency_responsible"] == "UBND phường Tân Định")
        let hidden = harness.send("GET", "/open311/v2/requests/\(id).json")
        #expect(hidden.status == .notFound)
        #expect(hidden.bodyText.contains("service request not found"))
    }

    @Test func postingJSONWorksToo() throws {
        let harness = try Harness()
        let created = harness.send("POST", "/open311/v2/requests.json", headers: [("Content-Type", "application/json")],
                                   body: #"{"service_code":"moi_truong","description":"Rác ùn ứ","lat":10.79,"long":106.69,"last_name":"Trần","first_name":"Bình","phone":"0987654321"}"#)
        #expect(created.status == .created)
        let invalid = harness.send("POST", "/open311/v2/requests.json", headers: [("Content-Type", "application/json")], body: #"{"service_code":["x"]}"#)
        #expect(invalid.bodyText == errorBody(400, "bad_request", "service_code: must be a string or a number"))
    }

    @Test func errorsKeepTheOpen311Shape() throws {
        let harness = try Harness()
        let missing = harness.send("POST", "/open311/v2/requests.json", body: "description=x")
        #expect(missing.status == .badRequest)
        #expect(missing.json == [.object([("code", 400), ("description", "service_code: is required")])])
        let list = harness.send("GET", "/open311/v2/requests.json")
        #expect(list.status == .unauthorized)
        #expect(list.header("WWW-Authenticate") == "Bearer realm=\"hoidap\"")
        let unknown = harness.send("GET", "/open311/v2/discovery.json")
        #expect(unknown.status == .notFound)
        let method = harness.send("POST", "/open311/v2/services.json", body: "")
        #expect(method.status == .methodNotAllowed)
        #expect(method.header("Allow") == "GET, HEAD")
        let routerMethod = harness.send("DELETE", "/open311/v2/requests.json")
        #expect(routerMethod.status == .methodNotAllowed)
        #expect(routerMethod.header("Allow") == "GET, POST, HEAD, OPTIONS")
    }

    @Test func officersListRequests() throws {
        let harness = try Harness()
        let (_, token) = try harness.store.createToken(name: "Lê Văn Cường", unitID: nil, role: .officer)
        let ticket = try harness.ticket()
        let list = harness.send("GET", "/open311/v2/requests.json", query: ["status": "open"], headers: [("Authorization", "Bearer \(token)")])
        #expect(list.status == .ok)
        #expect(list.json[0]?["service_request_id"] == .string(ticket.code.text))
    }

    @Test func filingIsRateLimited() throws {
        let harness = try Harness { $0.ticketsPerHour = 1 }
        let form = "service_code=ha_tang&description=x&address_string=Ph%C6%B0%E1%BB%9Dng+T%C3%A2n+%C4%90%E1%BB%8Bnh&last_name=A&first_name=B&phone=0912345678"
        #expect(harness.send("POST", "/open311/v2/requests.json", body: form).status == .created)
        let limited = harness.send("POST", "/open311/v2/requests.json", body: form)
        #expect(limited.status == .tooManyRequests)
        #expect(limited.header("Retry-After") == "3600")
        #expect(limited.json == [.object([("code", 429), ("description", "Bạn đã gửi quá nhiều phản ánh. Vui lòng thử lại sau 3600 giây.")])])
    }
}

extension JSON {
    subscript(index: Int) -> JSON? {
        guard case let .array(items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }
}
