import Foundation
import Testing
@testable import Knowledge

/// `corpus/units.yaml` is data, loaded and validated with file:line errors.
@Suite struct UnitCatalogTests {
    static let minimal = """
    units:
      - id: trung-tam-1022
        name: Trung tâm 1022
        kind: desk
        categories: [ha_tang, khac]
        contact:
          phone: "1022"
      - id: phuong-sai-gon
        name: UBND phường Sài Gòn
        kind: ward
        categories: [ha_tang]
        fields: [Hộ tịch]
        area: Phường Sài Gòn

    """

    @Test func loadsUnitsWithContactsAndAreas() throws {
        let catalog = try UnitCatalog.load(text: Self.minimal)
        #expect(catalog.units.map(\.id) == ["trung-tam-1022", "phuong-sai-gon"])
        #expect(catalog.desk.contact == UnitCatalog.Contact(phone: "1022"))
        #expect(catalog.unit(id: "phuong-sai-gon") == UnitCatalog.Unit(
            id: "phuong-sai-gon", name: "UBND phường Sài Gòn", kind: .ward, categories: ["ha_tang"], fields: ["Hộ tịch"],
            area: "Phường Sài Gòn", contact: nil, line: 8))
    }

    @Test(arguments: [
        (minimal + "  - id: trung-tam-1022\n    name: X\n    kind: other\n    categories: []\n",
         ["units.yaml:14: the id 'trung-tam-1022' is already used at line 2 (fix: give each unit its own id)"]),
        (minimal + "  - id: so-x\n    name: X\n    kind: department\n    categories: [nuoc]\n    phone: 1\n",
         ["units.yaml:18: unknown key 'phone' in a unit (fix: allowed keys: id, name, kind, categories, fields, area, contact)",
          "units.yaml:17: unknown category 'nuoc' (fix: use one of: ha_tang, giao_thong, trat_tu_do_thi, moi_truong, y_te, hanh_chinh, an_ninh, khac)"]),
        (minimal + "  - id: desk-2\n    name: X\n    kind: desk\n    categories: []\n",
         ["units.yaml:14: there must be exactly one unit of kind desk, found 2 (the first is at line 2) (fix: the desk (id trung-tam-1022) receives what no other unit matches)"]),
        ("units:\n  - id: so-x\n    name: X\n    kind: department\n    categories: []\n",
         ["units.yaml:2: there must be exactly one unit of kind desk, found 0 (fix: the desk (id trung-tam-1022) receives what no other unit matches)"]),
        (minimal + "  - id: Phuong_X\n    name: X\n    kind: ward\n    categories: []\n",
         ["units.yaml:14: the id 'Phuong_X' is not kebab-case ASCII (fix: use lowercase letters, digits and single dashes)",
          "units.yaml:14: a ward unit needs an 'area' (its own name, e.g. Phường Sài Gòn)"]),
        (minimal + "  - id: phuong-y\n    name: X\n    kind: ward\n    categories: []\n    area: Phường Sài Gòn\n",
         ["units.yaml:14: the area 'Phường Sài Gòn' is already the area of the unit at line 8 (fix: each ward or commune has one unit)"]),
        (minimal + "  - id: so-z\n    name: X\n    kind: agency\n    categories: []\n",
         ["units.yaml:16: unknown kind 'agency' (fix: use one of: department, police, ward, commune, special_zone, desk, other)"]),
        (minimal + "  - id: so-z\n    kind: other\n    categories: []\n    area: Phường Z\n",
         ["units.yaml:14: a unit is missing the required key 'name'",
          "units.yaml:17: only ward, commune and special_zone units have an 'area' (fix: remove it from this other unit)"]),
    ])
    func refusesBrokenFiles(text: String, expected: [String]) {
        do {
            _ = try UnitCatalog.load(text: text)
            Issue.record("loading succeeded")
        } catch {
            #expect(error.issues.map(\.description) == expected)
        }
    }

    @Test func theShippedUnitsFileIsValid() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("corpus/units.yaml").path
        let catalog = try UnitCatalog.load(path: path)
        #expect(catalog.units.count == 191)
        #expect(catalog.desk.id == "trung-tam-1022")
        #expect(catalog.units.filter { $0.kind.isLocal }.count == 168)
    }
}
