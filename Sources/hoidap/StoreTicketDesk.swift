import Dialogue
import Foundation
import Tickets

/// The dialogue's ticket desk over the `Tickets` store: chat reports become tickets with
/// channel "chat", lookups go through the citizen view (code + phone, nothing else).
final class StoreTicketDesk: TicketDesk, @unchecked Sendable {
    let store: TicketStore
    let unitNames: [String: String]

    init(store: TicketStore, unitNames: [String: String]) {
        self.store = store
        self.unitNames = unitNames
    }

    func normalizePhone(_ text: String) -> Result<String, PhoneProblem> {
        do { return .success(try PhoneNumber(text).national) } catch {
            return .failure(PhoneProblem("Số điện thoại chưa đúng: số di động có 10 chữ số bắt đầu bằng 03, 05, 07, 08 hoặc 09; số cố định có 11 chữ số bắt đầu bằng 02."))
        }
    }

    func create(_ draft: TicketDraft) throws -> CreatedTicket {
        let transcript = draft.transcript.map { line in
            TranscriptLine(speaker: line.hasPrefix("Công dân:") ? .citizen : .assistant,
                           text: line.replacingOccurrences(of: "Công dân: ", with: "").replacingOccurrences(of: "Trợ lý: ", with: ""))
        }
        let input = NewTicket(channel: .chat, category: draft.category.rawValue, description: draft.description,
                              transcript: transcript, address: draft.address, ward: draft.ward, name: draft.name, phone: draft.phone)
        let ticket = try store.create(input, by: .citizen)
        let day = TicketTime.vietnamese(ticket.answerDeadline).prefix(10)
        return CreatedTicket(code: ticket.code.description, expectedBy: String(day), unit: unitNames[ticket.unitID] ?? ticket.unitID)
    }

    func status(code: String, phone: String) -> TicketStatusView? {
        guard let view = try? store.lookup(code: code, phone: phone) else { return nil }
        return TicketStatusView(code: view.code.description, status: view.statusName, unit: view.unitName,
                                updated: TicketTime.vietnamese(view.updatedAt))
    }
}
