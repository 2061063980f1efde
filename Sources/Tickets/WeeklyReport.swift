import Foundation

/// The Friday digest: how many petitions came in during a week, how they were handled, and
/// which are overdue — per unit and for the whole city.
///
/// Figures, for the week `[start, end)` seen at `asOf` (the end of the week, or now for the
/// current week):
/// - `received`: tickets created in the week;
/// - `resolved` / `rejected`: tickets that reached that status in the week;
/// - `open`: tickets still open at `asOf` (whenever created), `overdue` among them;
/// - handling time: creation to resolution of the week's resolved tickets, median and p90
///   (nearest rank), in hours;
/// - on-time rate: share of the week's resolved tickets resolved by their answer deadline.
/// Tickets are counted for the unit holding them now.
public struct WeeklyReport: Sendable, Hashable, Encodable {
    public struct Figures: Sendable, Hashable, Encodable {
        public var unitID: String?
        public var unitName: String
        public var received = 0
        public var resolved = 0
        public var rejected = 0
        public var open = 0
        public var overdue = 0
        public var medianHours: Double?
        public var p90Hours: Double?
        public var onTimeRate: Double?

        enum CodingKeys: String, CodingKey {
            case unitID = "unit_id", unitName = "unit_name", received, resolved, rejected, open, overdue
            case medianHours = "median_hours", p90Hours = "p90_hours", onTimeRate = "on_time_rate"
        }
    }

    /// One of the most overdue tickets: enough to act on, no personal data.
    public struct OverdueTicket: Sendable, Hashable, Encodable {
        public var code: String
        public var unitID: String
        public var unitName: String
        public var category: String
        public var ward: String?
        public var status: String
        public var deadline: String
        public var overdueDays: Double

        enum CodingKeys: String, CodingKey {
            case code, unitID = "unit_id", unitName = "unit_name", category, ward, status, deadline, overdueDays = "overdue_days"
        }
    }

    public var week: String
    public var from: String
    public var to: String
    public var asOf: String
    public var city: Figures
    public var units: [Figures]
    public var mostOverdue: [OverdueTicket]

    enum CodingKeys: String, CodingKey {
        case week, from, to, asOf = "as_of", city, units, mostOverdue = "most_overdue"
    }
}

extension TicketStore {
    /// Builds the digest of `week` as it stood at `now` (or at the week's end, if earlier).
    public func weeklyReport(week: ISOWeek, now: Date? = nil, topOverdue: Int = 10) throws(TicketError) -> WeeklyReport {
        let asOf = min(now ?? self.now, week.end)
        let tickets = try allTickets(createdBefore: asOf)
        let events = try statusEvents(before: asOf)
        return WeeklyReport.compute(week: week, asOf: asOf, tickets: tickets, events: events, router: router, topOverdue: topOverdue)
    }
}

extension WeeklyReport {
    static func compute(week: ISOWeek, asOf: Date, tickets: [Ticket], events: [Int64: [(at: Date, status: TicketStatus)]],
                        router: TicketRouter, topOverdue: Int) -> WeeklyReport {
        struct Tally {
            var figures: Figures
            var hours: [Double] = []
            var onTime = 0
        }
        func name(_ unitID: String) -> String { router.unit(id: unitID)?.name ?? unitID }
        var city = Tally(figures: Figures(unitID: nil, unitName: "Toàn thành phố"))
        var perUnit: [String: Tally] = [:]
        var overdueTickets: [(ticket: Ticket, by: TimeInterval)] = []

        for ticket in tickets {
            let history = events[ticket.id] ?? [(ticket.createdAt, .received)]
            var tally = perUnit[ticket.unitID] ?? Tally(figures: Figures(unitID: ticket.unitID, unitName: name(ticket.unitID)))
            let untouched = tally.figures
            func add(_ update: (inout Tally) -> Void) {
                update(&tally)
                update(&city)
            }
            if ticket.createdAt >= week.start { add { $0.figures.received += 1 } }
            let inWeek = history.filter { $0.at >= week.start && $0.at < asOf }
            if let resolution = inWeek.last(where: { $0.status == .resolved }) {
                let hours = resolution.at.timeIntervalSince(ticket.createdAt) / 3600
                let onTime = resolution.at <= ticket.answerDeadline
                add {
                    $0.figures.resolved += 1
                    $0.hours.append(hours)
                    if onTime { $0.onTime += 1 }
                }
            }
            if inWeek.contains(where: { $0.status == .rejected }) { add { $0.figures.rejected += 1 } }
            // The status the ticket had at `asOf`, replayed from its history.
            var then = ticket
            then.status = history.last?.status ?? ticket.status
            if then.status.isOpen {
                add { $0.figures.open += 1 }
                if then.isOverdue(at: asOf) {
                    add { $0.figures.overdue += 1 }
                    overdueTickets.append((then, then.overdueBy(at: asOf)))
                }
            }
            // Every `add` changes a count, so unchanged figures mean the ticket played no part this week.
            if tally.figures != untouched { perUnit[ticket.unitID] = tally }
        }

        func finish(_ tally: Tally) -> Figures {
            var figures = tally.figures
            let sorted = tally.hours.sorted()
            figures.medianHours = Self.median(sorted).map(Self.round1)
            figures.p90Hours = Self.nearestRank(sorted, 0.9).map(Self.round1)
            figures.onTimeRate = figures.resolved > 0 ? Self.round3(Double(tally.onTime) / Double(figures.resolved)) : nil
            return figures
        }
        let units = perUnit.values.map(finish).sorted {
            ($0.overdue, $0.received, $0.open) != ($1.overdue, $1.received, $1.open)
                ? ($0.overdue, $0.received, $0.open) > ($1.overdue, $1.received, $1.open)
                : ($0.unitID ?? "") < ($1.unitID ?? "")
        }
        let top = overdueTickets.sorted { $0.by != $1.by ? $0.by > $1.by : $0.ticket.code < $1.ticket.code }.prefix(topOverdue).map { item in
            OverdueTicket(code: item.ticket.code.text, unitID: item.ticket.unitID, unitName: name(item.ticket.unitID),
                          category: item.ticket.category.displayName, ward: item.ticket.location.ward, status: item.ticket.status.displayName,
                          deadline: TicketTime.iso8601(item.ticket.status == .received ? item.ticket.forwardDeadline : item.ticket.answerDeadline),
                          overdueDays: round1(item.by / 86_400))
        }
        return WeeklyReport(week: week.description, from: TicketTime.iso8601(week.start), to: TicketTime.iso8601(week.end),
                            asOf: TicketTime.iso8601(asOf), city: finish(city), units: units, mostOverdue: Array(top))
    }

    /// The middle value, or the mean of the two middle values.
    static func median(_ sorted: [Double]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The smallest value with at least `fraction` of the values at or below it.
    static func nearestRank(_ sorted: [Double], _ fraction: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[max(0, min(sorted.count - 1, rank - 1))]
    }

    static func round1(_ value: Double) -> Double { (value * 10).rounded() / 10 }
    static func round3(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
