import Foundation

/// How fast each category of ticket must move: forwarded within minutes, answered within
/// working days.
///
/// Forwarding is the 1022 desk's job and the desk works around the clock, so it counts
/// wall-clock minutes; answering is the unit's job and counts working days on a
/// `WorkingCalendar`.
///
///     let policy = DeadlinePolicy.default
///     policy.rule(for: .anNinh)   // forward within 30 minutes, answer within 2 working days
public struct DeadlinePolicy: Sendable, Hashable {
    public struct Rule: Sendable, Hashable, Codable {
        public var forwardMinutes: Int
        public var answerWorkingDays: Int

        public init(forwardMinutes: Int, answerWorkingDays: Int) {
            self.forwardMinutes = forwardMinutes
            self.answerWorkingDays = answerWorkingDays
        }

        enum CodingKeys: String, CodingKey {
            case forwardMinutes = "forward_minutes"
            case answerWorkingDays = "answer_working_days"
        }
    }

    public var rules: [TicketCategory: Rule]
    public var calendar: WorkingCalendar

    public init(rules: [TicketCategory: Rule], calendar: WorkingCalendar = .default) {
        self.rules = rules
        self.calendar = calendar
    }

    /// The defaults: security and traffic incidents move fastest; everything is answered
    /// within at most 10 working days, the usual time limit for handling a citizen's
    /// petition (phản ánh, kiến nghị). Centres tune these per category with a JSON file.
    public static let `default` = DeadlinePolicy(rules: [
        .anNinh: Rule(forwardMinutes: 30, answerWorkingDays: 2),
        .giaoThong: Rule(forwardMinutes: 60, answerWorkingDays: 3),
        .haTang: Rule(forwardMinutes: 60, answerWorkingDays: 5),
        .yTe: Rule(forwardMinutes: 60, answerWorkingDays: 5),
        .moiTruong: Rule(forwardMinutes: 120, answerWorkingDays: 7),
        .tratTuDoThi: Rule(forwardMinutes: 120, answerWorkingDays: 7),
        .hanhChinh: Rule(forwardMinutes: 240, answerWorkingDays: 10),
        .khac: Rule(forwardMinutes: 240, answerWorkingDays: 10),
    ])

    /// The rule for a category; categories missing from `rules` get the slowest default.
    public func rule(for category: TicketCategory) -> Rule {
        rules[category] ?? Rule(forwardMinutes: 240, answerWorkingDays: 10)
    }

    /// The forwarding and answer deadlines of a ticket received (or reopened) at `instant`.
    public func deadlines(for category: TicketCategory, receivedAt instant: Date) -> (forward: Date, answer: Date) {
        let rule = rule(for: category)
        return (instant.addingTimeInterval(TimeInterval(rule.forwardMinutes * 60)),
                calendar.deadline(workingDays: rule.answerWorkingDays, after: instant))
    }

    /// Reads `{"ha_tang": {"forward_minutes": 60, "answer_working_days": 5}, …}`; categories
    /// not in the file keep their defaults.
    public static func load(json data: Data, calendar: WorkingCalendar = .default) throws(TicketError) -> DeadlinePolicy {
        let decoded: [String: Rule]
        do {
            decoded = try JSONDecoder().decode([String: Rule].self, from: data)
        } catch {
            throw .invalidInput(field: "deadlines", message: "the deadlines file is not valid JSON of the form {\"category\": {\"forward_minutes\": N, \"answer_working_days\": N}}")
        }
        var policy = DeadlinePolicy.default
        policy.calendar = calendar
        for (key, rule) in decoded {
            guard let category = TicketCategory(rawValue: key) else { throw .unknownCategory(key) }
            guard rule.forwardMinutes > 0, rule.answerWorkingDays >= 0 else {
                throw .invalidInput(field: "deadlines", message: "\(key): forward_minutes must be positive and answer_working_days not negative")
            }
            policy.rules[category] = rule
        }
        return policy
    }
}
