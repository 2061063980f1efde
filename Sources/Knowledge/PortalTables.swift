import Foundation

/// Parsers for the portal's tables, which the crawler flattened into run-on text
/// ("Trực tuyến7 Ngày làm việcMiễn phíTrực tiếp7 Ngày làm việc70,000 Việt Nam Đồng(…)").
enum PortalTables {
    /// One row of the "how to submit" table.
    struct ChannelRow: Equatable {
        var channel: Procedure.Channel?
        var time: String
        var fee: String
        var note: String?
    }

    static let channelNames: [(String, Procedure.Channel)] = [("Trực tiếp", .inPerson), ("Trực tuyến", .online), ("Dịch vụ bưu chính", .post)]
    static let channelPattern = try! NSRegularExpression(pattern: "(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=[0-9]|Không|Theo|Tối đa)")
    static let timePattern = try! NSRegularExpression(pattern: "^([0-9]+(?:[.,][0-9]+)?)\\s*(Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm|Phút)?")
    static let countPattern = try! NSRegularExpression(pattern: "([0-9]+ bản chính(?:, ?[0-9]+ bản sao)?|[0-9]+ bản sao)")
    static let filePattern = try! NSRegularExpression(pattern: "\\.(docx?|pdf|xlsx?|rtf)(?=[0-9])", options: .caseInsensitive)
    /// A document number such as 18/2024/TT-BCA; the crawl glues the next title on
    /// ("…TT-BCANghị định"), so the number ends before a capital followed by a small letter.
    static let legalCodePattern = try! NSRegularExpression(
        pattern: "[0-9]+/[0-9]{4}/(?:[A-ZĐ0-9]+-)*[A-ZĐ0-9]+?(?=[A-ZĐ][a-zà-ỹđ]|[^A-ZĐ0-9-]|$)")
    static let documentHeader = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"

    static func ns(_ text: String) -> NSString { text as NSString }

    /// The channel rows: channel, processing time, fee and the fee's note.
    static func channelRows(_ text: String) -> [ChannelRow] {
        let body = text.replacingOccurrences(of: "Hình thức nộpThời gianPhí, lệ phíMô tả", with: "")
        let matches = channelPattern.matches(in: body, range: NSRange(location: 0, length: ns(body).length))
        var rows: [ChannelRow] = []
        for (index, match) in matches.enumerated() {
            let name = ns(body).substring(with: match.range(at: 1))
            let start = match.range.location + match.range.length
            let end = index + 1 < matches.count ? matches[index + 1].range.location : ns(body).length
            let segment = ns(body).substring(with: NSRange(location: start, length: end - start))
            var time = "Không ghi thời hạn", rest = segment
            if let found = timePattern.firstMatch(in: segment, range: NSRange(location: 0, length: ns(segment).length)), found.range.length > 0 {
                let number = ns(segment).substring(with: found.range(at: 1))
                let unit = found.range(at: 2).location == NSNotFound ? "" : ns(segment).substring(with: found.range(at: 2))
                time = unit.isEmpty ? "\(number) (đơn vị thời gian không ghi)" : "\(number) \(unit.lowercased())"
                rest = ns(segment).substring(from: found.range.length)
            }
            var fee = rest, note: String? = nil
            if let open = rest.firstIndex(of: "(") {
                fee = String(rest[..<open])
                note = clip(String(rest[rest.index(after: open)...]).replacingOccurrences(of: ")", with: " ").trimmingCharacters(in: .whitespaces), 300)
            } else if let dash = rest.range(of: "- ") {
                fee = String(rest[..<dash.lowerBound])
            }
            fee = fee.trimmingCharacters(in: .whitespacesAndNewlines)
            rows.append(ChannelRow(channel: channelNames.first { $0.0 == name }?.1, time: time,
                                   fee: fee.isEmpty ? "Không ghi" : clip(fee, 120), note: note?.isEmpty == true ? nil : note))
        }
        return rows
    }

    /// The document list: each row's name, form (the attached file's name) and count.
    static func documents(_ text: String) -> [Procedure.Document] {
        var documents: [Procedure.Document] = []
        for table in text.components(separatedBy: documentHeader).dropFirst() {
            let matches = countPattern.matches(in: table, range: NSRange(location: 0, length: ns(table).length))
            var start = 0
            for match in matches {
                let row = ns(table).substring(with: NSRange(location: start, length: match.range.location - start))
                let count = ns(table).substring(with: match.range)
                start = match.range.location + match.range.length
                var name = row, form: String? = nil
                if let file = filePattern.firstMatch(in: row + "0", range: NSRange(location: 0, length: ns(row).length + 1)) {
                    let head = ns(row).substring(to: file.range.location)
                    let boundary = head.lastIndex { ")];.".contains($0) }.map { head.index(after: $0) } ?? head.startIndex
                    let candidate = String(head[boundary...]).trimmingCharacters(in: .whitespaces)
                    if !candidate.isEmpty, boundary != head.startIndex {
                        name = String(head[..<boundary])
                        form = clip(candidate, 120)
                    } else {
                        name = head
                    }
                }
                name = name.trimmingCharacters(in: CharacterSet(charactersIn: " ;,.-\n"))
                guard name.count >= 3 else { continue }
                documents.append(Procedure.Document(name: clip(name, 300), form: form, count: count, note: nil))
            }
        }
        return documents
    }

    /// Steps: one per line or "Bước n", list markers removed.
    static func steps(_ text: String) -> [String] {
        let marked = text.replacingOccurrences(of: "Bước ", with: "\nBước ")
        return lines(marked, limit: 12)
    }

    /// Non-trivial lines, markers removed, clipped.
    static func lines(_ text: String, limit: Int) -> [String] {
        var result: [String] = []
        for line in text.components(separatedBy: .newlines) {
            var cleaned = line.trimmingCharacters(in: .whitespaces)
            while let first = cleaned.first, "-+•*".contains(first) { cleaned = String(cleaned.dropFirst()).trimmingCharacters(in: .whitespaces) }
            guard cleaned.count >= 8 else { continue }
            result.append(clip(cleaned, 400))
            if result.count == limit { break }
        }
        return result
    }

    /// Legal bases: each document number with the title written before it.
    static func legalBasis(_ text: String) -> [String] {
        // "…TT-BCAngày 01/7/2025": a date phrase glued to a number is split off first.
        let body = text.replacingOccurrences(of: "Tên văn bản pháp lýMã văn bản", with: "")
            .replacingOccurrences(of: "([A-ZĐ])(ngày [0-9])", with: "$1 $2", options: .regularExpression)
        var result: [String] = []
        var start = 0
        for match in legalCodePattern.matches(in: body, range: NSRange(location: 0, length: ns(body).length)) {
            let title = ns(body).substring(with: NSRange(location: start, length: match.range.location - start))
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let code = ns(body).substring(with: match.range)
            start = match.range.location + match.range.length
            if title.isEmpty || title.contains(code) { continue }
            let entry = "\(clip(title, 200)) (\(code))"
            if !result.contains(entry) { result.append(entry) }
        }
        return Array(result.prefix(10))
    }

    /// The result text without the page furniture the crawler appended ("Mã: KQ…", "Từ khóa…").
    static func result(_ text: String) -> String {
        var cut = text
        for marker in ["Mã: KQ", "Từ khóa", "Mô tả", "Chọn cơ quan thực hiện"] {
            if let range = cut.range(of: marker) { cut = String(cut[..<range.lowerBound]) }
        }
        return clip(cut, 300)
    }

    /// At most `limit` characters, cut at a word with an ellipsis.
    static func clip(_ text: String, _ limit: Int) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count > limit else { return trimmed }
        let cut = trimmed.prefix(limit)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }
}
