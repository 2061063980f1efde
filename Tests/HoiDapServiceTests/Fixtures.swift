import Foundation
import TestSupport
import HTTPServer
import HoiDapService
import OrderedJSON
import Synchronization
import Tickets

/// A value the test and the service's threads share.
final class Shared<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>
    init(_ value: Value) { mutex = Mutex(value) }
    func withLock<R>(_ body: (inout Value) -> R) -> R { mutex.withLock { body(&$0) } }
    var value: Value { withLock { $0 } }
}

/// A chat engine with fixed answers and a four-step escalation that files a real ticket.
///
/// - "căn cước": a procedure answer with a source link;
/// - "khai sinh": a clarification between two procedures;
/// - "ổ gà", "phản ánh": escalation, then what → where → name → phone, then a ticket;
/// - "chào": a greeting; anything else: out of scope.
final class FakeEngine: ChatEngine {
    struct Escalation: Sendable {
        var answers: [String] = []
    }

    let store: TicketStore
    private let sessions = Mutex<[String: Escalation]>([:])
    private let counter = Mutex(0)
    let turns = Shared<[ChatTurn]>([])

    init(store: TicketStore) { self.store = store }

    static let questions = ["Bạn mô tả giúp sự việc cần phản ánh?", "Sự việc ở đâu (số nhà, đường, phường/xã)?",
                            "Bạn cho biết họ và tên?", "Số điện thoại để Trung tâm 1022 liên hệ?"]

    func reply(to turn: ChatTurn) -> JSON {
        turns.withLock { $0.append(turn) }
        let session = turn.session ?? counter.withLock { value -> String in
            value += 1
            return "s\(value)"
        }
        let message = turn.message.lowercased()
        if var escalation = sessions.withLock({ $0[session] }) {
            escalation.answers.append(turn.message)
            if escalation.answers.count < 4 {
                sessions.withLock { $0[session] = escalation }
                return Self.reply(session, intent: "escalate", answer: Self.questions[escalation.answers.count], category: "ha_tang")
            }
            sessions.withLock { $0[session] = nil }
            let input = NewTicket(channel: .chat, category: "ha_tang", description: escalation.answers[0],
                                  transcript: [TranscriptLine(speaker: .citizen, text: escalation.answers[0])],
                                  address: escalation.answers[1], ward: escalation.answers[1], name: escalation.answers[2], phone: escalation.answers[3])
            guard let ticket = try? store.create(input, by: .citizen) else {
                return Self.reply(session, intent: "escalate", answer: "Số điện thoại chưa đúng, bạn nhập lại giúp?", category: "ha_tang")
            }
            return Self.reply(session, intent: "escalate", answer: "Đã gửi phản ánh đến Trung tâm 1022. Mã phiếu \(ticket.code.text).",
                              category: "ha_tang", ticket: .object([("code", .string(ticket.code.text)), ("status", "received")]))
        }
        if message.contains("căn cước") {
            return .object([
                ("session", .string(session)), ("intent", "procedure"),
                ("answer", "Cấp lại thẻ căn cước: nộp hồ sơ tại Công an cấp xã nơi cư trú hoặc trên Cổng dịch vụ công. Lệ phí 70.000 đồng."),
                ("procedure", .object([("id", "cap-lai-can-cuoc"), ("title", "Cấp lại thẻ căn cước"), ("code", "1.001234"), ("score", 17.5),
                                       ("url", "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001234")])),
                ("aspect", "fee"), ("category", nil), ("confidence", 0.93),
                ("candidates", [.object([("id", "cap-lai-can-cuoc"), ("title", "Cấp lại thẻ căn cước"), ("score", 17.5)])]),
                ("suggestions", ["Hồ sơ gồm những gì?", "Nộp ở đâu?"]), ("ticket", nil),
            ])
        }
        if message.contains("khai sinh") {
            return .object([
                ("session", .string(session)), ("intent", "clarify"), ("answer", "Bạn muốn hỏi thủ tục nào?"), ("procedure", nil),
                ("aspect", nil), ("category", nil), ("confidence", 0.41),
                ("candidates", [.object([("id", "dang-ky-khai-sinh"), ("title", "Đăng ký khai sinh"), ("score", 9.1)]),
                                .object([("id", "khai-sinh-nuoc-ngoai"), ("title", "Đăng ký khai sinh có yếu tố nước ngoài"), ("score", 8.7)])]),
                ("suggestions", []), ("ticket", nil),
            ])
        }
        if message.contains("ổ gà") || message.contains("phản ánh") {
            guard turn.canFileTicket else {
                return Self.reply(session, intent: "escalate", answer: "Bạn đã gửi nhiều phản ánh trong giờ qua. Vui lòng thử lại sau hoặc gọi 1022.", category: "ha_tang")
            }
            sessions.withLock { $0[session] = Escalation() }
            return Self.reply(session, intent: "escalate", answer: Self.questions[0], category: "ha_tang")
        }
        if message.contains("chào") {
            return Self.reply(session, intent: "greeting", answer: "Xin chào! Bạn cần hỏi thủ tục gì?")
        }
        return Self.reply(session, intent: "out_of_scope", answer: "Xin lỗi, tôi chỉ trả lời về thủ tục hành chính và phản ánh.")
    }

    static func reply(_ session: String, intent: String, answer: String, category: String? = nil, ticket: JSON = nil) -> JSON {
        .object([
            ("session", .string(session)), ("intent", .string(intent)), ("answer", .string(answer)), ("procedure", nil), ("aspect", nil),
            ("category", .optional(category)), ("confidence", 1.0), ("candidates", []), ("suggestions", []), ("ticket", ticket),
        ])
    }
}

/// Two procedures and a substring search.
struct FakeCatalog: ProcedureCatalog {
    static let procedures: [(String, String)] = [("cap-lai-can-cuoc", "Cấp lại thẻ căn cước"), ("dang-ky-khai-sinh", "Đăng ký khai sinh")]

    func procedure(id: String) -> JSON? {
        guard let entry = Self.procedures.first(where: { $0.0 == id }) else { return nil }
        return .object([("id", .string(entry.0)), ("title", .string(entry.1))])
    }

    func search(_ query: String, limit: Int) -> JSON {
        let hits = Self.procedures.filter { $0.1.lowercased().contains(query.lowercased()) }.prefix(limit)
        return .object([("query", .string(query)), ("results", .array(hits.map { .object([("id", .string($0.0)), ("title", .string($0.1))]) }))])
    }
}

/// A manual monotonic clock for rate limits.
final class TestClock: Sendable {
    let seconds = Shared(1000.0)
    func advance(_ by: Double) { seconds.withLock { $0 += by } }
    var closure: @Sendable () -> Double { { [seconds] in seconds.value } }
}

/// A service over a fresh database in a temporary folder.
struct Harness {
    let store: TicketStore
    let engine: FakeEngine
    let service: HoiDapService
    let clock: TestClock
    let log: Shared<[String]>
    let ticketClock: ManualClock

    static let units: [TicketUnit] = [
        TicketUnit(id: "trung-tam-1022", name: "Trung tâm 1022 TP. Hồ Chí Minh", kind: .desk, categories: Set(TicketCategory.allCases)),
        TicketUnit(id: "so-xay-dung", name: "Sở Xây dựng TP. Hồ Chí Minh", kind: .department, categories: [.haTang, .giaoThong]),
        TicketUnit(id: "phuong-tan-dinh", name: "UBND phường Tân Định", kind: .ward,
                   categories: [.tratTuDoThi, .haTang, .moiTruong, .hanhChinh, .anNinh, .khac], area: "Phường Tân Định"),
        TicketUnit(id: "phuong-sai-gon", name: "UBND phường Sài Gòn", kind: .ward,
                   categories: [.tratTuDoThi, .haTang, .moiTruong, .hanhChinh, .anNinh, .khac], area: "Phường Sài Gòn"),
    ]

    /// Monday 23 November 2026, 09:00 +07:00.
    static let monday = TicketTime.instant(LocalDate(year: 2026, month: 11, day: 23), hour: 9)

    init(_ configure: (inout HoiDapService.Configuration) -> Void = { _ in }) throws {
        let folder = ScratchSpace.folder()
        ticketClock = ManualClock(Self.monday)
        store = try TicketStore(path: folder.appendingPathComponent("tickets.sqlite").path, router: try TicketRouter(units: Self.units), clock: ticketClock)
        engine = FakeEngine(store: store)
        clock = TestClock()
        let log = Shared<[String]>([])
        self.log = log
        var configuration = HoiDapService.Configuration()
        configuration.clock = clock.closure
        configuration.accessLog = AccessLog { line in log.withLock { $0.append(line) } }
        configure(&configuration)
        service = try HoiDapService(store: store, engine: engine, catalog: FakeCatalog(), configuration: configuration)
    }

    func send(_ method: String, _ path: String, query: [String: String] = [:], headers: [(String, String)] = [], body: String? = nil,
              from address: String = "203.0.113.7") -> Response {
        service.response(to: Request(method: method, path: path, query: query, headers: headers.map { (name: $0.0, value: $0.1) },
                                     body: body.map { Array($0.utf8) } ?? [], remoteAddress: address))
    }

    func chat(_ message: String, session: String? = nil, from address: String = "203.0.113.7") -> Response {
        let body: JSON = .object([("session", .optional(session)), ("message", .string(message))])
        return send("POST", "/api/chat", headers: [("Content-Type", "application/json")], body: body.serialized(), from: address)
    }

    /// Files a ticket directly (as the terminal would).
    func ticket(phone: String = "0912345678", ward: String = "Phường Tân Định") throws -> Ticket {
        try store.create(NewTicket(channel: .web, category: "ha_tang", description: "Ổ gà trước số 12 Hai Bà Trưng", address: "12 Hai Bà Trưng",
                                   ward: ward, name: "Nguyễn Văn An", phone: phone), by: .citizen)
    }
}

extension Response {
    /// The body parsed back (tests compare fields).
    var json: JSON { (try? JSONParser.parse(body)) ?? .null }
}

func errorBody(_ status: Int, _ code: String, _ message: String) -> String {
    JSON.object([("error", .object([("code", .string(code)), ("status", .int(status)), ("message", .string(message))]))]).serialized() + "\n"
}

