import Foundation

/// An ISO 8601 week in Ho Chi Minh City time: `2026-W48` is Monday 23 to Sunday 29 November 2026.
///
///     let week = ISOWeek("2026-W48")!
///     TicketTime.iso8601(week.start)   // "2026-11-23T00:00:00+07:00"
///     ISOWeek(containing: week.start).description   // "2026-W48"
public struct ISOWeek: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let week: Int

    /// Parses `2026-W48` (also `2026W48`, lowercase `w`); nil for a week the year does not have.
    public init?(_ text: String) {
        let upper = text.uppercased().replacingOccurrences(of: "-W", with: "W")
        let parts = upper.split(separator: "W", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
              let year = Int(parts[0]), let week = Int(parts[1]),
              week >= 1, week <= ISOWeek.weeks(in: year)
        else { return nil }
        self.year = year
        self.week = week
    }

    /// The week an instant falls in, in +07:00 local time.
    public init(containing instant: Date) {
        self.init(containing: TicketTime.localDate(instant))
    }

    public init(containing date: LocalDate) {
        // The week belongs to the year of its Thursday.
        let thursday = date.adding(days: 4 - date.isoWeekday)
        year = thursday.year
        week = (thursday.daysSinceEpoch - LocalDate(year: thursday.year, month: 1, day: 1).daysSinceEpoch) / 7 + 1
    }

    /// The Monday of the week.
    public var monday: LocalDate {
        let january4 = LocalDate(year: year, month: 1, day: 4)
        return january4.adding(days: 1 - january4.isoWeekday + (week - 1) * 7)
    }

    /// Monday 00:00 +07:00.
    public var start: Date { TicketTime.instant(monday) }

    /// The next Monday 00:00 +07:00 (exclusive end).
    public var end: Date { TicketTime.instant(monday.adding(days: 7)) }

    public var previous: ISOWeek { ISOWeek(containing: monday.adding(days: -7)) }

    /// 52 or 53: a year has 53 weeks when 1 January or (in leap years) 31 December is a Thursday.
    static func weeks(in year: Int) -> Int {
        ISOWeek(containing: LocalDate(year: year, month: 12, day: 28)).week
    }

    public var description: String { String(format: "%04d-W%02d", year, week) }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.year, lhs.week) < (rhs.year, rhs.week) }
}
