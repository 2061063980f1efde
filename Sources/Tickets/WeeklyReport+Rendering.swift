import Foundation

extension WeeklyReport {
    /// The digest in a format; `.csv` gives the per-unit table.
    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .text: text()
        case .markdown: markdown()
        case .json: TicketJSON.encode(self)
        case .html: html()
        case .csv: csv()
        }
    }

    var title: String { "Báo cáo tuần \(week) — Trung tâm 1022 TP. Hồ Chí Minh" }

    /// "Từ 23/11/2026 đến 29/11/2026, số liệu tính đến 27/11/2026 15:00".
    var period: String {
        let start = TicketTime.parse(from)!
        let last = TicketTime.parse(to)!.addingTimeInterval(-1)
        return "Từ \(TicketTime.vietnamese(start).prefix(10)) đến \(TicketTime.vietnamese(last).prefix(10)), số liệu tính đến \(TicketTime.vietnamese(TicketTime.parse(asOf)!))"
    }

    static let columns = ["Đơn vị", "Tiếp nhận", "Đã giải quyết", "Đang xử lý", "Quá hạn", "Từ chối", "Trung vị", "P90", "Đúng hạn"]

    func cells(_ figures: Figures) -> [String] {
        [figures.unitName, "\(figures.received)", "\(figures.resolved)", "\(figures.open)", "\(figures.overdue)", "\(figures.rejected)",
         VietnameseNumber.hours(figures.medianHours), VietnameseNumber.hours(figures.p90Hours), VietnameseNumber.percent(figures.onTimeRate)]
    }

    func summaryLines(_ figures: Figures) -> [String] {
        ["Tiếp nhận: \(figures.received)", "Đã giải quyết: \(figures.resolved)", "Đang xử lý: \(figures.open)",
         "Quá hạn: \(figures.overdue)", "Từ chối: \(figures.rejected)",
         "Thời gian xử lý: trung vị \(VietnameseNumber.hours(figures.medianHours)), P90 \(VietnameseNumber.hours(figures.p90Hours))",
         "Tỷ lệ đúng hạn: \(VietnameseNumber.percent(figures.onTimeRate))"]
    }

    func overdueLine(_ item: OverdueTicket) -> String {
        "\(item.code) — \(item.unitName) — \(item.category)\(item.ward.map { ", \($0)" } ?? "") — quá hạn \(VietnameseNumber.decimal(item.overdueDays)) ngày (\(item.status))"
    }

    func text() -> String {
        var lines = [title, period, "", "TOÀN THÀNH PHỐ"]
        lines += summaryLines(city).map { "  " + $0 }
        lines.append("")
        lines.append("THEO ĐƠN VỊ")
        if units.isEmpty { lines.append("  (không có phiếu nào)") }
        for unit in units {
            lines.append("  \(unit.unitName): tiếp nhận \(unit.received), giải quyết \(unit.resolved), đang xử lý \(unit.open), quá hạn \(unit.overdue), từ chối \(unit.rejected), đúng hạn \(VietnameseNumber.percent(unit.onTimeRate))")
        }
        lines.append("")
        lines.append("PHIẾU QUÁ HẠN LÂU NHẤT")
        if mostOverdue.isEmpty { lines.append("  (không có phiếu quá hạn)") }
        for (index, item) in mostOverdue.enumerated() { lines.append("  \(index + 1). " + overdueLine(item)) }
        return lines.joined(separator: "\n") + "\n"
    }

    func markdown() -> String {
        var lines = ["# \(title)", "", "_\(period)_", "", "## Toàn thành phố", ""]
        lines += summaryLines(city).map { "- " + $0 }
        lines += ["", "## Theo đơn vị", ""]
        if units.isEmpty {
            lines.append("Không có phiếu nào.")
        } else {
            lines.append("| " + Self.columns.joined(separator: " | ") + " |")
            lines.append("|" + Self.columns.enumerated().map { $0.offset == 0 ? "---" : "---:" }.joined(separator: "|") + "|")
            for unit in units { lines.append("| " + cells(unit).map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |") }
        }
        lines += ["", "## Phiếu quá hạn lâu nhất", ""]
        if mostOverdue.isEmpty { lines.append("Không có phiếu quá hạn.") }
        for (index, item) in mostOverdue.enumerated() { lines.append("\(index + 1). " + overdueLine(item)) }
        return lines.joined(separator: "\n") + "\n"
    }

    func html() -> String {
        func card(_ label: String, _ value: String, warn: Bool = false) -> String {
            "<div class=\"card\(warn ? " warn" : "")\"><b>\(ReportHTML.escape(value))</b><span>\(ReportHTML.escape(label))</span></div>"
        }
        var body = "<h1>\(ReportHTML.escape(title))</h1>\n<p class=\"meta\">\(ReportHTML.escape(period))</p>\n"
        body += "<h2>Toàn thành phố</h2>\n<div class=\"cards\">"
        body += card("Tiếp nhận", "\(city.received)") + card("Đã giải quyết", "\(city.resolved)") + card("Đang xử lý", "\(city.open)")
        body += card("Quá hạn", "\(city.overdue)", warn: city.overdue > 0) + card("Từ chối", "\(city.rejected)")
        body += card("Đúng hạn", VietnameseNumber.percent(city.onTimeRate))
        body += card("Trung vị xử lý", VietnameseNumber.hours(city.medianHours)) + card("P90 xử lý", VietnameseNumber.hours(city.p90Hours))
        body += "</div>\n<h2>Theo đơn vị</h2>\n"
        body += units.isEmpty ? "<p>Không có phiếu nào.</p>\n" : ReportHTML.table(header: Self.columns, rows: units.map(cells)) + "\n"
        body += "<h2>Phiếu quá hạn lâu nhất</h2>\n"
        if mostOverdue.isEmpty {
            body += "<p>Không có phiếu quá hạn.</p>\n"
        } else {
            body += ReportHTML.table(header: ["Mã phiếu", "Đơn vị", "Lĩnh vực", "Phường/xã", "Quá hạn"], rows: mostOverdue.map {
                [$0.code, $0.unitName, $0.category, $0.ward ?? "–", "\(VietnameseNumber.decimal($0.overdueDays)) ngày"]
            }) + "\n"
        }
        body += "<footer>Trung tâm 1022 TP. Hồ Chí Minh — báo cáo tự động của hoidap</footer>"
        return ReportHTML.page(title: title, body: body)
    }

    func csv() -> String {
        var lines = ["unit_id,unit_name,received,resolved,open,overdue,rejected,median_hours,p90_hours,on_time_rate"]
        for figures in [city] + units {
            let fields: [String] = [figures.unitID ?? "", figures.unitName, "\(figures.received)", "\(figures.resolved)", "\(figures.open)",
                                    "\(figures.overdue)", "\(figures.rejected)", figures.medianHours.map { "\($0)" } ?? "",
                                    figures.p90Hours.map { "\($0)" } ?? "", figures.onTimeRate.map { "\($0)" } ?? ""]
            lines.append(fields.map(CSV.field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// RFC 4180 fields: quoted when they hold a comma, quote or line break.
enum CSV {
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
