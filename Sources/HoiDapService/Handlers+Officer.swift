import Foundation
import HTTPServer
import OrderedJSON
import Tickets

/// The officer API: bearer tokens from `hoidap tickets token create`, JSON in and out, texts
/// in English (officers' tools), the same workflow rules as the terminal.
extension Handlers {
    /// The officer the request's bearer token belongs to, or 401.
    func officer(_ request: Request) throws(HTTPError) -> Officer {
        guard let token = request.bearerToken else {
            throw HTTPError(.unauthorized, "send an officer token: Authorization: Bearer hd_…", headers: [("WWW-Authenticate", "Bearer realm=\"hoidap\"")])
        }
        do {
            return try store.authenticate(token: token)
        } catch {
            throw Self.httpError(error)
        }
    }

    /// `GET /api/officer/me`: who the token belongs to.
    func officerMe(_ request: Request) throws -> Response {
        let officer = try officer(request)
        return .json(.object([
            ("name", .string(officer.name)), ("unit", .optional(officer.unitID)),
            ("unit_name", .optional(officer.unitID.flatMap { store.router.unit(id: $0)?.name })), ("role", .string(officer.role.rawValue)),
        ]))
    }

    /// `GET /api/officer/tickets?status=received,forwarded&category=&ward=&unit=&overdue=true&limit=50&offset=0`:
    /// newest first, scoped to the officer's unit.
    func officerList(_ request: Request) throws -> Response {
        let officer = try officer(request)
        var filter = TicketFilter()
        filter.limit = 50
        let query = request.query
        if let text = query["status"] {
            for name in text.split(separator: ",") {
                guard let status = TicketStatus(argument: String(name)) else {
                    throw HTTPError(.badRequest, "status: unknown '\(name)' (use \(TicketStatus.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                filter.statuses.insert(status)
            }
        }
        if let text = query["category"] {
            guard let category = TicketCategory(rawValue: text) else { throw Self.httpError(.unknownCategory(text)) }
            filter.category = category
        }
        filter.ward = query["ward"]
        filter.unitID = query["unit"]
        switch query["overdue"] {
        case nil: break
        case "true": filter.overdue = true
        case "false": filter.overdue = false
        default: throw HTTPError(.badRequest, "overdue: use true or false")
        }
        if let text = query["limit"] {
            guard let value = Int(text), (1...500).contains(value) else { throw HTTPError(.badRequest, "limit: use a number from 1 to 500") }
            filter.limit = value
        }
        if let text = query["offset"] {
            guard let value = Int(text), value >= 0 else { throw HTTPError(.badRequest, "offset: use a number from 0") }
            filter.offset = value
        }
        let now = store.clock.now()
        do {
            let tickets = try store.tickets(filter, at: now, by: .officer(officer))
            return .jsonText(TicketJSON.encode(tickets.map { TicketView($0, at: now, unitName: store.router.unit(id: $0.unitID)?.name) }, pretty: false))
        } catch {
            throw Self.httpError(error)
        }
    }

    /// `GET /api/officer/tickets/{code}`: the ticket with history, directives and transcript.
    func officerShow(_ request: Request) throws -> Response {
        let officer = try officer(request)
        return try detail(try code(request), for: officer)
    }

    /// `POST /api/officer/tickets/{code}/assign` with `{"unit": "phuong-tan-dinh", "note"?: "…"}`.
    func officerAssign(_ request: Request) throws -> Response {
        let officer = try officer(request)
        let code = try code(request)
        let body = try object(request, message: "send a JSON object {\"unit\": \"…\", \"note\": \"…\"}")
        guard let unit = try string(body, "unit", message: "unit: must be a string") else { throw HTTPError(.badRequest, "unit: is required") }
        let note = try string(body, "note", message: "note: must be a string")
        do {
            try visible(code, to: officer)
            try store.assign(code, to: unit, note: note, by: .officer(officer))
        } catch {
            throw Self.httpError(error)
        }
        return try detail(code, for: officer)
    }

    /// `POST /api/officer/tickets/{code}/status` with `{"status": "in_progress", "note"?: "…"}`.
    func officerStatus(_ request: Request) throws -> Response {
        let officer = try officer(request)
        let code = try code(request)
        let body = try object(request, message: "send a JSON object {\"status\": \"…\", \"note\": \"…\"}")
        guard let text = try string(body, "status", message: "status: must be a string") else { throw HTTPError(.badRequest, "status: is required") }
        guard let status = TicketStatus(argument: text) else {
            throw HTTPError(.badRequest, "status: unknown '\(text)' (use \(TicketStatus.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let note = try string(body, "note", message: "note: must be a string")
        do {
            try visible(code, to: officer)
            try store.transition(code, to: status, note: note, by: .officer(officer))
        } catch {
            throw Self.httpError(error)
        }
        return try detail(code, for: officer)
    }

    /// `POST /api/officer/tickets/{code}/notes` with `{"note": "…"}`: an internal note (201).
    func officerNote(_ request: Request) throws -> Response {
        let officer = try officer(request)
        let code = try code(request)
        let body = try object(request, message: "send a JSON object {\"note\": \"…\"}")
        guard let note = try string(body, "note", message: "note: must be a string") else { throw HTTPError(.badRequest, "note: is required") }
        do {
            try visible(code, to: officer)
            try store.addNote(code, note: note, by: .officer(officer))
        } catch {
            throw Self.httpError(error)
        }
        var response = try detail(code, for: officer)
        response.status = .created
        return response
    }

    private func code(_ request: Request) throws(HTTPError) -> TicketCode {
        guard let code = TicketCode(parsing: request.parameters["code"] ?? "") else { throw Self.httpError(.notFound) }
        return code
    }

    /// Another unit's ticket is "not found" for a unit's officer, as in Open311.
    private func visible(_ code: TicketCode, to officer: Officer) throws(TicketError) {
        let ticket = try store.ticket(code: code)
        if let unit = officer.unitID, unit != ticket.unitID { throw .notFound }
    }

    private func detail(_ code: TicketCode, for officer: Officer) throws(HTTPError) -> Response {
        do {
            try visible(code, to: officer)
            let ticket = try store.ticket(code: code)
            let view = TicketView(ticket, at: store.clock.now(), unitName: store.router.unit(id: ticket.unitID)?.name,
                                  history: try store.history(of: code), directives: try store.directives(for: code), includeTranscript: true)
            return .jsonText(TicketJSON.encode(view, pretty: false))
        } catch {
            throw Self.httpError(error)
        }
    }

    /// A store error as an HTTP error; database details stay in the server.
    static func httpError(_ error: TicketError) -> HTTPError {
        switch error {
        case .invalidInput, .invalidPhone, .unknownCategory, .unknownUnit, .noteRequired:
            HTTPError(.badRequest, error.description)
        case .invalidTransition: HTTPError(.conflict, error.description)
        case .notFound: HTTPError(.notFound, "no ticket with this code")
        case .unknownDirective: HTTPError(.notFound, error.description)
        case .unauthorized: HTTPError(.unauthorized, error.description, headers: [("WWW-Authenticate", "Bearer realm=\"hoidap\", error=\"invalid_token\"")])
        case .forbidden: HTTPError(.forbidden, error.description)
        case .busy: HTTPError(.serviceUnavailable, error.description, headers: [("Retry-After", "2")])
        case .codeSpaceExhausted, .database: HTTPError(.internalServerError, "the ticket database failed; nothing was changed")
        }
    }

    static func httpError(_ error: any Error) -> HTTPError {
        if let error = error as? HTTPError { return error }
        if let error = error as? TicketError { return httpError(error) }
        return HTTPError(.internalServerError, "internal error")
    }
}
