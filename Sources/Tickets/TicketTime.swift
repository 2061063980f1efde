import Foundation

/// Ho Chi Minh City wall-clock time: a fixed +07:00 offset, ISO 8601 text and local dates.
///
/// Asia/Ho_Chi_Minh has had no daylight saving time since 1975, so a fixed offset is exact
/// for every ticket this system will see, and it does not depend on the machine's tz database.
///
///     TicketTime.iso8601(Date(timeIntervalSince1970: 0))   // "1970-01-01T07:00:00+07:00"
public enum TicketTime {
    public static let offsetSeconds = 7 * 3600
    public static let zone = TimeZone(secondsFromGMT: offsetSeconds)!

    /// A Gregorian calendar in the +07:00 zone, weeks starting Monday (ISO 8601).
    public static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        calendar.firstWeekday = 2
        calendar.minimumDaysInFirstWeek = 4
        return calendar
    }

    /// `2026-11-27T15:00:00+07:00` (whole seconds).
    public static func iso8601(_ date: Date) -> String {
        let c = components(date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d+07:00", c.year, c.month, c.day, c.hour, c.minute, c.second)
    }

    /// `27/11/2026 15:00`, the way Vietnamese officials write times.
    public static func vietnamese(_ date: Date) -> String {
        let c = components(date)
        return String(format: "%02d/%02d/%04d %02d:%02d", c.day, c.month, c.year, c.hour, c.minute)
    }

    /// The local calendar date of an instant.
    public static func localDate(_ date: Date) -> LocalDate {
        let c = components(date)
        return LocalDate(year: c.year, month: c.month, day: c.day)
    }

    /// The instant of a local wall-clock time.
    public static func instant(_ date: LocalDate, hour: Int = 0, minute: Int = 0) -> Date {
        let days = date.daysSinceEpoch
        let seconds = days * 86_400 + hour * 3600 + minute * 60 - offsetSeconds
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Parses `2026-11-27T15:00:00+07:00`, `…Z`, or a plain `2026-11-27` (local midnight).
    public static func parse(_ text: String) -> Date? {
        if let date = LocalDate(text) { return instant(date) }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    private struct Parts { var year, month, day, hour, minute, second: Int }

    // Plain arithmetic on the shifted epoch: cheaper than Calendar and free of tz lookups.
    private static func components(_ date: Date) -> Parts {
        let shifted = Int(floor(date.timeIntervalSince1970)) + offsetSeconds
        let days = Int(floor(Double(shifted) / 86_400))
        let secondsOfDay = shifted - days * 86_400
        let local = LocalDate(daysSinceEpoch: days)
        return Parts(year: local.year, month: local.month, day: local.day,
                     hour: secondsOfDay / 3600, minute: secondsOfDay % 3600 / 60, second: secondsOfDay % 60)
    }
}

/// A calendar date in Ho Chi Minh City, without a time (holidays, report periods).
public struct LocalDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil when malformed or not a real date.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= LocalDate.daysIn(month: m, year: y)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (Hinnant's `civil_from_days`).
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (daysSinceEpoch + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    public func adding(days: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + days) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    /// Encoded as `"YYYY-MM-DD"`, the way config files and reports write dates.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LocalDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a YYYY-MM-DD date")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }
}
