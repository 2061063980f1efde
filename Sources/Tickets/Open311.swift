import Foundation

/// The Open311 GeoReport v2 (JSON) API over the ticket store, without HTTP.
///
/// The HTTP layer mounts `handle(_:)` under `/open311/v2/`: it passes the method, the path
/// after the prefix (`services.json`, `requests.json`, `requests/1022-7KQ4-XM2D.json`), the
/// query or form parameters and the bearer token, and sends back the status and JSON body.
///
/// Differences from the public spec, for privacy: `GET requests/{id}` needs either an officer
/// token or the `phone` parameter the ticket was filed with (otherwise 404, like a wrong
/// code); `GET requests` (lists) needs an officer token, scoped to the officer's unit.
/// `service_code`s are the escalation categories (`ha_tang`, …).
public struct Open311API: Sendable {
    public struct Request: Sendable {
        public var method: String
        public var path: String
        public var parameters: [String: String]
        public var bearerToken: String?

        public init(method: String, path: String, parameters: [String: String] = [:], bearerToken: String? = nil) {
            self.method = method
            self.path = path
            self.parameters = parameters
            self.bearerToken = bearerToken
        }
    }

    public struct Response: Sendable, Equatable {
        public var status: Int
        public var body: String
        public var contentType: String { "application/json; charset=utf-8" }
    }

    /// An Open311 error; rendered as `[{"code": 400, "description": "…"}]` with `code` as HTTP status.
    public struct Failure: Error, Sendable, Equatable, Encodable {
        public var code: Int
        public var description: String

        init(_ code: Int, _ description: String) {
            self.code = code
            self.description = description
        }

        init(_ error: TicketError) {
            switch error {
            case .notFound: self.init(404, "service request not found")
            case .unauthorized: self.init(401, error.description)
            case .forbidden: self.init(403, error.description)
            case .busy: self.init(503, error.description)
            case .database, .codeSpaceExhausted: self.init(500, "internal error; the request was not stored")
            default: self.init(400, error.description)
            }
        }
    }

    /// `GET services`: one service per category.
    public struct Service: Sendable, Hashable, Encodable {
        public var service_code: String
        public var service_name: String
        public var description: String
        public var metadata = false
        public var type = "realtime"
        public var keywords: String
        public var group = "1022"
    }

    /// A service request in the spec's shape.
    public struct ServiceRequest: Sendable, Hashable, Encodable {
        public var service_request_id: String
        public var status: String
        public var status_notes: String?
        public var service_name: String
        public var service_code: String
        public var description: String
        public var agency_responsible: String
        public var service_notice: String?
        public var requested_datetime: String
        public var updated_datetime: String
        public var expected_datetime: String
        public var address: String?
        public var lat: Double?
        public var long: Double?
    }

    public struct Created: Sendable, Hashable, Encodable {
        public var service_request_id: String
        public var service_notice: String
        public var account_id: String?
    }

    public let store: TicketStore

    public init(store: TicketStore) { self.store = store }

    /// Dispatches one request; never throws, every failure becomes the spec's error array.
    public func handle(_ request: Request) -> Response {
        let path = request.path.hasPrefix("/") ? String(request.path.dropFirst()) : request.path
        let route = path.hasSuffix(".json") ? String(path.dropLast(5)) : path
        do {
            switch (request.method.uppercased(), route) {
            case ("GET", "services"):
                return Response(status: 200, body: TicketJSON.encode(services()))
            case ("POST", "requests"):
                return Response(status: 201, body: TicketJSON.encode([try create(request.parameters)]))
            case ("GET", "requests"):
                return Response(status: 200, body: TicketJSON.encode(try list(request.parameters, token: request.bearerToken)))
            case let ("GET", route) where route.hasPrefix("requests/"):
                let id = String(route.dropFirst("requests/".count))
                return Response(status: 200, body: TicketJSON.encode([try show(id, phone: request.parameters["phone"], token: request.bearerToken)]))
            case (_, "services"), (_, "requests"):
                throw Failure(405, "method not allowed")
            default:
                throw Failure(404, "no such Open311 resource")
            }
        } catch let failure as Failure {
            return Response(status: failure.code, body: TicketJSON.encode([failure]))
        } catch let error as TicketError {
            let failure = Failure(error)
            return Response(status: failure.code, body: TicketJSON.encode([failure]))
        } catch {
            return Response(status: 500, body: TicketJSON.encode([Failure(500, "internal error")]))
        }
    }

    public func services() -> [Service] {
        TicketCategory.allCases.map {
            Service(service_code: $0.rawValue, service_name: $0.displayName, description: $0.summary, keywords: $0.keywords.joined(separator: ","))
        }
    }

    /// `POST requests`: files a ticket on the `api` channel.
    ///
    /// Names follow Vietnamese order: `last_name` (họ) then `first_name` (tên đệm và tên).
    /// The ward comes from a `ward` parameter or, failing that, from the part of
    /// `address_string` routing recognises ("12 Hai Bà Trưng, Phường Tân Định").
    public func create(_ parameters: [String: String]) throws -> Created {
        func value(_ key: String) -> String? {
            parameters[key].flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        }
        guard let serviceCode = value("service_code") else { throw Failure(400, "service_code: is required") }
        let hasLocation = value("address_string") != nil || value("lat") != nil || value("address_id") != nil
        guard hasLocation else { throw Failure(400, "a location is required: lat and long, or address_string") }
        let latitude = try value("lat").map { text -> Double in
            guard let number = Double(text) else { throw Failure(400, "lat: is not a number") }
            return number
        }
        let longitude = try value("long").map { text -> Double in
            guard let number = Double(text) else { throw Failure(400, "long: is not a number") }
            return number
        }
        let name = [value("last_name"), value("first_name")].compactMap { $0 }.joined(separator: " ")
        let address = value("address_string")
        let ward = value("ward") ?? address.flatMap { text in
            text.split(separator: ",").reversed().map { $0.trimmingCharacters(in: .whitespaces) }
                .first { store.router.area(matching: $0) != nil }
        }
        let input = NewTicket(channel: .api, category: serviceCode, description: value("description") ?? "", address: address, ward: ward,
                              latitude: latitude, longitude: longitude, name: name, phone: value("phone") ?? "", email: value("email"))
        let ticket = try store.create(input, by: .citizen)
        return Created(service_request_id: ticket.code.text, service_notice: notice(ticket), account_id: nil)
    }

    /// `GET requests/{id}`: for the citizen (with the phone number) or an officer.
    public func show(_ id: String, phone: String?, token: String?) throws -> ServiceRequest {
        if let token {
            let officer = try store.authenticate(token: token)
            guard let code = TicketCode(parsing: id) else { throw TicketError.notFound }
            let ticket = try store.ticket(code: code)
            if let unit = officer.unitID, unit != ticket.unitID { throw TicketError.notFound }
            return serviceRequest(ticket)
        }
        guard let phone else { throw TicketError.notFound }
        let view = try store.lookup(code: id, phone: phone)
        return serviceRequest(try store.ticket(code: view.code))
    }

    /// `GET requests`: officers only; filters `service_request_id` (comma-separated),
    /// `service_code`, `status` (open/closed), `start_date`, `end_date` (ISO 8601).
    public func list(_ parameters: [String: String], token: String?) throws -> [ServiceRequest] {
        guard let token else { throw TicketError.unauthorized }
        let officer = try store.authenticate(token: token)
        if let ids = parameters["service_request_id"] {
            return ids.split(separator: ",").compactMap { TicketCode(parsing: String($0)) }.compactMap { code in
                guard let ticket = try? store.ticket(code: code) else { return nil }
                if let unit = officer.unitID, unit != ticket.unitID { return nil }
                return serviceRequest(ticket)
            }
        }
        var filter = TicketFilter()
        filter.limit = 1000
        if let code = parameters["service_code"] {
            guard let category = TicketCategory(rawValue: code) else { throw TicketError.unknownCategory(code) }
            filter.category = category
        }
        switch parameters["status"] {
        case nil: break
        case "open": filter.statuses = Set(TicketStatus.allCases.filter(\.isOpen))
        case "closed": filter.statuses = Set(TicketStatus.allCases.filter { !$0.isOpen })
        default: throw Failure(400, "status: use open or closed")
        }
        for (key, keyPath) in [("start_date", \TicketFilter.from), ("end_date", \TicketFilter.to)] {
            guard let text = parameters[key] else { continue }
            guard let date = TicketTime.parse(text) else { throw Failure(400, "\(key): is not an ISO 8601 date") }
            filter[keyPath: keyPath] = date
        }
        return try store.tickets(filter, by: .officer(officer)).map(serviceRequest)
    }

    func serviceRequest(_ ticket: Ticket) -> ServiceRequest {
        let notes = [ticket.status.displayName, ticket.statusNote].compactMap { $0 }.joined(separator: ": ")
        // The citizen's address often names the ward already; add it only when it does not.
        var parts = [ticket.location.address].compactMap { $0 }
        if let ward = ticket.location.ward, !(ticket.location.address ?? "").contains(ward) { parts.append(ward) }
        let address = parts.joined(separator: ", ")
        return ServiceRequest(
            service_request_id: ticket.code.text, status: ticket.status.isOpen ? "open" : "closed", status_notes: notes,
            service_name: ticket.category.displayName, service_code: ticket.category.rawValue, description: ticket.description,
            agency_responsible: store.router.unit(id: ticket.unitID)?.name ?? ticket.unitID, service_notice: notice(ticket),
            requested_datetime: TicketTime.iso8601(ticket.createdAt), updated_datetime: TicketTime.iso8601(ticket.updatedAt),
            expected_datetime: TicketTime.iso8601(ticket.answerDeadline), address: address.isEmpty ? nil : address,
            lat: ticket.location.latitude, long: ticket.location.longitude)
    }

    func notice(_ ticket: Ticket) -> String {
        "Trung tâm 1022 đã tiếp nhận phản ánh. Mã phiếu \(ticket.code.text); hạn trả lời \(TicketTime.vietnamese(ticket.answerDeadline)). Tra cứu bằng mã phiếu và số điện thoại đã cung cấp."
    }
}
