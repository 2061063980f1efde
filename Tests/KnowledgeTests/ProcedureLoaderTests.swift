import Testing
@testable import Knowledge

/// Broken procedure files are refused with file:line and a fix hint.
@Suite struct ProcedureLoaderTests {
    static let valid = """
    id: vi-du
    title: Thủ tục ví dụ
    aliases: [ví dụ, vi du]
    field: Hộ tịch
    level: Cấp xã
    agency: UBND cấp xã
    where:
      offices: [Bộ phận một cửa UBND phường]
      online: https://dichvucong.gov.vn
    channels: [trực tiếp, trực tuyến]
    steps: [Nộp hồ sơ.]
    documents:
      - name: Tờ khai
        form: Mẫu 01
    duration:
      - time: 3 ngày làm việc
    fee:
      - channel: trực tuyến
        amount: Miễn phí
    result: Giấy xác nhận
    legal_basis: [Luật Hộ tịch 2014]
    updated: 2026-11-29
    examples: [câu một, câu hai, câu ba, câu bốn]

    """

    func issues(_ files: [(String, String)]) -> [String] {
        do {
            _ = try ProcedureLoader.load(texts: files)
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    @Test func validFileLoads() throws {
        let procedures = try ProcedureLoader.load(texts: [("vi-du.yaml", Self.valid)])
        #expect(procedures.count == 1)
        let procedure = try #require(procedures.first)
        #expect(procedure.channels == [.inPerson, .online])
        #expect(procedure.fee == [Procedure.Fee(channel: .online, amount: "Miễn phí", note: nil)])
        #expect(procedure.documents == [Procedure.Document(name: "Tờ khai", form: "Mẫu 01", count: nil, note: nil)])
        #expect(procedure.kind == .procedure)
        #expect(procedure.place.online == "https://dichvucong.gov.vn")
    }

    @Test(arguments: [
        ("title: Thủ tục ví dụ", "title: Thủ tục ví dụ\ntitel: sai",
         ["procedures/vi-du.yaml:3: unknown key 'titel' in a procedure (fix: allowed keys: id, kind, code, title, aliases, field, level, agency, where, channels, steps, documents, duration, fee, exemptions, requirements, result, legal_basis, notes, source, updated, examples)"]),
        ("result: Giấy xác nhận\n", "",
         ["procedures/vi-du.yaml:1: a procedure is missing the required key 'result'"]),
        ("channels: [trực tiếp, trực tuyến]", "channels: [trực tiếp, online]",
         ["procedures/vi-du.yaml:10: unknown channel 'online' (fix: use: trực tiếp, trực tuyến, bưu chính)"]),
        ("updated: 2026-11-29", "updated: 29/11/2026",
         ["procedures/vi-du.yaml:22: 'updated' must be a date YYYY-MM-DD, got '29/11/2026' (fix: write the day the facts were checked, e.g. 2026-11-29)"]),
        ("agency: UBND cấp xã", "agency: \"\"",
         ["procedures/vi-du.yaml:6: 'agency' is empty (fix: fill it in or remove the entry)"]),
        ("field: Hộ tịch", "field: Hô\u{0323} tịch",
         ["procedures/vi-du.yaml:4: 'field' is not in Unicode NFC (fix: re-save the text composed (NFC); some editors decompose accents)"]),
        ("examples: [câu một, câu hai, câu ba, câu bốn]", "examples: [câu một]",
         ["procedures/vi-du.yaml:23: 'examples' needs at least 4 entries, has 1"]),
        ("  online: https://dichvucong.gov.vn", "  online: dichvucong.gov.vn",
         ["procedures/vi-du.yaml:9: 'where.online' must be an https:// link (fix: write the portal address)"]),
        ("documents:\n  - name: Tờ khai\n    form: Mẫu 01", "documents: []",
         ["procedures/vi-du.yaml:12: 'documents' is empty for a procedure (fix: list at least one entry, or set kind: guide)"]),
        ("id: vi-du", "id: Vi Du",
         ["procedures/vi-du.yaml:1: the id 'Vi Du' is not kebab-case ASCII (fix: use lowercase letters, digits and '-')",
          "procedures/vi-du.yaml:1: the id 'Vi Du' differs from the file name 'vi-du.yaml' (fix: rename the file or change the id so they match)"]),
    ])
    func brokenFile(find: String, replace: String, expected: [String]) {
        #expect(issues([("vi-du.yaml", Self.valid.replacingOccurrences(of: find, with: replace))]) == expected)
    }

    @Test func duplicateIdsAndCopiedExamplesAcrossFiles() {
        let second = Self.valid.replacingOccurrences(of: "câu bốn", with: "câu năm")
        #expect(issues([("vi-du.yaml", Self.valid), ("vi-du-2.yaml", second)]) == [
            "procedures/vi-du-2.yaml:1: the id 'vi-du' differs from the file name 'vi-du-2.yaml' (fix: rename the file or change the id so they match)",
            "procedures/vi-du-2.yaml:1: the id 'vi-du' is already used by procedures/vi-du.yaml (fix: give each procedure its own id)",
        ])
        let other = Self.valid.replacingOccurrences(of: "id: vi-du", with: "id: khac").replacingOccurrences(of: "câu bốn", with: "câu năm")
        #expect(issues([("vi-du.yaml", Self.valid), ("khac.yaml", other)]) == [
            "procedures/khac.yaml:23: the example 'câu một' is also an example of 'vi-du' (fix: rewrite it so it fits only this procedure)",
            "procedures/khac.yaml:23: the example 'câu hai' is also an example of 'vi-du' (fix: rewrite it so it fits only this procedure)",
            "procedures/khac.yaml:23: the example 'câu ba' is also an example of 'vi-du' (fix: rewrite it so it fits only this procedure)",
        ])
    }

    @Test func missingFolderIsAClearError() {
        #expect(throws: DataError.self) { try ProcedureLoader.load(directory: "/nonexistent/procedures") }
    }
}
