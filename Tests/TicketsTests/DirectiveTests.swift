import Foundation
import Testing
@testable import Tickets

@Suite struct DirectiveTests {
    let clock = ManualClock(Fixtures.monday)

    @Test func leaderDirectiveReachesTheUnitAndIsAcknowledged() throws {
        let store = try Fixtures.store(clock: clock)
        let a = try store.create(Fixtures.newTicket(category: "ha_tang"), by: .citizen)          // phuong-tan-dinh
        let b = try store.create(Fixtures.newTicket(category: "moi_truong"), by: .citizen)       // phuong-tan-dinh
        let c = try store.create(Fixtures.newTicket(category: "ha_tang", ward: "Phường Sài Gòn"), by: .citizen)
        let (leader, _) = try store.createToken(name: "Chủ tịch", unitID: nil, role: .leader)
        let (officer, _) = try store.createToken(name: "Cán bộ Tân Định", unitID: "phuong-tan-dinh", role: .officer)

        #expect(throws: TicketError.forbidden("only leaders issue directives")) {
            try store.issueDirective(.ward("tan dinh"), text: "x", by: .officer(officer))
        }
        clock.advance(by: 60)
        let directive = try store.issueDirective(.ward("tan dinh"), text: "Xử lý dứt điểm trước thứ Sáu", by: .officer(leader))
        #expect(directive.target == .ward("Phường Tân Định"))
        #expect(directive.target.displayName == "Phường Tân Định")
        #expect(try store.directives(for: a.code).map(\.id) == [directive.id])
        #expect(try store.directives(for: c.code).isEmpty)
        #expect(try store.directives(unitID: "phuong-tan-dinh").map(\.id) == [directive.id])
        #expect(try store.directives(unitID: "phuong-sai-gon").isEmpty)

        clock.advance(by: 60)
        let acknowledged = try store.acknowledge(directive: directive.id, by: .officer(officer))
        #expect(acknowledged.acknowledgements == [Directive.Acknowledgement(unitID: "phuong-tan-dinh", officer: "officer:Cán bộ Tân Định",
                                                                            at: Fixtures.monday.addingTimeInterval(120))])
        #expect(throws: TicketError.invalidInput(field: "directive", message: "phuong-tan-dinh has already acknowledged directive #1")) {
            try store.acknowledge(directive: directive.id, by: .officer(officer))
        }
        for code in [a.code, b.code] {
            let steps = try store.history(of: code).suffix(2).map { "\($0.actor) \($0.field.rawValue) \($0.newValue ?? "") \($0.note ?? "")" }
            #expect(steps == ["officer:Chủ tịch directive #1 Xử lý dứt điểm trước thứ Sáu",
                              "officer:Cán bộ Tân Định acknowledged #1 phuong-tan-dinh"])
        }
        #expect(try store.history(of: c.code).count == 1)
    }

    @Test func directiveOnATicketOrCategory() throws {
        let store = try Fixtures.store(clock: clock)
        let a = try store.create(Fixtures.newTicket(category: "y_te"), by: .citizen)   // so-y-te
        let directive = try store.issueDirective(.ticket(a.code), text: "Báo cáo kết quả trước 17 giờ", by: .system("cli:leader"))
        #expect(try store.history(of: a.code).last?.field == .directive)
        let (other, _) = try store.createToken(name: "Sài Gòn", unitID: "phuong-sai-gon", role: .officer)
        #expect(throws: TicketError.forbidden("directive #1 concerns none of phuong-sai-gon's open tickets")) {
            try store.acknowledge(directive: directive.id, by: .officer(other))
        }
        #expect(throws: TicketError.notFound) {
            try store.issueDirective(.ticket(TicketCode(unchecked: "1022-2222-2222")), text: "x", by: .system("cli"))
        }
        #expect(throws: TicketError.invalidInput(field: "ward", message: "no ward, commune or special zone has this name")) {
            try store.issueDirective(.ward("Phường Không Có"), text: "x", by: .system("cli"))
        }
        #expect(throws: TicketError.unknownDirective(99)) { try store.acknowledge(directive: 99, by: .system("cli")) }
        let category = try store.issueDirective(.category(.yTe), text: "Ưu tiên an toàn thực phẩm", by: .system("cli:leader"))
        #expect(try store.directives(for: a.code).map(\.id) == [directive.id, category.id])
        #expect(try store.directives().map(\.id) == [category.id, directive.id])
    }
}
