import Foundation

/// Turns the national portal's procedure records (the shape of `dvc/procedures.jsonl`) into
/// curated-format procedures, cleaning the flattened tables: `cach_thuc_thuc_hien` into
/// per-channel duration and fee, `thanh_phan_ho_so` into a document list,
/// `trinh_tu_thuc_hien` into steps, `can_cu_phap_ly` into legal bases.
public enum PortalImporter {
    /// The outcome of one record.
    public enum Outcome: Sendable {
        case clean(Procedure)
        /// Imported, but some part could not be read; the reasons say which.
        case partial(Procedure, reasons: [String])
        /// Not imported at all.
        case rejected(line: Int, reasons: [String])
    }

    /// Imports every line of a JSON Lines file.
    public static func importRecords(path: String, updated: String) throws(DataError) -> [Outcome] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(issues: [DataIssue(file: path, line: 0, message: "cannot read the file")])
        }
        var outcomes: [Outcome] = []
        var number = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                outcomes.append(.rejected(line: number, reasons: ["not a JSON object"]))
                continue
            }
            outcomes.append(importRecord(object, line: number, updated: updated))
        }
        return outcomes
    }

    /// Imports one record.
    public static func importRecord(_ record: [String: Any], line: Int, updated: String) -> Outcome {
        func text(_ key: String) -> String {
            // The crawl is not all NFC; the corpus must be.
            let value = (record[key] as? String ?? "").precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
            return value == "Không có thông tin" ? "" : value
        }
        let code = text("ma_thu_tuc"), title = text("ten_thu_tuc")
        var missing: [String] = []
        if code.isEmpty { missing.append("no ma_thu_tuc") }
        if title.isEmpty { missing.append("no ten_thu_tuc") }
        guard missing.isEmpty else { return .rejected(line: line, reasons: missing) }
        var reasons: [String] = []
        let rows = PortalTables.channelRows(text("cach_thuc_thuc_hien"))
        if rows.isEmpty { reasons.append("no channel, time or fee rows in cach_thuc_thuc_hien") }
        let documents = PortalTables.documents(text("thanh_phan_ho_so"))
        if documents.isEmpty { reasons.append("no document rows in thanh_phan_ho_so") }
        let steps = PortalTables.steps(text("trinh_tu_thuc_hien"))
        if steps.isEmpty { reasons.append("no steps in trinh_tu_thuc_hien") }
        let agency = [text("co_quan_thuc_hien"), text("co_quan_co_tham_quyen")].first { !$0.isEmpty } ?? ""
        if agency.isEmpty { reasons.append("no agency") }
        let channels = Array(Set(rows.compactMap(\.channel))).sorted { $0.rawValue < $1.rawValue }
        let address = text("dia_chi_tiep_nhan")
        let procedure = Procedure(
            id: "dvc-" + code.replacingOccurrences(of: ".", with: "-"), kind: .imported, code: code, title: title,
            aliases: [], field: text("linh_vuc").isEmpty ? "Khác" : text("linh_vuc"),
            level: text("cap_thuc_hien").isEmpty ? "Không ghi" : text("cap_thuc_hien"),
            agency: agency.isEmpty ? "Không ghi" : agency,
            place: .init(offices: [address.isEmpty ? (agency.isEmpty ? "Không ghi" : agency) : address],
                         online: channels.contains(.online) ? "https://dichvucong.gov.vn" : nil),
            channels: channels.isEmpty ? [.inPerson] : channels,
            steps: steps.isEmpty ? ["Xem trình tự thực hiện trên Cổng Dịch vụ công quốc gia."] : steps,
            documents: documents,
            duration: rows.map { Procedure.Duration(channel: $0.channel, time: $0.time) },
            fee: rows.map { Procedure.Fee(channel: $0.channel, amount: $0.fee, note: $0.note) },
            exemptions: [],
            requirements: PortalTables.lines(text("yeu_cau_dieu_kien"), limit: 8),
            result: PortalTables.result(text("ket_qua_xu_ly")).isEmpty ? "Không ghi" : PortalTables.result(text("ket_qua_xu_ly")),
            legalBasis: PortalTables.legalBasis(text("can_cu_phap_ly")),
            notes: ["Nhập tự động từ Cổng Dịch vụ công quốc gia; kiểm tra lại trước khi trả lời công dân."],
            source: text("detail_url").isEmpty ? nil : text("detail_url"),
            updated: updated, examples: [], file: "dvc-\(code).yaml")
        return reasons.isEmpty ? .clean(procedure) : .partial(procedure, reasons: reasons)
    }
}
