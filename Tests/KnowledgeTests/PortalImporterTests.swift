import Foundation
import Testing
@testable import Knowledge

/// The portal importer turns flattened tables into structured fields, and says what it could not read.
@Suite struct PortalImporterTests {
    static var record: [String: Any] { [
        "ma_thu_tuc": "1.000757",
        "ten_thu_tuc": "Cấp lại thẻ căn cước",
        "cap_thuc_hien": "Cấp xã",
        "linh_vuc": "Căn cước",
        "co_quan_thuc_hien": "Công an cấp xã",
        "dia_chi_tiep_nhan": "Công an xã, phường",
        "trinh_tu_thuc_hien": "Bước 1: Nộp hồ sơ tại Công an xã.\nBước 2: Nhận giấy hẹn và trả kết quả.",
        "cach_thuc_thuc_hien": "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến7 Ngày làm việcMiễn phí(Giảm 50%.)- Qua VNeIDTrực tiếp7 Ngày làm việc70,000 Việt Nam Đồng(Theo Thông tư 73/2024/TT-BTC)",
        "thanh_phan_ho_so": "--Tên giấy tờMẫu đơn, tờ khaiSố lượngPhiếu đề nghị (Mẫu DC02 ban hành kèm Thông tư 17/2024/TT-BCA)Mẫu DC02 Phiếu đề nghị.doc1 bản chínhGiấy tờ chứng minh người đại diện hợp pháp0 bản chính,1 bản sao",
        "can_cu_phap_ly": "Tên văn bản pháp lýMã văn bảnLuật Căn cước26/2023/QH15Nghị định hướng dẫn70/2024/NĐ-CPThông tư lệ phí73/2024/TT-BTCngày 21/10/2024",
        "ket_qua_xu_ly": "Thẻ căn cướcMã: KQ.G01.000023Từ khóa",
        "detail_url": "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/x",
    ] }

    @Test func cleanRecordBecomesStructuredFields() throws {
        guard case let .clean(procedure) = PortalImporter.importRecord(Self.record, line: 1, updated: "2026-11-29") else {
            Issue.record("the fixture record should import cleanly")
            return
        }
        #expect(procedure.id == "dvc-1-000757")
        #expect(procedure.kind == .imported)
        #expect(procedure.steps == ["Bước 1: Nộp hồ sơ tại Công an xã.", "Bước 2: Nhận giấy hẹn và trả kết quả."])
        #expect(procedure.channels == [.inPerson, .online])
        #expect(procedure.duration == [.init(channel: .online, time: "7 ngày làm việc"), .init(channel: .inPerson, time: "7 ngày làm việc")])
        #expect(procedure.fee == [.init(channel: .online, amount: "Miễn phí", note: "Giảm 50%. - Qua VNeID"),
                                  .init(channel: .inPerson, amount: "70,000 Việt Nam Đồng", note: "Theo Thông tư 73/2024/TT-BTC")])
        #expect(procedure.documents == [
            .init(name: "Phiếu đề nghị (Mẫu DC02 ban hành kèm Thông tư 17/2024/TT-BCA)", form: "Mẫu DC02 Phiếu đề nghị", count: "1 bản chính", note: nil),
            .init(name: "Giấy tờ chứng minh người đại diện hợp pháp", form: nil, count: "0 bản chính,1 bản sao", note: nil),
        ])
        #expect(procedure.legalBasis == ["Luật Căn cước (26/2023/QH15)", "Nghị định hướng dẫn (70/2024/NĐ-CP)", "Thông tư lệ phí (73/2024/TT-BTC)"])
        #expect(procedure.result == "Thẻ căn cước")
        // What the importer writes, the loader reads back unchanged.
        let text = ProcedureYAML.render(procedure)
        var reloaded = try #require(try ProcedureLoader.load(texts: [("dvc-1-000757.yaml", text)]).first)
        reloaded.file = procedure.file
        #expect(reloaded == procedure)
    }

    @Test func gapsAndMalformedRecordsAreReported() {
        var broken = Self.record
        broken["thanh_phan_ho_so"] = "Không có thông tin"
        broken["cach_thuc_thuc_hien"] = "Hình thức nộpThời gianPhí, lệ phíMô tả"
        guard case let .partial(_, reasons) = PortalImporter.importRecord(broken, line: 2, updated: "2026-11-29") else {
            Issue.record("expected a partial import")
            return
        }
        #expect(reasons == ["no channel, time or fee rows in cach_thuc_thuc_hien", "no document rows in thanh_phan_ho_so"])
        guard case let .rejected(line, why) = PortalImporter.importRecord(["ten_thu_tuc": ""], line: 3, updated: "2026-11-29") else {
            Issue.record("expected a rejection")
            return
        }
        #expect(line == 3)
        #expect(why == ["no ma_thu_tuc", "no ten_thu_tuc"])
    }

    @Test func fileWithABadLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hoidap-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let good = String(decoding: try JSONSerialization.data(withJSONObject: Self.record), as: UTF8.self)
        try (good + "\n{broken\n").write(toFile: path, atomically: true, encoding: .utf8)
        let outcomes = try PortalImporter.importRecords(path: path, updated: "2026-11-29")
        #expect(outcomes.count == 2)
        guard case .rejected(let line, let reasons) = outcomes[1] else { Issue.record("expected a rejection"); return }
        #expect(line == 2)
        #expect(reasons == ["not a JSON object"])
    }
}
