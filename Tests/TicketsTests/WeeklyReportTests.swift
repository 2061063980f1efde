import Foundation
import Testing
@testable import Tickets

/// A week of tickets with known outcomes, and the digest that must come out of it.
@Suite struct WeeklyReportTests {
    /// Friday 27/11/2026 15:00, when the digest is due.
    static let friday = Fixtures.local(2026, 11, 27, 15)

    /// Builds the scenario; codes are E, A, B, C, D, F, G in creation order.
    static func scenario() throws -> (TicketStore, ManualClock) {
        let clock = ManualClock(Fixtures.local(2026, 11, 16, 9))
        let letters = Locked(Array("EGABCDF").map { "1022-AAAA-AAA\($0)" })
        var options = TicketStore.Options()
        options.codeGenerator = { TicketCode(unchecked: letters.withLock { $0.removeFirst() }) }
        let store = try Fixtures.store(clock: clock, options: options)
        let cli = TicketActor.system("cli")
        func at(_ day: Int, _ hour: Int, _ minute: Int = 0) { clock.set(Fixtures.local(2026, 11, day, hour, minute)) }
        func code(_ letter: String) -> TicketCode { TicketCode(unchecked: "1022-AAAA-AAA\(letter)") }

        // E: last week, never forwarded (forwarding deadline 16/11 13:00).
        _ = try store.create(Fixtures.newTicket(category: "hanh_chinh"), by: .citizen)
        // G: an_ninh in Sài Gòn, answer due Wed 25/11 17:00, resolved late on Thursday.
        at(23, 8); _ = try store.create(Fixtures.newTicket(category: "an_ninh", ward: "Phường Sài Gòn"), by: .citizen)
        // A: ha_tang in Tân Định, resolved after 24 h.
        at(23, 9); _ = try store.create(Fixtures.newTicket(category: "ha_tang"), by: .citizen)
        at(23, 9, 30); try store.assign(code("A"), to: "phuong-tan-dinh", by: cli)
        // B: y_te → Sở Y tế, resolved after 84 h.
        at(23, 10); _ = try store.create(Fixtures.newTicket(category: "y_te"), by: .citizen)
        at(23, 10, 30); try store.assign(code("B"), to: "so-y-te", by: cli)
        // C: an_ninh in Tân Định, forwarded, answer due Wed 25/11 17:00, still open.
        at(23, 11); _ = try store.create(Fixtures.newTicket(category: "an_ninh"), by: .citizen)
        at(23, 11, 10); try store.assign(code("C"), to: "phuong-tan-dinh", by: cli)
        at(23, 12); try store.assign(code("G"), to: "phuong-sai-gon", by: cli)
        // D: unknown ward → desk, rejected an hour later.
        at(24, 8); _ = try store.create(Fixtures.newTicket(category: "khac", ward: "Phường Không Có"), by: .citizen)
        at(24, 9); try store.transition(code("D"), to: .rejected, note: "Trùng phản ánh", by: cli)
        try store.transition(code("A"), to: .resolved, note: "Đã vá", by: cli)
        // F: ha_tang in Sài Gòn, resolved after 48 h.
        at(25, 9); _ = try store.create(Fixtures.newTicket(category: "ha_tang", ward: "Phường Sài Gòn"), by: .citizen)
        at(26, 8); try store.transition(code("G"), to: .resolved, note: "Đã xử lý", by: cli)
        at(26, 22); try store.transition(code("B"), to: .resolved, note: "Đã kiểm tra", by: cli)
        at(27, 9); try store.assign(code("F"), to: "phuong-sai-gon", by: cli)
        try store.transition(code("F"), to: .resolved, note: "Đã sửa", by: cli)
        clock.set(friday)
        return (store, clock)
    }

    @Test func isoWeeks() {
        let week = ISOWeek("2026-W48")!
        #expect(week.monday == LocalDate(year: 2026, month: 11, day: 23))
        #expect(TicketTime.iso8601(week.start) == "2026-11-23T00:00:00+07:00")
        #expect(TicketTime.iso8601(week.end) == "2026-11-30T00:00:00+07:00")
        #expect(ISOWeek(containing: Fixtures.local(2026, 11, 29, 23, 59)) == week)
        #expect(ISOWeek(containing: Fixtures.local(2026, 11, 30)).description == "2026-W49")
        #expect(ISOWeek(containing: LocalDate(year: 2027, month: 1, day: 1)).description == "2026-W53")   // 2026 has 53 weeks
        #expect(ISOWeek(containing: LocalDate(year: 2025, month: 12, day: 29)).description == "2026-W01")
        #expect(ISOWeek("2026-W53") != nil)
        #expect(ISOWeek("2025-W53") == nil)
        #expect(ISOWeek("2026w48") == week)
        #expect(ISOWeek("2026-48") == nil)
        #expect(ISOWeek("2026-W00") == nil)
        #expect(week.previous.description == "2026-W47")
    }

    @Test func digestFigures() throws {
        let (store, _) = try Self.scenario()
        let report = try store.weeklyReport(week: ISOWeek("2026-W48")!)
        #expect(report.asOf == "2026-11-27T15:00:00+07:00")
        #expect(report.city == WeeklyReport.Figures(unitID: nil, unitName: "Toàn thành phố", received: 6, resolved: 4, rejected: 1,
                                                    open: 2, overdue: 2, medianHours: 60, p90Hours: 84, onTimeRate: 0.75))
        #expect(report.units == [
            WeeklyReport.Figures(unitID: "phuong-tan-dinh", unitName: "UBND phường Tân Định", received: 2, resolved: 1, rejected: 0,
                                 open: 2, overdue: 2, medianHours: 24, p90Hours: 24, onTimeRate: 1),
            WeeklyReport.Figures(unitID: "phuong-sai-gon", unitName: "UBND phường Sài Gòn", received: 2, resolved: 2, rejected: 0,
                                 open: 0, overdue: 0, medianHours: 60, p90Hours: 72, onTimeRate: 0.5),
            WeeklyReport.Figures(unitID: "so-y-te", unitName: "Sở Y tế TP. Hồ Chí Minh", received: 1, resolved: 1, rejected: 0,
                                 open: 0, overdue: 0, medianHours: 84, p90Hours: 84, onTimeRate: 1),
            WeeklyReport.Figures(unitID: "trung-tam-1022", unitName: "Trung tâm 1022 TP. Hồ Chí Minh", received: 1, resolved: 0, rejected: 1,
                                 open: 0, overdue: 0, medianHours: nil, p90Hours: nil, onTimeRate: nil),
        ])
        #expect(report.mostOverdue == [
            WeeklyReport.OverdueTicket(code: "1022-AAAA-AAAE", unitID: "phuong-tan-dinh", unitName: "UBND phường Tân Định",
                                       category: "Hành chính", ward: "Phường Tân Định", status: "Đã tiếp nhận",
                                       deadline: "2026-11-16T13:00:00+07:00", overdueDays: 11.1),
            WeeklyReport.OverdueTicket(code: "1022-AAAA-AAAC", unitID: "phuong-tan-dinh", unitName: "UBND phường Tân Định",
                                       category: "An ninh trật tự", ward: "Phường Tân Định", status: "Đã chuyển đơn vị xử lý",
                                       deadline: "2026-11-25T17:00:00+07:00", overdueDays: 1.9),
        ])
    }

    @Test func aPastWeekIsSeenAsItStoodAtItsEnd() throws {
        let (store, clock) = try Self.scenario()
        clock.set(Fixtures.local(2026, 12, 10, 9))
        let previous = try store.weeklyReport(week: ISOWeek("2026-W47")!)
        #expect(previous.asOf == "2026-11-23T00:00:00+07:00")
        #expect(previous.city.received == 1)
        #expect(previous.city.open == 1)
        #expect(previous.city.overdue == 1)
        #expect(previous.mostOverdue.map(\.overdueDays) == [6.5])
    }

    @Test func textDigest() throws {
        let (store, _) = try Self.scenario()
        let text = try store.weeklyReport(week: ISOWeek("2026-W48")!, topOverdue: 1).render(.text)
        #expect(text == """
            Báo cáo tuần 2026-W48 — Trung tâm 1022 TP. Hồ Chí Minh
            Từ 23/11/2026 đến 29/11/2026, số liệu tính đến 27/11/2026 15:00

            TOÀN THÀNH PHỐ
              Tiếp nhận: 6
              Đã giải quyết: 4
              Đang xử lý: 2
              Quá hạn: 2
              Từ chối: 1
              Thời gian xử lý: trung vị 60 giờ, P90 84 giờ
              Tỷ lệ đúng hạn: 75%

            THEO ĐƠN VỊ
              UBND phường Tân Định: tiếp nhận 2, giải quyết 1, đang xử lý 2, quá hạn 2, từ chối 0, đúng hạn 100%
              UBND phường Sài Gòn: tiếp nhận 2, giải quyết 2, đang xử lý 0, quá hạn 0, từ chối 0, đúng hạn 50%
              Sở Y tế TP. Hồ Chí Minh: tiếp nhận 1, giải quyết 1, đang xử lý 0, quá hạn 0, từ chối 0, đúng hạn 100%
              Trung tâm 1022 TP. Hồ Chí Minh: tiếp nhận 1, giải quyết 0, đang xử lý 0, quá hạn 0, từ chối 1, đúng hạn –

            PHIẾU QUÁ HẠN LÂU NHẤT
              1. 1022-AAAA-AAAE — UBND phường Tân Định — Hành chính, Phường Tân Định — quá hạn 11,1 ngày (Đã tiếp nhận)

            """)
    }

    @Test func markdownJSONAndHTMLDigests() throws {
        let (store, _) = try Self.scenario()
        let report = try store.weeklyReport(week: ISOWeek("2026-W48")!)
        let markdown = report.render(.markdown)
        #expect(markdown.contains("| UBND phường Sài Gòn | 2 | 2 | 0 | 0 | 0 | 60 giờ | 72 giờ | 50% |\n"))
        #expect(markdown.hasPrefix("# Báo cáo tuần 2026-W48 — Trung tâm 1022 TP. Hồ Chí Minh\n\n_Từ 23/11/2026 đến 29/11/2026"))

        let json = try JSONSerialization.jsonObject(with: Data(report.render(.json).utf8)) as! [String: Any]
        #expect(json["week"] as? String == "2026-W48")
        let city = json["city"] as! [String: Any]
        #expect(city["on_time_rate"] as? Double == 0.75)
        #expect(city["median_hours"] as? Double == 60)
        #expect((json["most_overdue"] as! [[String: Any]]).map { $0["code"] as! String } == ["1022-AAAA-AAAE", "1022-AAAA-AAAC"])

        let html = report.render(.html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("<div class=\"card warn\"><b>2</b><span>Quá hạn</span></div>"))
        #expect(html.contains("<td>1022-AAAA-AAAE</td><td>UBND phường Tân Định</td><td>Hành chính</td><td>Phường Tân Định</td><td>11,1 ngày</td>"))
        #expect(!html.contains("http://") && !html.contains("https://"))   // self-contained: no external resources
        #expect(!html.contains("0912345678") && !html.contains("Nguyễn Văn An"))
        #expect(html == html.precomposedStringWithCanonicalMapping)
    }

    @Test func percentilesAndMedians() {
        #expect(WeeklyReport.median([]) == nil)
        #expect(WeeklyReport.median([3]) == 3)
        #expect(WeeklyReport.median([1, 2, 10, 20]) == 6)
        #expect(WeeklyReport.nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) == 9)
        #expect(WeeklyReport.nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9) == 10)
        #expect(VietnameseNumber.decimal(26.54) == "26,5")
        #expect(VietnameseNumber.percent(0.925) == "92,5%")
        #expect(VietnameseNumber.percent(nil) == "–")
    }

    @Test func statsPerWardCategoryAndUnit() throws {
        let (store, _) = try Self.scenario()
        let byWard = try store.statsReport(by: .ward)
        #expect(byWard.rows.map { "\($0.name):\($0.total)/\($0.open)/\($0.resolved)/\($0.overdue)" }
            == ["Phường Tân Định:4/2/2/2", "Phường Sài Gòn:2/0/2/0", "Phường Không Có:1/0/0/0"])
        #expect(byWard.render(.csv) == """
            key,name,total,open,resolved,overdue,ha_tang,giao_thong,trat_tu_do_thi,moi_truong,y_te,hanh_chinh,an_ninh,khac
            Phường Tân Định,Phường Tân Định,4,2,2,2,1,0,0,0,1,1,1,0
            Phường Sài Gòn,Phường Sài Gòn,2,0,2,0,1,0,0,0,0,0,1,0
            Phường Không Có,Phường Không Có,1,0,0,0,0,0,0,0,0,0,0,1

            """)
        let byCategory = try store.statsReport(by: .category, from: Fixtures.local(2026, 11, 23))
        #expect(byCategory.rows.map { "\($0.key):\($0.total)" } == ["an_ninh:2", "ha_tang:2", "khac:1", "y_te:1"])
        let byUnit = try store.statsReport(by: .unit)
        #expect(byUnit.rows.map { "\($0.key):\($0.total)" } == ["phuong-tan-dinh:3", "phuong-sai-gon:2", "so-y-te:1", "trung-tam-1022:1"])
        let html = byWard.render(.html)
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 380 74\""))
        #expect(html.contains("<rect x=\"150\" y=\"7\" width=\"190\" height=\"16\" rx=\"2\" fill=\"#c8102e\"/><text x=\"344\" y=\"19\" font-size=\"12\" fill=\"#333\">4</text>"))
        #expect(html.contains("<rect x=\"150\" y=\"29\" width=\"95\""))
        let json = try JSONSerialization.jsonObject(with: Data(byWard.render(.json).utf8)) as! [String: Any]
        #expect(((json["rows"] as! [[String: Any]])[0]["by_category"] as! [String: Int])["an_ninh"] == 1)
    }

    @Test func publicReportHasNoPersonalData() throws {
        let (store, _) = try Self.scenario()
        let report = try store.publicReport(from: Fixtures.local(2026, 11, 1), to: Fixtures.local(2026, 12, 1))
        #expect(report.total == PublicReport.Row(unitID: "", unitName: "Toàn thành phố", received: 7, resolved: 4, resolvedOnTime: 3, onTimeRate: 0.75))
        #expect(report.rows.map { "\($0.unitID):\($0.received)/\($0.resolved)/\($0.onTimeRate.map { "\($0)" } ?? "-")" }
            == ["phuong-tan-dinh:3/1/1.0", "phuong-sai-gon:2/2/0.5", "so-y-te:1/1/1.0", "trung-tam-1022:1/0/-"])
        for format in ReportFormat.allCases {
            let text = report.render(format)
            #expect(!text.contains("0912") && !text.contains("Nguyễn") && !text.contains("1022-AAAA") && !text.contains("Hai Bà Trưng"))
        }
        #expect(report.render(.text).hasPrefix("Kết quả giải quyết phản ánh, kiến nghị — từ 01/11/2026 đến 30/11/2026\n"))
    }
}
