import Foundation
import HTTPServer
import OrderedJSON
import Tickets

extension Handlers {
    /// `GET|POST /open311/v2/{resource}`: Tickets' Open311 API, parameters from the query and,
    /// for POST, a form (the spec's encoding) or a JSON object body.
    func open311(_ request: Request) throws -> Response {
        let resource = request.parameters["resource"] ?? ""
        var parameters = request.query
        let creates = request.method == "POST" && (resource == "requests.json" || resource == "requests")
        if request.method == "POST" {
            if creates, case let .limited(seconds) = ticketLimiter.take(client(request)) {
                metrics.recordLimited("tickets")
                let body: JSON = [.object([("code", 429), ("description", .string("Bạn đã gửi quá nhiều phản ánh. Vui lòng thử lại sau \(seconds) giây."))])]
                var response = Response.json(body, status: .tooManyRequests)
                response.headers.append(("Retry-After", String(seconds)))
                return response
            }
            for (name, value) in try postParameters(request) { parameters[name] = value }
        }
        let result = open311.handle(Open311API.Request(method: request.method == "HEAD" ? "GET" : request.method, path: resource,
                                                       parameters: parameters, bearerToken: request.bearerToken))
        var response = Response.jsonText(result.body, status: HTTPStatus(result.status))
        switch result.status {
        case 201: metrics.recordTicket(channel: "api")
        case 401: response.headers.append(("WWW-Authenticate", "Bearer realm=\"hoidap\""))
        case 405: response.headers.append(("Allow", resource.hasPrefix("services") ? "GET, HEAD" : "GET, HEAD, POST"))
        default: break
        }
        return response
    }

    private func postParameters(_ request: Request) throws(HTTPError) -> [String: String] {
        let type = request.header("content-type")?.lowercased() ?? ""
        guard type.hasPrefix("application/json") else { return try request.formBody() }
        let body = try object(request, message: "send a form (application/x-www-form-urlencoded) or a JSON object")
        guard case let .object(pairs) = body else { return [:] }
        var fields: [String: String] = [:]
        for (name, value) in pairs {
            switch value {
            case let .string(text): fields[name] = text
            case let .int(number): fields[name] = String(number)
            case let .double(number): fields[name] = String(number)
            case .null: continue
            default: throw HTTPError(.badRequest, "\(name): must be a string or a number")
            }
        }
        return fields
    }

    /// `GET /public/stats?month=2026-11` (or `from=2026-11-01&to=2026-12-01`): per-unit results,
    /// HTML by default, JSON with `?format=json` or `Accept: application/json`. No personal data.
    func publicStats(_ request: Request) throws -> Response {
        let (from, to) = try statsPeriod(request.query)
        let json: Bool
        switch request.query["format"] {
        case "json"?: json = true
        case "html"?: json = false
        case nil:
            let accept = request.header("accept") ?? ""
            json = accept.contains("application/json") && !accept.contains("text/html")
        case let other?: throw HTTPError(.badRequest, "Tham số format chỉ nhận html hoặc json, không nhận “\(other.prefix(20))”.")
        }
        let key = "\(json)|\(from.timeIntervalSince1970)|\(to.timeIntervalSince1970)"
        var response = try statsCache.response(key, now: configuration.clock()) {
            let report: PublicReport
            do {
                report = try store.publicReport(from: from, to: to)
            } catch {
                throw Self.httpError(error)
            }
            return json ? Response.jsonText(report.render(.json)) : Response.html(report.render(.html))
        }
        response.headers.append(("Cache-Control", "public, max-age=60"))
        response.headers.append(("Vary", "Accept"))
        return response
    }

    func statsPeriod(_ query: [String: String]) throws(HTTPError) -> (Date, Date) {
        if let fromText = query["from"] {
            guard let from = LocalDate(fromText) else { throw HTTPError(.badRequest, "Tham số from phải có dạng 2026-11-01.") }
            let to: LocalDate
            if let toText = query["to"] {
                guard let parsed = LocalDate(toText) else { throw HTTPError(.badRequest, "Tham số to phải có dạng 2026-12-01.") }
                to = parsed
            } else {
                to = TicketTime.localDate(store.clock.now()).adding(days: 1)
            }
            guard from < to else { throw HTTPError(.badRequest, "Ngày bắt đầu (from) phải trước ngày kết thúc (to).") }
            return (TicketTime.instant(from), TicketTime.instant(to))
        }
        let first: LocalDate
        if let month = query["month"] {
            guard month.count == 7, let date = LocalDate(month + "-01") else { throw HTTPError(.badRequest, "Tham số month phải có dạng 2026-11.") }
            first = date
        } else {
            let today = TicketTime.localDate(store.clock.now())
            first = LocalDate(year: today.year, month: today.month, day: 1)
        }
        let next = first.month == 12 ? LocalDate(year: first.year + 1, month: 1, day: 1) : LocalDate(year: first.year, month: first.month + 1, day: 1)
        return (TicketTime.instant(first), TicketTime.instant(next))
    }

    /// A static asset with `ETag` revalidation.
    func asset(_ asset: Assets.Asset, request: Request) -> Response {
        if request.header("if-none-match") == asset.etag {
            return Response(status: .notModified, headers: [("ETag", asset.etag), ("Cache-Control", asset.cacheControl)])
        }
        var response = Response(status: .ok, headers: [("Content-Type", asset.contentType), ("ETag", asset.etag),
                                                        ("Cache-Control", asset.cacheControl)], body: asset.body)
        if let policy = asset.contentSecurityPolicy { response.headers.append(("Content-Security-Policy", policy)) }
        return response
    }
}
