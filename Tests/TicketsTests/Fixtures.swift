import Synchronization
import Foundation
import TestSupport
@testable import Tickets

/// Shared test fixtures: a small unit list, temporary databases, a fixed clock.
enum Fixtures {
    static let units: [TicketUnit] = [
        TicketUnit(id: "trung-tam-1022", name: "Trung tâm 1022 TP. Hồ Chí Minh", kind: .desk, categories: Set(TicketCategory.allCases)),
        TicketUnit(id: "so-xay-dung", name: "Sở Xây dựng TP. Hồ Chí Minh", kind: .department, categories: [.haTang, .giaoThong]),
        TicketUnit(id: "cong-an-tp", name: "Công an TP. Hồ Chí Minh", kind: .police, categories: [.anNinh, .giaoThong]),
        TicketUnit(id: "so-y-te", name: "Sở Y tế TP. Hồ Chí Minh", kind: .department, categories: [.yTe]),
        TicketUnit(id: "sawaco", name: "Tổng Công ty Cấp nước Sài Gòn", kind: .other, categories: [.haTang]),
        TicketUnit(id: "phuong-tan-dinh", name: "UBND phường Tân Định", kind: .ward,
                   categories: [.tratTuDoThi, .haTang, .moiTruong, .hanhChinh, .anNinh, .khac], area: "Phường Tân Định"),
        TicketUnit(id: "phuong-sai-gon", name: "UBND phường Sài Gòn", kind: .ward,
                   categories: [.tratTuDoThi, .haTang, .moiTruong, .hanhChinh, .anNinh, .khac], area: "Phường Sài Gòn"),
        TicketUnit(id: "xa-thanh-an-can-gio", name: "UBND xã Thạnh An", kind: .commune,
                   categories: [.tratTuDoThi, .haTang, .moiTruong, .hanhChinh, .anNinh, .khac], area: "Xã Thạnh An"),
        TicketUnit(id: "xa-thanh-an-dau-tieng", name: "UBND xã Thanh An", kind: .commune,
                   categories: [.tratTuDoThi, .haTang, .moiTruong, .hanhChinh, .anNinh, .khac], area: "Xã Thanh An"),
    ]

    static var router: TicketRouter { try! TicketRouter(units: units) }

    /// Monday 23 November 2026, 09:00 +07:00 (ISO week 2026-W48).
    static let monday = TicketTime.instant(LocalDate(year: 2026, month: 11, day: 23), hour: 9)

    /// A fresh folder under the system temporary directory (in `ScratchSpace`), never var/.
    static func temporaryDirectory() -> URL {
        ScratchSpace.folder()
    }

    static func store(clock: ManualClock = ManualClock(monday), options: TicketStore.Options = TicketStore.Options(),
                      path: String? = nil) throws -> TicketStore {
        let path = path ?? temporaryDirectory().appendingPathComponent("tickets.sqlite").path
        return try TicketStore(path: path, router: router, clock: clock, options: options)
    }

    static func newTicket(category: String = "ha_tang", ward: String? = "Phường Tân Định",
                          phone: String = "0912345678", name: String = "Nguyễn Văn An",
                          description: String = "Ổ gà lớn trước số 12 đường Hai Bà Trưng") -> NewTicket {
        NewTicket(channel: .chat, category: category, description: description,
                  transcript: [TranscriptLine(speaker: .citizen, text: "đường có ổ gà"), TranscriptLine(speaker: .assistant, text: "Bạn cho biết địa chỉ?")],
                  address: "12 Hai Bà Trưng", ward: ward, name: name, phone: phone)
    }

    static func local(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Date {
        TicketTime.instant(LocalDate(year: year, month: month, day: day), hour: hour, minute: minute)
    }
}

/// A value shared between a test and the closures it hands to the store.
final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>
    init(_ value: Value) { mutex = Mutex(value) }
    func withLock<R>(_ body: (inout Value) -> R) -> R { mutex.withLock { body(&$0) } }
    var value: Value { withLock { $0 } }
}

