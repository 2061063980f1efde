import Foundation
import Testing
@testable import Tickets

@Suite struct DeadlineTests {
    @Test func rendersISO8601WithTheCityOffset() {
        #expect(TicketTime.iso8601(Date(timeIntervalSince1970: 0)) == "1970-01-01T07:00:00+07:00")
        #expect(TicketTime.iso8601(Fixtures.monday) == "2026-11-23T09:00:00+07:00")
        // 20:30 UTC is already the next day in Ho Chi Minh City.
        #expect(TicketTime.iso8601(TicketTime.parse("2026-12-31T20:30:00Z")!) == "2027-01-01T03:30:00+07:00")
        #expect(TicketTime.vietnamese(Fixtures.monday) == "23/11/2026 09:00")
    }

    @Test func parsesDatesAndInstants() {
        #expect(TicketTime.parse("2026-11-23") == Fixtures.local(2026, 11, 23))
        #expect(TicketTime.parse("2026-11-23T09:00:00+07:00") == Fixtures.monday)
        #expect(TicketTime.parse("2026-11-23T02:00:00Z") == Fixtures.monday)
        #expect(TicketTime.parse("2026-02-30") == nil)
        #expect(TicketTime.parse("yesterday") == nil)
    }

    @Test func localDatesRoundTrip() {
        for days in stride(from: -800, through: 40_000, by: 37) {
            let date = LocalDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            #expect(LocalDate(date.description) == date)
        }
        #expect(LocalDate(year: 2026, month: 11, day: 27).isoWeekday == 5)
        #expect(LocalDate(year: 2024, month: 2, day: 29).adding(days: 366) == LocalDate(year: 2025, month: 3, day: 1))
    }

    @Test(arguments: [
        // Tết: 16–20/2/2026 are holidays, so ten working days from Friday 13/2 end on 6/3.
        (LocalDate(year: 2026, month: 2, day: 13), 10, LocalDate(year: 2026, month: 3, day: 6)),
        // 30/4 and 1/5, then the weekend.
        (LocalDate(year: 2026, month: 4, day: 29), 2, LocalDate(year: 2026, month: 5, day: 5)),
        // Giỗ Tổ falls on Sunday 26/4; Monday 27/4 is the day off in lieu.
        (LocalDate(year: 2026, month: 4, day: 24), 1, LocalDate(year: 2026, month: 4, day: 28)),
        // A Saturday receipt counts from Monday.
        (LocalDate(year: 2026, month: 11, day: 21), 5, LocalDate(year: 2026, month: 11, day: 27)),
        // Later years know their fixed-date holidays: 1/1/2027 is a Friday.
        (LocalDate(year: 2026, month: 12, day: 31), 1, LocalDate(year: 2027, month: 1, day: 4)),
        // 1/5/2027 is a Saturday: Monday 3/5 is the day off in lieu.
        (LocalDate(year: 2027, month: 4, day: 29), 1, LocalDate(year: 2027, month: 5, day: 4)),
        // Zero days: the same day when it is a working day, else the next one.
        (LocalDate(year: 2026, month: 9, day: 2), 0, LocalDate(year: 2026, month: 9, day: 3)),
    ])
    func countsWorkingDays(start: LocalDate, count: Int, expected: LocalDate) {
        #expect(WorkingCalendar.default.workingDay(count, after: start) == expected)
    }

    @Test func policyDeadlinesPerCategory() {
        let policy = DeadlinePolicy.default
        let haTang = policy.deadlines(for: .haTang, receivedAt: Fixtures.monday)
        #expect(TicketTime.iso8601(haTang.forward) == "2026-11-23T10:00:00+07:00")
        #expect(TicketTime.iso8601(haTang.answer) == "2026-11-30T17:00:00+07:00")
        let anNinh = policy.deadlines(for: .anNinh, receivedAt: Fixtures.local(2026, 4, 29, 22, 45))
        #expect(TicketTime.iso8601(anNinh.forward) == "2026-04-29T23:15:00+07:00")
        #expect(TicketTime.iso8601(anNinh.answer) == "2026-05-05T17:00:00+07:00")
    }

    @Test func holidaysAndRulesLoadFromJSON() throws {
        let calendar = try WorkingCalendar.load(json: Data("""
            {"holidays": [{"date": "2026-09-01", "name": "Quốc khánh (ngày liền kề)"}], "working_days": ["2026-09-05"]}
            """.utf8))
        #expect(!calendar.isWorkingDay(LocalDate(year: 2026, month: 9, day: 1)))
        #expect(calendar.isWorkingDay(LocalDate(year: 2026, month: 9, day: 2)))   // the file replaces the built-in list
        #expect(calendar.isWorkingDay(LocalDate(year: 2026, month: 9, day: 5)))   // a Saturday made a working day
        let policy = try DeadlinePolicy.load(json: Data(#"{"y_te": {"forward_minutes": 15, "answer_working_days": 1}}"#.utf8), calendar: calendar)
        #expect(policy.rule(for: .yTe) == DeadlinePolicy.Rule(forwardMinutes: 15, answerWorkingDays: 1))
        #expect(policy.rule(for: .haTang) == DeadlinePolicy.Rule(forwardMinutes: 60, answerWorkingDays: 5))
    }

    @Test func badConfigFilesAreClearErrors() {
        #expect(throws: TicketError.invalidInput(field: "holidays", message: "the holidays file is not valid: '2026-13-01' is not a YYYY-MM-DD date")) {
            try WorkingCalendar.load(json: Data(#"{"holidays": [{"date": "2026-13-01", "name": "x"}]}"#.utf8))
        }
        #expect(throws: TicketError.unknownCategory("water")) {
            try DeadlinePolicy.load(json: Data(#"{"water": {"forward_minutes": 15, "answer_working_days": 1}}"#.utf8))
        }
    }

    @Test func overdueIsDerivedFromDeadlines() {
        let policy = DeadlinePolicy.default
        let deadlines = policy.deadlines(for: .haTang, receivedAt: Fixtures.monday)
        var ticket = Ticket(id: 1, code: TicketCode(unchecked: "1022-AAAA-BBBB"), createdAt: Fixtures.monday, updatedAt: Fixtures.monday,
                            channel: .web, category: .haTang, description: "x", transcript: [], location: TicketLocation(),
                            citizen: Citizen(name: "A", phone: try! PhoneNumber("0912345678")), unitID: "so-xay-dung",
                            status: .received, statusNote: nil, forwardDeadline: deadlines.forward, answerDeadline: deadlines.answer, closedAt: nil)
        #expect(!ticket.isOverdue(at: Fixtures.local(2026, 11, 23, 10)))
        #expect(ticket.isOverdue(at: Fixtures.local(2026, 11, 23, 10, 1)))
        #expect(ticket.overdueBy(at: Fixtures.local(2026, 11, 23, 10, 1)) == 60)
        ticket.status = .forwarded
        #expect(!ticket.isOverdue(at: Fixtures.local(2026, 11, 30, 17)))
        #expect(ticket.isOverdue(at: Fixtures.local(2026, 11, 30, 17, 1)))
        ticket.status = .resolved
        #expect(!ticket.isOverdue(at: Fixtures.local(2026, 12, 30)))
    }
}

@Suite struct HolidayTests {
    @Test func fixedDateHolidaysWithDaysInLieu() {
        // 2027: 1/5 is a Saturday → Monday 3/5 off.
        #expect(WorkingCalendar.fixedHolidays(year: 2027).map { "\($0.date) \($0.name)" } == [
            "2027-01-01 Tết Dương lịch", "2027-04-30 Ngày Chiến thắng", "2027-05-01 Ngày Quốc tế Lao động",
            "2027-05-03 Nghỉ bù Ngày Quốc tế Lao động", "2027-09-02 Quốc khánh",
        ])
        // 2028: 1/1 and 2/9 are Saturdays; 30/4 is a Sunday and 1/5 a Monday, so its day in lieu moves to Tuesday 2/5.
        #expect(WorkingCalendar.fixedHolidays(year: 2028).filter { $0.name.hasPrefix("Nghỉ bù") }.map(\.date.description) == ["2028-01-03", "2028-05-02", "2028-09-04"])
    }

    @Test func the2026ListIsExact() {
        #expect(WorkingCalendar.holidays2026.map(\.date.description) == [
            "2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
            "2026-04-26", "2026-04-27", "2026-04-30", "2026-05-01", "2026-09-02",
        ])
        #expect(WorkingCalendar.holidays2026.allSatisfy { $0.name == $0.name.precomposedStringWithCanonicalMapping })
    }
}
