import Knowledge

/// Writes the Vietnamese answer for one aspect of a procedure from its structured fields:
/// short enough for a phone screen, ending with the source.
struct AnswerComposer: Sendable {
    static let maxItems = 6

    func answer(_ procedure: Procedure, aspect: Aspect) -> String {
        var lines: [String] = []
        switch aspect {
        case .overview:
            lines.append("**\(procedure.title)**")
            lines.append("Cơ quan giải quyết: \(procedure.agency).")
            if let office = procedure.place.offices.first { lines.append("Nơi nộp: \(office).") }
            if let duration = procedure.duration.first { lines.append("Thời hạn: \(duration.time).") }
            if !procedure.fee.isEmpty { lines.append("Lệ phí: \(feeSummary(procedure)).") }
            if !procedure.steps.isEmpty {
                lines.append("Các bước chính:")
                lines += numbered(Array(procedure.steps.prefix(3)))
            }
        case .documents:
            lines.append("Hồ sơ \(lowerFirst(procedure.title)) gồm:")
            lines += numbered(procedure.documents.map { document in
                var text = document.name
                if let form = document.form { text += " (\(form))" }
                if let count = document.count { text += " — \(count)" }
                return text
            })
            if procedure.documents.isEmpty { lines.append("Không cần nộp giấy tờ; xem hướng dẫn các bước thực hiện.") }
        case .fee:
            lines.append("Lệ phí \(lowerFirst(procedure.title)):")
            lines += procedure.fee.map { fee in
                "• " + (fee.channel.map { "Nộp \($0.rawValue): " } ?? "") + fee.amount + (fee.note.map { " (\($0))" } ?? "")
            }
            if procedure.fee.isEmpty { lines.append("• Chưa có thông tin lệ phí; hỏi Bộ phận một cửa nơi nộp hồ sơ.") }
            if !procedure.exemptions.isEmpty { lines.append("Được miễn: " + procedure.exemptions.prefix(3).joined(separator: "; ") + ".") }
        case .duration:
            lines.append("Thời hạn giải quyết \(lowerFirst(procedure.title)):")
            lines += procedure.duration.map { "• " + ($0.channel.map { "Nộp \($0.rawValue): " } ?? "") + $0.time }
            if procedure.duration.isEmpty { lines.append("• Chưa có thông tin thời hạn; hỏi nơi nộp hồ sơ.") }
        case .agency:
            lines.append("Cơ quan giải quyết: \(procedure.agency).")
            lines.append("Nơi nộp hồ sơ:")
            lines += procedure.place.offices.prefix(Self.maxItems).map { "• \($0)" }
            if let online = procedure.place.online { lines.append("Nộp trực tuyến: \(online)") }
        case .steps:
            lines.append("Các bước \(lowerFirst(procedure.title)):")
            lines += numbered(procedure.steps)
        case .online:
            if procedure.isOnline {
                lines.append("Có, thủ tục này nộp trực tuyến được" + (procedure.place.online.map { " tại \($0)" } ?? "") + ".")
                if procedure.channels.count > 1 {
                    lines.append("Các cách nộp: " + procedure.channels.map(\.rawValue).joined(separator: ", ") + ".")
                }
                if let fee = procedure.fee.first(where: { $0.channel == .online }) { lines.append("Lệ phí khi nộp trực tuyến: \(fee.amount).") }
            } else {
                lines.append("Hiện thủ tục này chưa nộp trực tuyến được; nộp " + procedure.channels.map(\.rawValue).joined(separator: " hoặc ") + ".")
                if let office = procedure.place.offices.first { lines.append("Nơi nộp: \(office).") }
            }
        case .requirements:
            if procedure.requirements.isEmpty {
                lines.append("Thủ tục \(lowerFirst(procedure.title)) không có điều kiện riêng ngoài hồ sơ đầy đủ, hợp lệ.")
            } else {
                lines.append("Điều kiện:")
                lines += procedure.requirements.prefix(Self.maxItems).map { "• \($0)" }
            }
        case .legalBasis:
            lines.append("Căn cứ pháp lý:")
            lines += procedure.legalBasis.prefix(Self.maxItems).map { "• \($0)" }
            if procedure.legalBasis.isEmpty { lines.append("• Chưa có thông tin căn cứ pháp lý.") }
        case .result:
            lines.append("Kết quả nhận được: \(procedure.result).")
            if let duration = procedure.duration.first { lines.append("Thời hạn: \(duration.time).") }
        }
        lines.append(source(procedure))
        return lines.joined(separator: "\n")
    }

    func source(_ procedure: Procedure) -> String {
        var parts: [String] = []
        if !procedure.code.isEmpty { parts.append("mã thủ tục \(procedure.code)") }
        if let link = procedure.source ?? procedure.place.online { parts.append(link) }
        if parts.isEmpty, let law = procedure.legalBasis.first { parts.append(law) }
        let checked = "cập nhật \(procedure.updated)"
        return "Nguồn: " + (parts + [checked]).joined(separator: " · ")
    }

    private func feeSummary(_ procedure: Procedure) -> String {
        procedure.fee.prefix(2).map { ($0.channel.map { "\($0.rawValue) " } ?? "") + $0.amount }.joined(separator: "; ")
    }

    private func numbered(_ items: [String]) -> [String] {
        var lines = items.prefix(Self.maxItems).enumerated().map { "\($0.offset + 1). \($0.element)" }
        if items.count > Self.maxItems { lines.append("… và \(items.count - Self.maxItems) mục khác (xem nguồn).") }
        return lines
    }

    private func lowerFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        // Keep proper nouns and abbreviations ("VNeID", "Tổng đài 1022") as written.
        let second = text.dropFirst().first
        if second?.isUppercase == true { return text }
        return first.lowercased() + text.dropFirst()
    }
}
