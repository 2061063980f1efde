import Testing
@testable import Tickets

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        ("0912345678", "0912345678", PhoneNumber.Kind.mobile, "0912 345 678"),
        ("+84 912 345 678", "0912345678", .mobile, "0912 345 678"),
        ("84912345678", "0912345678", .mobile, "0912 345 678"),
        ("0912.345.678", "0912345678", .mobile, "0912 345 678"),
        ("(+84) 0912-345-678", "0912345678", .mobile, "0912 345 678"),
        ("0359 123 456", "0359123456", .mobile, "0359 123 456"),
        ("0587654321", "0587654321", .mobile, "0587 654 321"),
        ("0701234567", "0701234567", .mobile, "0701 234 567"),
        ("0869876543", "0869876543", .mobile, "0869 876 543"),
        ("028 3829 6052", "02838296052", .landline, "028 3829 6052"),
        ("+84 28 3829 6052", "02838296052", .landline, "028 3829 6052"),
        ("0274 382 2345", "02743822345", .landline, "0274 382 2345"),
        ("0254.385.1234", "02543851234", .landline, "0254 385 1234"),
    ])
    func acceptsAndNormalizes(input: String, national: String, kind: PhoneNumber.Kind, formatted: String) throws {
        let phone = try PhoneNumber(input)
        #expect(phone.national == national)
        #expect(phone.kind == kind)
        #expect(phone.formatted == formatted)
    }

    @Test(arguments: [
        ("", "phone: the phone number is empty"),
        ("   ", "phone: the phone number is empty"),
        ("0912 345 67a", "phone: the phone number may contain only digits, spaces, dots, dashes and a leading +"),
        ("091234567", "phone: a mobile number has 10 digits (03, 05, 07, 08 or 09 and 8 more digits), this one has 9"),
        ("09123456789", "phone: a mobile number has 10 digits (03, 05, 07, 08 or 09 and 8 more digits), this one has 11"),
        ("0283829605", "phone: a landline number has 11 digits (02, the area code and the subscriber number), this one has 10"),
        ("0612345678", "phone: a Vietnamese phone number starts with 02 (landline) or 03, 05, 07, 08, 09 (mobile)"),
        ("0112345678", "phone: a Vietnamese phone number starts with 02 (landline) or 03, 05, 07, 08, 09 (mobile)"),
        ("+1 415 555 0100", "phone: only Vietnamese numbers (+84) are accepted"),
        ("912345678", "phone: a Vietnamese phone number starts with 0 or +84"),
        ("1022", "phone: a Vietnamese phone number starts with 0 or +84"),
    ])
    func refusesWithAClearReason(input: String, message: String) {
        do {
            _ = try PhoneNumber(input)
            Issue.record("accepted \(input)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func sameLineWrittenTwoWays() {
        #expect(PhoneNumber.same("+84 912 345 678", "0912.345.678"))
        #expect(!PhoneNumber.same("0912345678", "0912345679"))
        #expect(!PhoneNumber.same("garbage", "garbage"))
    }
}
