import Foundation
import Tickets

/// Plain-text renderings of tickets for the terminal.
enum TicketTable {
    /// One line per ticket, columns padded to the widest cell (NFC text: one character, one column).
    static func render(_ tickets: [Ticket], at instant: Date) -> String {
        guard !tickets.isEmpty else { return "(không có phiếu nào)" }
        let header = ["MÃ PHIẾU", "TRẠNG THÁI", "ĐƠN VỊ", "LĨNH VỰC", "PHƯỜNG/XÃ", "TIẾP NHẬN", "HẠN TRẢ LỜI", "QUÁ HẠN"]
        let rows = tickets.map { ticket in
            [ticket.code.text, ticket.status.displayName, ticket.unitID, ticket.category.rawValue, ticket.location.ward ?? "-",
             TicketTime.vietnamese(ticket.createdAt), TicketTime.vietnamese(ticket.answerDeadline),
             ticket.isOverdue(at: instant) ? "quá hạn" : ""]
        }
        return table([header] + rows)
    }

    static func table(_ rows: [[String]]) -> String {
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row, widths).map { cell, width in cell + String(repeating: " ", count: width - cell.count) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    static func detail(_ ticket: Ticket, unitName: String?, history: [TicketHistoryEntry], directives: [Directive], at instant: Date) -> String {
        var lines = [
            "Phiếu \(ticket.code)  —  \(ticket.status.displayName)\(ticket.isOverdue(at: instant) ? "  (QUÁ HẠN)" : "")",
            "Lĩnh vực:     \(ticket.category.displayName) (\(ticket.category.rawValue)), kênh \(ticket.channel.rawValue)",
            "Đơn vị:       \(unitName ?? ticket.unitID) (\(ticket.unitID))",
            "Tiếp nhận:    \(TicketTime.iso8601(ticket.createdAt))",
            "Cập nhật:     \(TicketTime.iso8601(ticket.updatedAt))",
            "Hạn chuyển:   \(TicketTime.iso8601(ticket.forwardDeadline))",
            "Hạn trả lời:  \(TicketTime.iso8601(ticket.answerDeadline))",
            "Người phản ánh: \(ticket.citizen.name), \(ticket.citizen.phone.formatted)\(ticket.citizen.email.map { ", \($0)" } ?? "")",
        ]
        let place = [ticket.location.address, ticket.location.ward].compactMap { $0 }.joined(separator: ", ")
        if !place.isEmpty { lines.append("Địa điểm:     \(place)") }
        if let lat = ticket.location.latitude, let long = ticket.location.longitude { lines.append("Tọa độ:       \(lat), \(long)") }
        if let note = ticket.statusNote { lines.append("Ghi chú:      \(note)") }
        lines.append("Nội dung:")
        lines.append(contentsOf: ticket.description.split(separator: "\n", omittingEmptySubsequences: false).map { "  \($0)" })
        if !ticket.transcript.isEmpty {
            lines.append("Hội thoại:")
            for line in ticket.transcript { lines.append("  \(line.speaker == .citizen ? "Người dân" : "Trợ lý"): \(line.text)") }
        }
        if !directives.isEmpty {
            lines.append("Chỉ đạo:")
            for directive in directives {
                let acks = directive.acknowledgements.map(\.unitID).joined(separator: ", ")
                lines.append("  #\(directive.id) [\(directive.target.displayName)] \(directive.text) — \(directive.author), \(TicketTime.vietnamese(directive.createdAt))\(acks.isEmpty ? " (chưa xác nhận)" : " (đã xác nhận: \(acks))")")
            }
        }
        lines.append("Lịch sử:")
        for entry in history {
            let change = [entry.oldValue, entry.newValue].compactMap { $0 }.joined(separator: " → ")
            lines.append("  \(TicketTime.iso8601(entry.at))  \(entry.actor)  \(entry.field.rawValue)  \(change)\(entry.note.map { "  “\($0)”" } ?? "")")
        }
        return lines.joined(separator: "\n")
    }
}
