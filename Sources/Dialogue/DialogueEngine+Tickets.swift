import Foundation
import Knowledge
import VietText

/// The 1022 flows: collecting a report one question at a time (with corrections and a
/// confirmed summary), and looking up a ticket by code and phone.
extension DialogueEngine {
    static let confirmWords: Set<String> = ["dong y", "ok", "oke", "co", "xac nhan", "gui", "gui di", "dung", "dung roi", "yes", "uh", "u", "vang", "da", "chinh xac"]
    static let cancelWords: Set<String> = ["huy", "thoi", "khong gui", "khong gui nua", "huy bo", "cancel", "dung lai"]

    func startEscalation(_ session: inout Session, message: String, reading unvoted: Reading, confidence: Double) -> Reply {
        let reading = voted(unvoted)
        let category = escalationCategory(reading)
        var escalation = Session.Escalation(category: category)
        // A message that already describes the problem (not just "cho tôi gặp nhân viên") is the description.
        if reading.syllables.count >= 6, !(reading.groups["escalate"] ?? 0 > 0 && category == .khac && reading.syllables.count < 9) {
            escalation.description = message
        }
        if let ward = wards.matches(in: reading.syllables).max(by: { $0.phrase.syllables.count < $1.phrase.syllables.count }) {
            escalation.ward = ward.phrase.label
        }
        session.escalation = escalation
        let name = knowledge.intents.categories[category]?.name ?? "Khác"
        return reply(session, .escalate, answer: Phrases.escalationStart(name) + " " + question(for: escalation),
                     confidence: confidence, category: category)
    }

    /// The category by cue phrases, then by the nearest reports.
    func escalationCategory(_ reading: Reading) -> EscalationCategory {
        if let best = reading.categoryCues.max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }),
           best.value >= 1, (reading.categories[best.key] ?? 0) >= (reading.categories.values.max() ?? 0) * 0.6 {
            return best.key
        }
        return reading.categories.max(by: { $0.value < $1.value })?.key ?? .khac
    }

    func question(for escalation: Session.Escalation) -> String {
        switch escalation.missing {
        case .description: Phrases.askDescription
        case .address: Phrases.askAddress
        case .name: Phrases.askName
        case .phone: Phrases.askPhone
        case nil: Phrases.summary(escalation, name: knowledge.intents.categories[escalation.category]?.name ?? "Khác")
        }
    }

    func continueEscalation(_ session: inout Session, message: String) -> Reply {
        guard var escalation = session.escalation else { return ask(message) }
        let folded = VietString.searchKey(message)
        let category = escalation.category
        func respond(_ text: String, confidence: Double = 1, ticket: Reply.TicketRef? = nil) -> Reply {
            reply(session, .escalate, answer: text, confidence: confidence,
                  category: session.escalation?.category ?? category, ticket: ticket)
        }
        if Self.cancelWords.contains(folded) {
            session.escalation = nil
            return respond(Phrases.cancelled)
        }
        switch applyCorrection(&escalation, message: message, folded: folded) {
        case .applied:
            escalation.confirming = escalation.missing == nil
            session.escalation = escalation
            return respond(question(for: escalation))
        case .badPhone(let problem):
            return respond(problem.message + " " + (escalation.confirming ? Phrases.confirmHint : question(for: escalation)))
        case .none:
            break
        }
        if escalation.confirming {
            guard Self.confirmWords.contains(folded) else {
                return respond(Phrases.confirmHint)
            }
            guard session.ticketsAllowed else { return respond(Phrases.ticketLimit) }
            let draft = TicketDraft(category: escalation.category, description: escalation.description ?? "",
                                    address: escalation.address ?? "", ward: escalation.ward, name: escalation.name ?? "",
                                    phone: escalation.phone ?? "", transcript: session.transcript)
            do {
                let created = try desk.create(draft)
                session.escalation = nil
                return respond(Phrases.created(created),
                               ticket: Reply.TicketRef(code: created.code, status: "Đã tiếp nhận", expectedBy: created.expectedBy, unit: created.unit))
            } catch {
                return respond(Phrases.ticketFailed, confidence: 0)
            }
        }
        switch escalation.missing {
        case .description:
            escalation.description = message
            // "Cho tôi gặp nhân viên" starts as "khác"; the description says what it is about.
            if escalation.category == .khac {
                let reading = voted(read(message))
                let refined = escalationCategory(reading)
                if !reading.categoryCues.isEmpty || (reading.categories[refined] ?? 0) > 0 { escalation.category = refined }
            }
        case .address:
            escalation.address = message
            let syllables = analyzer.tokens(message).filter(\.isPositional).map(\.folded)
            if let ward = wards.matches(in: syllables).max(by: { $0.phrase.syllables.count < $1.phrase.syllables.count }) {
                escalation.ward = ward.phrase.label
            }
        case .name: escalation.name = message
        case .phone:
            switch desk.normalizePhone(message) {
            case .success(let phone): escalation.phone = phone
            case .failure(let problem):
                session.escalation = escalation
                return respond(problem.message + " " + Phrases.askPhone)
            }
        case nil: break
        }
        escalation.confirming = escalation.missing == nil
        session.escalation = escalation
        return respond(question(for: escalation))
    }

    /// What a correction did: nothing (not a correction), a change, or a refused phone number.
    enum Correction { case none, applied, badPhone(PhoneProblem) }

    /// "sửa số điện thoại 0912…", "sửa tên Nguyễn Văn A", "sửa địa chỉ …", "sửa nội dung …".
    func applyCorrection(_ escalation: inout Session.Escalation, message: String, folded: String) -> Correction {
        let verbs = ["sua ", "doi ", "nham "]
        guard let verb = verbs.first(where: { folded.hasPrefix($0) }) else { return .none }
        // Longest keys first, matched as whole words, so "nội dung" is never read as "nơi".
        let targets: [(key: String, slot: Session.Escalation.Slot)] = [
            ("so dien thoai", .phone), ("dien thoai", .phone), ("so dt", .phone), ("sdt", .phone),
            ("ho ten", .name), ("ten", .name), ("dia chi", .address), ("dia diem", .address),
            ("noi dung", .description), ("su viec", .description), ("mo ta", .description),
        ]
        let rest = folded.dropFirst(verb.count)
        let words = message.split(separator: " ").map(String.init)
        for target in targets {
            guard rest.hasPrefix(target.key), rest.count == target.key.count || rest.dropFirst(target.key.count).first == " " else { continue }
            let keyWords = target.key.split(separator: " ").count
            let value = words.dropFirst(keyWords + 1).joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " :,-"))
            guard !value.isEmpty else { return .none }
            switch target.slot {
            case .phone:
                switch desk.normalizePhone(value) {
                case .success(let phone): escalation.phone = phone
                case .failure(let problem): return .badPhone(problem)
                }
            case .name: escalation.name = value
            case .address:
                escalation.address = value
                let syllables = analyzer.tokens(value).filter(\.isPositional).map(\.folded)
                if let ward = wards.matches(in: syllables).max(by: { $0.phrase.syllables.count < $1.phrase.syllables.count }) {
                    escalation.ward = ward.phrase.label
                }
            case .description: escalation.description = value
            }
            return .applied
        }
        return .none
    }

    func startStatus(_ session: inout Session, message: String, code: String?) -> Reply {
        var lookup = Session.StatusLookup(code: code, phone: nil)
        lookup.phone = phoneInMessage(message)
        session.statusLookup = lookup
        return finishStatus(&session)
    }

    func continueStatus(_ session: inout Session, message: String) -> Reply? {
        guard var lookup = session.statusLookup else { return nil }
        if Self.cancelWords.contains(VietString.searchKey(message)) {
            session.statusLookup = nil
            return reply(session, .ticketStatus, answer: "Đã dừng tra cứu.", confidence: 1)
        }
        let code = ticketCode(in: message), phone = phoneInMessage(message)
        if lookup.code == nil { lookup.code = code }
        if lookup.phone == nil { lookup.phone = phone }
        guard code != nil || phone != nil else {
            // Not an answer to the question: treat it as a new message.
            session.statusLookup = nil
            return nil
        }
        session.statusLookup = lookup
        return finishStatus(&session)
    }

    func finishStatus(_ session: inout Session) -> Reply {
        guard let lookup = session.statusLookup else { return reply(session, .ticketStatus, answer: Phrases.askCode, confidence: 1) }
        guard let code = lookup.code else { return reply(session, .ticketStatus, answer: Phrases.askCode, confidence: 1) }
        guard let phone = lookup.phone else { return reply(session, .ticketStatus, answer: Phrases.askLookupPhone, confidence: 1) }
        session.statusLookup = nil
        guard let view = desk.status(code: code, phone: phone) else {
            return reply(session, .ticketStatus, answer: Phrases.notFound, confidence: 1)
        }
        return reply(session, .ticketStatus, answer: Phrases.status(view), confidence: 1,
                     ticket: Reply.TicketRef(code: view.code, status: view.status, expectedBy: nil, unit: view.unit))
    }

    /// The first run of digits in a message that the desk accepts as a phone number.
    func phoneInMessage(_ message: String) -> String? {
        let candidates = message.split { !($0.isNumber || $0 == "+" || $0 == "." || $0 == " " || $0 == "-") }
        for candidate in candidates where candidate.filter(\.isNumber).count >= 10 {
            if case .success(let phone) = desk.normalizePhone(String(candidate)) { return phone }
        }
        return nil
    }
}
