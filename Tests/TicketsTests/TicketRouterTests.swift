import Testing
@testable import Tickets

@Suite struct TicketRouterTests {
    @Test(arguments: [
        (TicketCategory.haTang, "Phường Tân Định", "phuong-tan-dinh", "area", "Phường Tân Định"),
        (.haTang, "phường tân định", "phuong-tan-dinh", "area", "Phường Tân Định"),
        (.haTang, "tan dinh", "phuong-tan-dinh", "area", "Phường Tân Định"),
        (.haTang, "P. Tân Định", "phuong-tan-dinh", "area", "Phường Tân Định"),
        (.haTang, "UBND phường Sài Gòn", "phuong-sai-gon", "area", "Phường Sài Gòn"),
        // The ward does not handle health: the city department does, and the area is still recognised.
        (.yTe, "Phường Tân Định", "so-y-te", "city", "Phường Tân Định"),
        (.giaoThong, "Phường Tân Định", "so-xay-dung", "city", "Phường Tân Định"),
        // "Thạnh An" and "Thanh An" fold alike: only the marked spelling decides.
        (.moiTruong, "xã Thạnh An", "xa-thanh-an-can-gio", "area", "Xã Thạnh An"),
        (.moiTruong, "Thanh An", "xa-thanh-an-dau-tieng", "area", "Xã Thanh An"),
    ])
    func routesByCategoryAndWard(category: TicketCategory, ward: String, unit: String, rule: String, area: String) {
        let decision = Fixtures.router.route(category: category, ward: ward)
        #expect(decision.unit.id == unit)
        #expect(decision.rule == rule)
        #expect(decision.area == area)
    }

    @Test func unmatchedGoesToTheDesk() {
        let router = Fixtures.router
        let unknownWard = router.route(category: .khac, ward: "Phường Không Có")
        #expect(unknownWard.unit.id == "trung-tam-1022")
        #expect(unknownWard.rule == "desk")
        #expect(unknownWard.area == nil)
        #expect(router.route(category: .khac, ward: nil).unit.id == "trung-tam-1022")
        #expect(router.route(category: .moiTruong, ward: nil).unit.id == "trung-tam-1022")   // no city department in the fixture
        #expect(router.route(category: .haTang, ward: nil).unit.id == "so-xay-dung")       // never the utility company
        #expect(router.area(matching: "Thành An") == nil)   // folds to both Thạnh An and Thanh An: ambiguous
    }

    @Test func exactlyOneDesk() {
        #expect(throws: TicketError.invalidInput(field: "units", message: "exactly one unit must be the central desk (kind desk), found 0")) {
            try TicketRouter(units: Array(Fixtures.units.dropFirst()))
        }
        #expect(throws: TicketError.invalidInput(field: "units", message: "exactly one unit must be the central desk (kind desk), found 2")) {
            try TicketRouter(units: Fixtures.units + [TicketUnit(id: "desk-2", name: "x", kind: .desk, categories: [])])
        }
    }
}
