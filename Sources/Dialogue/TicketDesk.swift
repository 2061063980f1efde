import Knowledge

/// What the dialogue needs of the 1022 ticket system; the service provides it over the
/// `Tickets` module, tests use `InMemoryTicketDesk`. Keeps SQLite out of the dialogue.
public protocol TicketDesk: Sendable {
    /// The phone number in national form, or a Vietnamese message saying what is wrong.
    func normalizePhone(_ text: String) -> Result<String, PhoneProblem>
    /// Files a ticket.
    func create(_ draft: TicketDraft) throws -> CreatedTicket
    /// A ticket's status for its citizen, or nil when code and phone do not match one.
    func status(code: String, phone: String) -> TicketStatusView?
}

/// Why a phone number was refused (shown to the citizen).
public struct PhoneProblem: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// Everything collected in the chat for a new ticket.
public struct TicketDraft: Sendable, Equatable {
    public var category: EscalationCategory
    public var description: String
    public var address: String
    public var ward: String?
    public var name: String
    public var phone: String
    public var transcript: [String]
}

/// The result of filing a ticket.
public struct CreatedTicket: Sendable, Equatable {
    public var code: String
    /// Human-readable expected answer date (dd/MM/yyyy).
    public var expectedBy: String
    public var unit: String

    public init(code: String, expectedBy: String, unit: String) {
        self.code = code
        self.expectedBy = expectedBy
        self.unit = unit
    }
}

/// What a citizen may see of a ticket.
public struct TicketStatusView: Sendable, Equatable {
    public var code: String
    public var status: String
    public var unit: String
    public var updated: String

    public init(code: String, status: String, unit: String, updated: String) {
        self.code = code
        self.status = status
        self.unit = unit
        self.updated = updated
    }
}

/// A ticket desk in memory, for tests and for running without a database.
public final class InMemoryTicketDesk: TicketDesk, @unchecked Sendable {
    private let lock = NSLock()
    private var tickets: [String: (draft: TicketDraft, status: String)] = [:]
    private var counter = 0

    public init() {}

    public var created: [TicketDraft] { lock.withLock { tickets.keys.sorted().compactMap { tickets[$0]?.draft } } }

    public func normalizePhone(_ text: String) -> Result<String, PhoneProblem> {
        var digits = text.filter(\.isNumber)
        if digits.hasPrefix("84"), digits.count == 11 || digits.count == 12 { digits = "0" + digits.dropFirst(2) }
        let mobile = digits.count == 10 && ["03", "05", "07", "08", "09"].contains(String(digits.prefix(2)))
        let landline = digits.count == 11 && digits.hasPrefix("02")
        return mobile || landline ? .success(digits) : .failure(PhoneProblem("Số điện thoại chưa đúng: số di động có 10 chữ số (ví dụ 0912 345 678), số cố định có 11 chữ số bắt đầu bằng 02."))
    }

    public func create(_ draft: TicketDraft) throws -> CreatedTicket {
        lock.withLock {
            counter += 1
            let code = String(format: "1022-TEST-%04d", counter)
            tickets[code] = (draft, "Đã tiếp nhận")
            return CreatedTicket(code: code, expectedBy: "07/12/2026", unit: "Trung tâm 1022")
        }
    }

    public func status(code: String, phone: String) -> TicketStatusView? {
        lock.withLock {
            guard let entry = tickets[code.uppercased()], entry.draft.phone == phone else { return nil }
            return TicketStatusView(code: code.uppercased(), status: entry.status, unit: "Trung tâm 1022", updated: "29/11/2026")
        }
    }
}

import Foundation
