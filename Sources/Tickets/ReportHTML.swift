import Foundation

/// Shared pieces of the report pages: a small self-contained HTML page that reads well on a
/// 360-pixel phone, escaping, and Vietnamese number formats.
enum ReportHTML {
    /// A complete page: no external CSS, fonts or scripts (it is mailed and posted to chat apps).
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;padding:12px;color:#1a1a1a;background:#fff;line-height:1.45;font-size:16px}
        main{max-width:760px;margin:0 auto}
        h1{font-size:1.25rem;margin:0 0 4px}
        h2{font-size:1.05rem;margin:20px 0 8px;border-bottom:2px solid #c8102e;padding-bottom:2px}
        .meta{color:#555;font-size:.85rem;margin:0 0 12px}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(100px,1fr));gap:8px}
        .card{background:#f5f5f5;border-radius:8px;padding:8px}
        .card b{display:block;font-size:1.4rem}
        .card span{font-size:.8rem;color:#444}
        .card.warn b{color:#c8102e}
        .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
        table{border-collapse:collapse;width:100%;font-size:.85rem}
        th,td{padding:6px 4px;border-bottom:1px solid #ddd;text-align:right;white-space:nowrap}
        th:first-child,td:first-child{text-align:left;white-space:normal;min-width:120px}
        th{background:#fafafa;font-weight:600}
        .late{color:#c8102e;font-weight:600}
        svg{max-width:100%;height:auto}
        footer{margin-top:24px;color:#777;font-size:.75rem}
        </style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    static func table(header: [String], rows: [[String]], rawCells: Bool = false) -> String {
        let head = header.map { "<th>\(escape($0))</th>" }.joined()
        let body = rows.map { row in "<tr>" + row.map { "<td>\(rawCells ? $0 : escape($0))</td>" }.joined() + "</tr>" }.joined(separator: "\n")
        return "<div class=\"scroll\"><table>\n<thead><tr>\(head)</tr></thead>\n<tbody>\n\(body)\n</tbody>\n</table></div>"
    }

    /// A horizontal bar chart as inline SVG, one bar per label, values printed at the bar's end.
    static func barChart(_ items: [(label: String, value: Int)], title: String) -> String {
        let rowHeight = 22
        let labelWidth = 150
        let chartWidth = 190
        let width = labelWidth + chartWidth + 40
        let height = items.count * rowHeight + 8
        let maximum = max(1, items.map(\.value).max() ?? 1)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(escape(title))\">\n"
        svg += "<title>\(escape(title))</title>\n"
        for (index, item) in items.enumerated() {
            let y = 4 + index * rowHeight
            let barWidth = Int((Double(item.value) / Double(maximum) * Double(chartWidth)).rounded())
            let label = item.label.count > 22 ? String(item.label.prefix(21)) + "…" : item.label
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\" font-size=\"12\" fill=\"#333\">\(escape(label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(barWidth)\" height=\"16\" rx=\"2\" fill=\"#c8102e\"/>"
            svg += "<text x=\"\(labelWidth + barWidth + 4)\" y=\"\(y + 15)\" font-size=\"12\" fill=\"#333\">\(item.value)</text>\n"
        }
        return svg + "</svg>"
    }
}

/// Vietnamese number formats: decimal comma, percent with one decimal.
enum VietnameseNumber {
    /// `26,5`; integers without a decimal part.
    static func decimal(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.1f", rounded).replacingOccurrences(of: ".", with: ",")
    }

    /// `92,5%`, or `–` when there is nothing to measure.
    static func percent(_ rate: Double?) -> String {
        guard let rate else { return "–" }
        return decimal(rate * 100) + "%"
    }

    static func hours(_ value: Double?) -> String {
        guard let value else { return "–" }
        return decimal(value) + " giờ"
    }
}

/// The output formats of the reports.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, markdown, json, html, csv
}
