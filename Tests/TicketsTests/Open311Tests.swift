import Foundation
import Testing
@testable import Tickets

@Suite struct Open311Tests {
    func api() throws -> (Open311API, TicketStore) {
        var options = TicketStore.Options()
        options.codeGenerator = { TicketCode(unchecked: "1022-7KQ4-XM2D") }
        let store = try Fixtures.store(options: options)
        return (Open311API(store: store), store)
    }

    static let form = ["service_code": "ha_tang", "description": "Nắp cống bị mất trước số 5", "address_string": "5 Trần Quang Khải, Phường Tân Định",
                       "first_name": "Văn An", "last_name": "Nguyễn", "phone": "0912345678", "lat": "10.7925", "long": "106.6901"]

    func json(_ response: Open311API.Response) throws -> Any { try JSONSerialization.jsonObject(with: Data(response.body.utf8)) }

    @Test func servicesAreTheCategories() throws {
        let (api, _) = try api()
        let response = api.handle(.init(method: "GET", path: "services.json"))
        #expect(response.status == 200)
        let services = try json(response) as! [[String: Any]]
        #expect(services.map { $0["service_code"] as! String } == TicketCategory.allCases.map(\.rawValue))
        #expect(services[0]["service_name"] as? String == "Hạ tầng đô thị")
        #expect(services[0]["keywords"] as? String == "ổ gà,mất nước,cúp điện,đèn đường,nắp cống,cây xanh ngã")
        #expect(services[0]["type"] as? String == "realtime")
        #expect(services[0]["metadata"] as? Bool == false)
    }

    @Test func postThenGetAsTheCitizenAndAsAnOfficer() throws {
        let (api, store) = try api()
        let created = api.handle(.init(method: "POST", path: "requests.json", parameters: Self.form))
        #expect(created.status == 201)
        let body = try json(created) as! [[String: Any]]
        #expect(body[0]["service_request_id"] as? String == "1022-7KQ4-XM2D")
        let ticket = try store.ticket(code: TicketCode(unchecked: "1022-7KQ4-XM2D"))
        #expect(ticket.citizen.name == "Nguyễn Văn An")
        #expect(ticket.unitID == "phuong-tan-dinh")   // ward found in address_string
        #expect(ticket.channel == .api)

        let asCitizen = api.handle(.init(method: "GET", path: "requests/1022-7KQ4-XM2D.json", parameters: ["phone": "+84912345678"]))
        #expect(asCitizen.status == 200)
        let request = (try json(asCitizen) as! [[String: Any]])[0]
        #expect(request["status"] as? String == "open")
        #expect(request["status_notes"] as? String == "Đã tiếp nhận")
        #expect(request["agency_responsible"] as? String == "UBND phường Tân Định")
        #expect(request["requested_datetime"] as? String == "2026-11-23T09:00:00+07:00")
        #expect(request["expected_datetime"] as? String == "2026-11-30T17:00:00+07:00")
        #expect(request["address"] as? String == "5 Trần Quang Khải, Phường Tân Định")
        #expect(request["lat"] as? Double == 10.7925)

        let (officer, token) = try store.createToken(name: "Tân Định", unitID: "phuong-tan-dinh", role: .officer)
        try store.transition(ticket.code, to: .rejected, note: "Không thuộc địa bàn", by: .officer(officer))
        let asOfficer = api.handle(.init(method: "GET", path: "requests/1022-7KQ4-XM2D.json", bearerToken: token))
        let closed = (try json(asOfficer) as! [[String: Any]])[0]
        #expect(closed["status"] as? String == "closed")
        #expect(closed["status_notes"] as? String == "Từ chối: Không thuộc địa bàn")
    }

    @Test func lookupsWithoutTheRightPhoneLookLikeMissingTickets() throws {
        let (api, _) = try api()
        _ = api.handle(.init(method: "POST", path: "requests.json", parameters: Self.form))
        let notFound = Open311API.Response(status: 404, body: TicketJSON.encode([Open311API.Failure(404, "service request not found")]))
        #expect(api.handle(.init(method: "GET", path: "requests/1022-7KQ4-XM2D.json")) == notFound)
        #expect(api.handle(.init(method: "GET", path: "requests/1022-7KQ4-XM2D.json", parameters: ["phone": "0912345679"])) == notFound)
        #expect(api.handle(.init(method: "GET", path: "requests/1022-2222-2222.json", parameters: ["phone": "0912345678"])) == notFound)
    }

    @Test(arguments: [
        ([String: String](), 400, "service_code: is required"),
        (["service_code": "ha_tang", "description": "x", "phone": "0912345678", "last_name": "A"], 400, "a location is required: lat and long, or address_string"),
        (["service_code": "nuoc", "address_string": "x", "description": "x", "phone": "0912345678", "last_name": "A"], 400,
         "unknown category 'nuoc' (use one of: ha_tang, giao_thong, trat_tu_do_thi, moi_truong, y_te, hanh_chinh, an_ninh, khac)"),
        (["service_code": "ha_tang", "address_string": "x", "description": "x", "phone": "12", "last_name": "A"], 400,
         "phone: a Vietnamese phone number starts with 0 or +84"),
        (["service_code": "ha_tang", "lat": "north", "long": "1", "description": "x", "phone": "0912345678", "last_name": "A"], 400, "lat: is not a number"),
        (["service_code": "ha_tang", "address_string": "x", "phone": "0912345678", "last_name": "A"], 400, "description: is required"),
    ])
    func badPostsGetTheErrorShapeAndChangeNothing(form: [String: String], status: Int, description: String) throws {
        let (api, store) = try api()
        let response = api.handle(.init(method: "POST", path: "requests.json", parameters: form))
        #expect(response.status == status)
        #expect(response.body == TicketJSON.encode([Open311API.Failure(status, description)]))
        #expect(try store.count() == 0)
    }

    @Test func listingNeedsAnOfficerAndFilters() throws {
        let (api, store) = try api()
        #expect(api.handle(.init(method: "GET", path: "requests.json")).status == 401)
        #expect(api.handle(.init(method: "GET", path: "requests.json", bearerToken: "hd_bad")).status == 401)
        _ = api.handle(.init(method: "POST", path: "requests.json", parameters: Self.form))
        let (_, desk) = try store.createToken(name: "Desk", unitID: nil, role: .officer)
        let (_, other) = try store.createToken(name: "Sài Gòn", unitID: "phuong-sai-gon", role: .officer)
        func ids(_ parameters: [String: String], _ token: String) throws -> [String] {
            (try json(api.handle(.init(method: "GET", path: "requests.json", parameters: parameters, bearerToken: token))) as! [[String: Any]])
                .map { $0["service_request_id"] as! String }
        }
        #expect(try ids([:], desk) == ["1022-7KQ4-XM2D"])
        #expect(try ids(["status": "open", "service_code": "ha_tang"], desk) == ["1022-7KQ4-XM2D"])
        #expect(try ids(["status": "closed"], desk) == [])
        #expect(try ids(["start_date": "2026-11-24T00:00:00+07:00"], desk) == [])
        #expect(try ids(["end_date": "2026-11-24"], desk) == ["1022-7KQ4-XM2D"])
        #expect(try ids(["service_request_id": "1022-7KQ4-XM2D,1022-2222-2222"], desk) == ["1022-7KQ4-XM2D"])
        #expect(try ids([:], other) == [])
        #expect(api.handle(.init(method: "GET", path: "requests.json", parameters: ["status": "done"], bearerToken: desk)).status == 400)
        #expect(api.handle(.init(method: "DELETE", path: "requests.json")).status == 405)
        #expect(api.handle(.init(method: "GET", path: "nothing.json")).status == 404)
    }
}
