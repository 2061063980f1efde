import Testing
@testable import Tickets

@Suite struct LogMaskTests {
    @Test(arguments: [("0912345678", "0912***678"), ("+84 912 345 678", "0912***678"), ("02838296052", "0283***052"), ("1022", "***22"), ("", "***")])
    func masksPhones(input: String, expected: String) {
        #expect(LogMask.phone(input) == expected)
    }

    @Test(arguments: [("Nguyễn Văn A", "N*** V*** A"), ("Trần Thị Bích Ngọc", "T*** T*** B*** N***"), ("  Lê  ", "L***"), ("", "")])
    func masksNames(input: String, expected: String) {
        #expect(LogMask.name(input) == expected)
    }

    @Test func masksEmails() {
        #expect(LogMask.email("an.nguyen@gmail.com") == "a***@gmail.com")
        #expect(LogMask.email("@x.vn") == "***")
    }

    @Test(arguments: [
        ("gọi 0912.345.678 nhé", "gọi 0912***678 nhé"),
        ("số +84 912 345 678, cảm ơn", "số 0912***678, cảm ơn"),
        ("mail an@gmail.com gấp", "mail a***@gmail.com gấp"),
        ("hẻm 12 số 345", "hẻm 12 số 345"),
        ("năm 2026 có 12 tháng", "năm 2026 có 12 tháng"),
    ])
    func masksFreeText(input: String, expected: String) {
        #expect(LogMask.text(input) == expected)
    }
}
