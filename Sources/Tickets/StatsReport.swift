import Foundation

/// Ticket counts per ward, category or unit over a period, for heat maps and bar charts.
///
/// Each row counts the tickets created in `[from, to)`: total, still open, resolved, overdue
/// at `asOf`, and the split by category (the heat-map cells when grouped by ward).
public struct StatsReport: Sendable, Hashable, Encodable {
    public enum Grouping: String, Sendable, CaseIterable {
        case ward, category, unit
    }

    public struct Row: Sendable, Hashable, Encodable {
        public var key: String
        public var name: String
        public var total = 0
        public var open = 0
        public var resolved = 0
        public var overdue = 0
        /// Counts per category raw value, every category present (zeros included).
        public var byCategory: [String: Int] = [:]

        enum CodingKeys: String, CodingKey {
            case key, name, total, open, resolved, overdue, byCategory = "by_category"
        }
    }

    public var by: String
    public var from: String?
    public var to: String?
    public var asOf: String
    public var rows: [Row]

    enum CodingKeys: String, CodingKey {
        case by, from, to, asOf = "as_of", rows
    }
}

extension TicketStore {
    /// Counts tickets created in `[from, to)` (open-ended when nil), grouped, largest first.
    public func statsReport(by grouping: StatsReport.Grouping, from: Date? = nil, to: Date? = nil, now: Date? = nil) throws(TicketError) -> StatsReport {
        let asOf = now ?? self.now
        let tickets = try allTickets(createdBefore: to ?? asOf.addingTimeInterval(1)).filter { ticket in
            from.map { ticket.createdAt >= $0 } ?? true
        }
        var rows: [String: StatsReport.Row] = [:]
        let zeros = Dictionary(uniqueKeysWithValues: TicketCategory.allCases.map { ($0.rawValue, 0) })
        for ticket in tickets {
            let key: String
            let name: String
            switch grouping {
            case .ward:
                key = ticket.location.ward ?? ""
                name = ticket.location.ward ?? "Không rõ phường/xã"
            case .category:
                key = ticket.category.rawValue
                name = ticket.category.displayName
            case .unit:
                key = ticket.unitID
                name = router.unit(id: ticket.unitID)?.name ?? ticket.unitID
            }
            var row = rows[key] ?? StatsReport.Row(key: key, name: name, byCategory: zeros)
            row.total += 1
            if ticket.status.isOpen { row.open += 1 }
            if ticket.status == .resolved { row.resolved += 1 }
            if ticket.isOverdue(at: asOf) { row.overdue += 1 }
            row.byCategory[ticket.category.rawValue, default: 0] += 1
            rows[key] = row
        }
        let sorted = rows.values.sorted { $0.total != $1.total ? $0.total > $1.total : $0.key < $1.key }
        return StatsReport(by: grouping.rawValue, from: from.map(TicketTime.iso8601), to: to.map(TicketTime.iso8601),
                           asOf: TicketTime.iso8601(asOf), rows: sorted)
    }
}

extension StatsReport {
    /// csv, json or html (an SVG bar chart of totals above the table); text and markdown give the csv.
    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .json: TicketJSON.encode(self)
        case .html: html()
        case .text, .markdown, .csv: csv()
        }
    }

    var groupName: String {
        switch by {
        case "ward": "Phường/xã"
        case "category": "Lĩnh vực"
        default: "Đơn vị"
        }
    }

    func csv() -> String {
        let categories = TicketCategory.allCases.map(\.rawValue)
        var lines = [(["key", "name", "total", "open", "resolved", "overdue"] + categories).joined(separator: ",")]
        for row in rows {
            let fields = [row.key, row.name, "\(row.total)", "\(row.open)", "\(row.resolved)", "\(row.overdue)"]
                + categories.map { "\(row.byCategory[$0] ?? 0)" }
            lines.append(fields.map(CSV.field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func html() -> String {
        let title = "Thống kê phản ánh theo \(groupName.lowercased())"
        let period = "Từ \(from.flatMap(TicketTime.parse).map { String(TicketTime.vietnamese($0).prefix(10)) } ?? "đầu") đến \(to.flatMap(TicketTime.parse).map { String(TicketTime.vietnamese($0.addingTimeInterval(-1)).prefix(10)) } ?? "nay"), số liệu tính đến \(TicketTime.vietnamese(TicketTime.parse(asOf)!))"
        var body = "<h1>\(ReportHTML.escape(title))</h1>\n<p class=\"meta\">\(ReportHTML.escape(period))</p>\n"
        if rows.isEmpty {
            body += "<p>Không có phiếu nào trong khoảng thời gian này.</p>\n"
        } else {
            body += "<h2>Số phiếu</h2>\n<div class=\"scroll\">" + ReportHTML.barChart(rows.prefix(30).map { ($0.name, $0.total) }, title: title) + "</div>\n"
            let categories = TicketCategory.allCases
            let header = [groupName, "Tổng", "Còn mở", "Đã giải quyết", "Quá hạn"] + (by == "category" ? [] : categories.map(\.displayName))
            let tableRows = rows.map { row in
                [row.name, "\(row.total)", "\(row.open)", "\(row.resolved)", "\(row.overdue)"]
                    + (by == "category" ? [] : categories.map { "\(row.byCategory[$0.rawValue] ?? 0)" })
            }
            body += "<h2>Chi tiết</h2>\n" + ReportHTML.table(header: header, rows: tableRows) + "\n"
        }
        body += "<footer>Trung tâm 1022 TP. Hồ Chí Minh — không chứa thông tin cá nhân</footer>"
        return ReportHTML.page(title: title, body: body)
    }
}
