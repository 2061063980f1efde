/// The assistant's fixed Vietnamese sentences, in one place for review.
enum Phrases {
    static let askDescription = "Bạn mô tả giúp sự việc cần phản ánh (điều gì xảy ra, từ khi nào)?"
    static let askAddress = "Sự việc xảy ra ở đâu? Xin ghi số nhà, tên đường và phường/xã."
    static let askName = "Cho tôi xin họ tên của bạn để cán bộ liên hệ."
    static let askPhone = "Số điện thoại để cán bộ liên hệ là gì? (di động 10 số, ví dụ 0912 345 678)"
    static let confirmHint = "Trả lời \"đồng ý\" để gửi, hoặc \"sửa …\" (ví dụ \"sửa số điện thoại 0912345678\") để chỉnh, \"hủy\" để thôi."
    static let cancelled = "Đã hủy phản ánh. Khi cần, bạn có thể gửi lại bất cứ lúc nào hoặc gọi Tổng đài 1022."
    static let askCode = "Bạn cho tôi xin mã phiếu phản ánh (dạng 1022-XXXX-XXXX)."
    static let askLookupPhone = "Bạn cho tôi xin số điện thoại đã dùng khi gửi phản ánh để đối chiếu."
    static let notFound = "Không tìm thấy phiếu khớp với mã và số điện thoại này. Bạn kiểm tra lại mã phiếu, hoặc gọi Tổng đài 1022 để được hỗ trợ."
    static let foreignDocument = "Giấy tờ do nước ngoài cấp (hộ chiếu, thị thực, giấy phép lái xe, thẻ thường trú của nước khác) thuộc thẩm quyền của cơ quan nước đó, thường qua đại sứ quán hoặc lãnh sự quán của họ tại Việt Nam, nên tôi không hướng dẫn được. Nếu bạn cần thủ tục của Việt Nam liên quan (đổi giấy phép lái xe nước ngoài, hợp pháp hóa lãnh sự, khai sinh hay kết hôn có yếu tố nước ngoài), hãy hỏi tôi nhé."
    static let noMatch = "Xin lỗi, tôi chưa tìm được thủ tục phù hợp với câu hỏi. Bạn thử nói rõ hơn tên thủ tục (ví dụ \"cấp lại căn cước\", \"đăng ký khai sinh\"). Nếu bạn muốn phản ánh, kiến nghị, hãy nói \"tôi muốn phản ánh\" để tôi chuyển đến Tổng đài 1022."
    static let clarify = "Bạn hỏi về thủ tục nào dưới đây? Trả lời số thứ tự (ví dụ \"số 1\") hoặc tên thủ tục:"
    static let whichProcedure = "Bạn đang hỏi về thủ tục nào? Bạn nói giúp tên thủ tục (ví dụ \"cấp lại căn cước\", \"đăng ký khai sinh\") để tôi trả lời đúng."
    static let ticketLimit = "Bạn đã gửi nhiều phản ánh trong thời gian ngắn. Vui lòng thử lại sau ít phút, hoặc gọi Tổng đài 1022; nội dung đã nhập vẫn được giữ, trả lời \"đồng ý\" để gửi lại sau."
    static let ticketFailed = "Xin lỗi, hệ thống chưa lưu được phản ánh lúc này. Bạn vui lòng thử lại sau ít phút hoặc gọi Tổng đài 1022."

    static func escalationStart(_ name: String) -> String {
        "Tôi sẽ giúp bạn gửi phản ánh lĩnh vực \(name) đến Tổng đài 1022 TP. Hồ Chí Minh."
    }

    static func summary(_ escalation: Session.Escalation, name: String) -> String {
        [
            "Xin xác nhận nội dung phản ánh (\(name)):",
            "• Sự việc: \(escalation.description ?? "")",
            "• Địa điểm: \(escalation.address ?? "")",
            "• Người phản ánh: \(escalation.name ?? "")",
            "• Điện thoại: \(escalation.phone ?? "")",
            confirmHint,
        ].joined(separator: "\n")
    }

    static func created(_ ticket: CreatedTicket) -> String {
        "Đã gửi phản ánh đến Tổng đài 1022. Mã phiếu của bạn: \(ticket.code) (đơn vị xử lý: \(ticket.unit)). "
            + "Dự kiến trả lời trước ngày \(ticket.expectedBy). Bạn có thể hỏi \"phiếu \(ticket.code) tới đâu rồi\" để tra cứu."
    }

    static func status(_ view: TicketStatusView) -> String {
        "Phiếu \(view.code): \(view.status). Đơn vị xử lý: \(view.unit). Cập nhật lần cuối: \(view.updated)."
    }
}
