import Foundation

/// Which days Ho Chi Minh City's offices work: Monday to Friday, minus public holidays.
///
/// Answer deadlines count working days, so a petition filed on Friday evening before Tết
/// is not overdue when the offices reopen. The holiday list is data: the built-in one covers
/// 2026, and `load(json:)` reads a file with later years (or corrections) without a rebuild.
///
///     let calendar = WorkingCalendar.default
///     calendar.isWorkingDay(LocalDate(year: 2026, month: 4, day: 30))   // false
public struct WorkingCalendar: Sendable, Hashable {
    /// A public holiday or compensatory day off (a weekday offices are closed).
    public struct Holiday: Sendable, Hashable, Codable {
        public var date: LocalDate
        public var name: String

        public init(date: LocalDate, name: String) {
            self.date = date
            self.name = name
        }
    }

    public private(set) var holidays: [LocalDate: String]
    /// Weekend days declared working days (làm bù), which count despite being Saturdays.
    public private(set) var extraWorkingDays: Set<LocalDate>
    /// The local hour a working day's deadline falls at (end of office hours).
    public var closingHour: Int

    public init(holidays: [Holiday] = [], extraWorkingDays: [LocalDate] = [], closingHour: Int = 17) {
        self.holidays = Dictionary(holidays.map { ($0.date, $0.name) }, uniquingKeysWith: { first, _ in first })
        self.extraWorkingDays = Set(extraWorkingDays)
        self.closingHour = closingHour
    }

    /// The 2026 days off this module is sure of (Bộ luật Lao động 2019, Điều 112).
    ///
    /// - Tết Dương lịch: Thu 1/1.
    /// - Tết Nguyên đán Bính Ngọ: mùng 1 is Tue 17/2/2026 (the new moon of 17/2 opens lunar
    ///   month 1). The official break runs Sat 14/2 – Sun 22/2; its weekdays are Mon 16/2
    ///   (29 tháng Chạp — the last day of the lunar year, as tháng Chạp Ất Tỵ has 29 days) to
    ///   Fri 20/2 (mùng 4), five weekdays as the Labour Code's five Tết days.
    /// - Giỗ Tổ Hùng Vương, 10/3 âm lịch: lunar month 3 starts with the new moon of 17/4,
    ///   so 10/3 is Sun 26/4; a holiday on a weekly rest day is compensated on the next
    ///   working day (Điều 112 khoản 3), Mon 27/4.
    /// - Ngày Chiến thắng Thu 30/4 and Quốc tế Lao động Fri 1/5.
    /// - Quốc khánh Wed 2/9. The second National Day holiday is "a day adjacent before or
    ///   after" (1/9 or 3/9), chosen each year by the Prime Minister; it is not listed here.
    ///   Add it (and any later year) in the holidays JSON file once announced.
    public static let holidays2026: [Holiday] = [
        Holiday(date: LocalDate(year: 2026, month: 1, day: 1), name: "Tết Dương lịch"),
        Holiday(date: LocalDate(year: 2026, month: 2, day: 16), name: "Tết Nguyên đán (29 tháng Chạp)"),
        Holiday(date: LocalDate(year: 2026, month: 2, day: 17), name: "Tết Nguyên đán (mùng 1)"),
        Holiday(date: LocalDate(year: 2026, month: 2, day: 18), name: "Tết Nguyên đán (mùng 2)"),
        Holiday(date: LocalDate(year: 2026, month: 2, day: 19), name: "Tết Nguyên đán (mùng 3)"),
        Holiday(date: LocalDate(year: 2026, month: 2, day: 20), name: "Tết Nguyên đán (mùng 4)"),
        Holiday(date: LocalDate(year: 2026, month: 4, day: 26), name: "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
        Holiday(date: LocalDate(year: 2026, month: 4, day: 27), name: "Nghỉ bù Giỗ Tổ Hùng Vương"),
        Holiday(date: LocalDate(year: 2026, month: 4, day: 30), name: "Ngày Chiến thắng"),
        Holiday(date: LocalDate(year: 2026, month: 5, day: 1), name: "Ngày Quốc tế Lao động"),
        Holiday(date: LocalDate(year: 2026, month: 9, day: 2), name: "Quốc khánh"),
    ]

    /// The fixed-date holidays of a year (1/1, 30/4, 1/5, 2/9), each one falling on a weekend
    /// followed by its day off in lieu on the next free working day. Tết and Giỗ Tổ follow
    /// the lunar calendar and the second National Day holiday is set yearly, so they are not
    /// here: add them through the holidays file.
    public static func fixedHolidays(year: Int) -> [Holiday] {
        let fixed = [(1, 1, "Tết Dương lịch"), (4, 30, "Ngày Chiến thắng"), (5, 1, "Ngày Quốc tế Lao động"), (9, 2, "Quốc khánh")]
        var result = fixed.map { Holiday(date: LocalDate(year: year, month: $0.0, day: $0.1), name: $0.2) }
        var taken = Set(result.map(\.date))
        for holiday in result where holiday.date.isoWeekday >= 6 {
            var day = holiday.date.adding(days: 1)
            while day.isoWeekday >= 6 || taken.contains(day) { day = day.adding(days: 1) }
            taken.insert(day)
            result.append(Holiday(date: day, name: "Nghỉ bù \(holiday.name)"))
        }
        return result.sorted { $0.date < $1.date }
    }

    /// Weekends, `holidays2026`, and the fixed-date holidays of 2027–2035; deadlines at 17:00.
    public static let `default` = WorkingCalendar(holidays: holidays2026 + (2027...2035).flatMap { fixedHolidays(year: $0) })

    public func isWorkingDay(_ date: LocalDate) -> Bool {
        if extraWorkingDays.contains(date) { return true }
        return date.isoWeekday <= 5 && holidays[date] == nil
    }

    /// The `count`-th working day strictly after `date` (or `date` itself when `count` is 0
    /// and it is a working day).
    public func workingDay(_ count: Int, after date: LocalDate) -> LocalDate {
        var day = date
        if count <= 0 {
            while !isWorkingDay(day) { day = day.adding(days: 1) }
            return day
        }
        var remaining = count
        while remaining > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }

    /// The deadline `count` working days after an instant: closing time of the `count`-th
    /// working day after the day it was received. Counting starts the next day, as
    /// administrative deadlines do, so the hour of receipt does not matter.
    public func deadline(workingDays count: Int, after instant: Date) -> Date {
        TicketTime.instant(workingDay(count, after: TicketTime.localDate(instant)), hour: closingHour)
    }

    /// Working days from the day after `start` through `end` (inclusive), for reports.
    public func workingDays(from start: LocalDate, through end: LocalDate) -> Int {
        guard start < end else { return 0 }
        var count = 0
        var day = start.adding(days: 1)
        while day <= end {
            if isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }

    /// The shape of a holidays file: `{"holidays": [{"date": "2026-09-01", "name": "…"}],
    /// "working_days": ["2026-…"]}`; `working_days` is optional.
    struct File: Codable {
        var holidays: [Holiday]
        var working_days: [LocalDate]?
    }

    /// Reads a holidays JSON file; its list replaces the built-in one.
    /// - Throws: `TicketError.invalidInput` naming what is wrong.
    public static func load(json data: Data, closingHour: Int = 17) throws(TicketError) -> WorkingCalendar {
        do {
            let file = try JSONDecoder().decode(File.self, from: data)
            return WorkingCalendar(holidays: file.holidays, extraWorkingDays: file.working_days ?? [], closingHour: closingHour)
        } catch {
            throw .invalidInput(field: "holidays", message: "the holidays file is not valid: \(Self.explain(error))")
        }
    }

    private static func explain(_ error: any Error) -> String {
        switch error {
        case let DecodingError.dataCorrupted(context): context.debugDescription
        case let DecodingError.keyNotFound(key, _): "missing key '\(key.stringValue)'"
        case let DecodingError.typeMismatch(_, context): "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "malformed JSON"
        }
    }
}
