import Foundation

/// What the city publishes about handling results: per unit, tickets received and resolved
/// in a period and the on-time rate. No codes, names, phones, addresses or descriptions.
public struct PublicReport: Sendable, Hashable, Encodable {
    public struct Row: Sendable, Hashable, Encodable {
        public var unitID: String
        public var unitName: String
        public var received: Int
        public var resolved: Int
        public var resolvedOnTime: Int
        public var onTimeRate: Double?

        enum CodingKeys: String, CodingKey {
            case unitID = "unit_id", unitName = "unit_name", received, resolved, resolvedOnTime = "resolved_on_time", onTimeRate = "on_time_rate"
        }
    }

    public var from: String
    public var to: String
    public var rows: [Row]
    public var total: Row
}

extension TicketStore {
    /// Per-unit results for `[from, to)`: received = created in the period; resolved = reached
    /// "resolved" in the period; on time = resolved by the answer deadline.
    public func publicReport(from: Date, to: Date) throws(TicketError) -> PublicReport {
        let tickets = try allTickets(createdBefore: to)
        let events = try statusEvents(before: to)
        var rows: [String: PublicReport.Row] = [:]
        var total = PublicReport.Row(unitID: "", unitName: "Toàn thành phố", received: 0, resolved: 0, resolvedOnTime: 0)
        for ticket in tickets {
            var row = rows[ticket.unitID] ?? PublicReport.Row(unitID: ticket.unitID, unitName: router.unit(id: ticket.unitID)?.name ?? ticket.unitID,
                                                               received: 0, resolved: 0, resolvedOnTime: 0)
            var touched = false
            if ticket.createdAt >= from {
                row.received += 1
                total.received += 1
                touched = true
            }
            if let resolution = (events[ticket.id] ?? []).last(where: { $0.status == .resolved && $0.at >= from }) {
                row.resolved += 1
                total.resolved += 1
                if resolution.at <= ticket.answerDeadline {
                    row.resolvedOnTime += 1
                    total.resolvedOnTime += 1
                }
                touched = true
            }
            if touched { rows[ticket.unitID] = row }
        }
        func rate(_ row: PublicReport.Row) -> PublicReport.Row {
            var row = row
            row.onTimeRate = row.resolved > 0 ? WeeklyReport.round3(Double(row.resolvedOnTime) / Double(row.resolved)) : nil
            return row
        }
        let sorted = rows.values.map(rate).sorted { $0.received != $1.received ? $0.received > $1.received : $0.unitID < $1.unitID }
        return PublicReport(from: TicketTime.iso8601(from), to: TicketTime.iso8601(to), rows: sorted, total: rate(total))
    }
}

extension PublicReport {
    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .json: return TicketJSON.encode(self)
        case .csv:
            let lines = ["unit_id,unit_name,received,resolved,resolved_on_time,on_time_rate"] + (rows + [total]).map { row in
                [row.unitID, row.unitName, "\(row.received)", "\(row.resolved)", "\(row.resolvedOnTime)", row.onTimeRate.map { "\($0)" } ?? ""]
                    .map(CSV.field).joined(separator: ",")
            }
            return lines.joined(separator: "\n") + "\n"
        case .text, .markdown:
            var lines = ["Kết quả giải quyết phản ánh, kiến nghị — \(period)", ""]
            for row in rows + [total] {
                lines.append("\(row.unitName): tiếp nhận \(row.received), đã giải quyết \(row.resolved), đúng hạn \(VietnameseNumber.percent(row.onTimeRate))")
            }
            return lines.joined(separator: "\n") + "\n"
        case .html:
            let title = "Kết quả giải quyết phản ánh, kiến nghị"
            var body = "<h1>\(ReportHTML.escape(title))</h1>\n<p class=\"meta\">\(ReportHTML.escape(period))</p>\n"
            body += ReportHTML.table(header: ["Đơn vị", "Tiếp nhận", "Đã giải quyết", "Tỷ lệ đúng hạn"], rows: (rows + [total]).map {
                [$0.unitName, "\($0.received)", "\($0.resolved)", VietnameseNumber.percent($0.onTimeRate)]
            }) + "\n<footer>Trung tâm 1022 TP. Hồ Chí Minh — số liệu công khai, không chứa thông tin cá nhân</footer>"
            return ReportHTML.page(title: title, body: body)
        }
    }

    var period: String {
        let start = TicketTime.parse(from)!
        let last = TicketTime.parse(to)!.addingTimeInterval(-1)
        return "từ \(TicketTime.vietnamese(start).prefix(10)) đến \(TicketTime.vietnamese(last).prefix(10))"
    }
}
