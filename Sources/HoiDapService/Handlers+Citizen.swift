import Foundation
import HTTPServer
import OrderedJSON
import Tickets

/// The longest chat message accepted, in characters.
public enum ChatLimits {
    public static let messageCharacters = 2000
    public static let sessionCharacters = 128
}

extension Handlers {
    /// `POST /api/chat` with `{"session"?: "…", "message": "…"}`: the engine's reply object.
    func chat(_ request: Request) throws -> Response {
        try limit(chatLimiter, "chat", request)
        let body = try object(request, message: "Nội dung gửi lên phải là một đối tượng JSON, ví dụ {\"message\": \"Làm lại căn cước ở đâu?\"}.")
        guard let raw = try string(body, "message", message: "Trường \"message\" phải là một chuỗi văn bản.") else {
            throw HTTPError(.badRequest, "Thiếu trường \"message\" (câu hỏi của bạn).")
        }
        let message = Self.clean(raw)
        guard !message.isEmpty else { throw HTTPError(.badRequest, "Câu hỏi đang để trống.") }
        // Counting characters segments graphemes; no text has more characters than UTF-8 bytes.
        guard message.utf8.count <= ChatLimits.messageCharacters || message.count <= ChatLimits.messageCharacters else {
            throw HTTPError(.badRequest, "Câu hỏi dài quá 2.000 ký tự; vui lòng viết ngắn gọn hơn.")
        }
        let sessionMessage = "Trường \"session\" phải là chuỗi 1–128 ký tự gồm chữ, số và các dấu - _ . :"
        let session = try string(body, "session", message: sessionMessage)
        if let session {
            guard (1...ChatLimits.sessionCharacters).contains(session.utf8.count),
                  session.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.:".unicodeScalars.contains($0)) })
            else { throw HTTPError(.badRequest, sessionMessage) }
        }
        let key = client(request)
        let reply = engine.reply(to: ChatTurn(session: session, message: message, canFileTicket: ticketLimiter.wouldAllow(key)))
        let intent: String
        if case let .string(text)? = reply["intent"] { intent = text } else { intent = "other" }
        metrics.recordReply(intent: intent)
        var filed = false
        if let ticket = reply["ticket"], ticket != .null {
            filed = true
            ticketLimiter.charge(key)
            metrics.recordTicket(channel: "chat")
        }
        var replySession = session
        if case let .string(text)? = reply["session"] { replySession = text }
        if escalations.observe(session: replySession, intent: intent, ticketFiled: filed) { metrics.recordEscalation() }
        return .json(reply)
    }

    /// `GET /api/procedures/{id}`.
    func procedure(_ request: Request) throws -> Response {
        let id = request.parameters["id"] ?? ""
        guard let record = catalog.procedure(id: id) else {
            throw HTTPError(.notFound, "Không tìm thấy thủ tục có mã này.")
        }
        return .json(record)
    }

    /// `GET /api/search?q=…&limit=…` (limit 1–50, default 10).
    func search(_ request: Request) throws -> Response {
        let query = Self.clean(request.query["q"] ?? "")
        guard !query.isEmpty else { throw HTTPError(.badRequest, "Thiếu từ khóa tìm kiếm (tham số q).") }
        guard query.count <= 500 else { throw HTTPError(.badRequest, "Từ khóa tìm kiếm dài quá 500 ký tự.") }
        var count = 10
        if let text = request.query["limit"] {
            guard let value = Int(text), (1...50).contains(value) else {
                throw HTTPError(.badRequest, "Tham số limit phải là số nguyên từ 1 đến 50.")
            }
            count = value
        }
        return .json(catalog.search(query, limit: count))
    }

    /// `GET /api/tickets/{code}?phone=…`: the citizen's view of a ticket.
    func lookupTicket(_ request: Request) throws -> Response {
        try lookup(code: request.parameters["code"] ?? "", phone: request.query["phone"], request: request)
    }

    /// `POST /api/tickets/lookup` with `{"code", "phone"}`: the same, keeping the phone number
    /// out of URLs (and so out of proxy logs and browser history). The widget uses this one.
    func lookupTicketPost(_ request: Request) throws -> Response {
        let body = try object(request, message: "Nội dung gửi lên phải là đối tượng JSON {\"code\": \"…\", \"phone\": \"…\"}.")
        let code = try string(body, "code", message: "Trường \"code\" phải là chuỗi.") ?? ""
        let phone = try string(body, "phone", message: "Trường \"phone\" phải là chuỗi.")
        guard !code.isEmpty else { throw HTTPError(.badRequest, "Thiếu mã phiếu (trường code).") }
        return try lookup(code: code, phone: phone, request: request)
    }

    private func lookup(code: String, phone: String?, request: Request) throws -> Response {
        try limit(lookupLimiter, "lookup", request)
        guard let phone, !phone.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw HTTPError(.badRequest, "Cần số điện thoại đã dùng khi gửi phản ánh (tham số phone).")
        }
        let view: CitizenTicketView
        do {
            view = try store.lookup(code: code.trimmingCharacters(in: .whitespaces), phone: phone)
        } catch .invalidPhone {
            throw HTTPError(.badRequest, "Số điện thoại không hợp lệ. Số di động có 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09.")
        } catch .notFound {
            throw HTTPError(.notFound, "Không tìm thấy phiếu nào có mã và số điện thoại này.")
        } catch .busy {
            throw HTTPError(.serviceUnavailable, "Hệ thống đang bận, vui lòng thử lại sau ít phút.", headers: [("Retry-After", "2")])
        } catch {
            throw HTTPError(.internalServerError, "Hệ thống gặp sự cố, vui lòng thử lại sau.")
        }
        return .json(Self.citizenJSON(view))
    }

    static func citizenJSON(_ view: CitizenTicketView) -> JSON {
        var summary = "Phiếu \(view.code.text): \(view.statusName). Đơn vị xử lý: \(view.unitName). Hạn trả lời: \(TicketTime.vietnamese(view.answerDeadline))."
        if let note = view.statusNote { summary += " Ghi chú: \(note)" }
        return .object([
            ("code", .string(view.code.text)), ("status", .string(view.status.rawValue)), ("status_name", .string(view.statusName)),
            ("category", .string(view.category.rawValue)), ("category_name", .string(view.category.displayName)),
            ("unit_name", .string(view.unitName)), ("created_at", .string(TicketTime.iso8601(view.createdAt))),
            ("updated_at", .string(TicketTime.iso8601(view.updatedAt))),
            ("answer_deadline", .string(TicketTime.iso8601(view.answerDeadline))),
            ("status_note", .optional(view.statusNote)), ("summary", .string(summary)),
        ])
    }
}
