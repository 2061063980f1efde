/// The escalation category of a ticket: what kind of problem the citizen reports.
///
/// The raw values are the `category` contract of DESIGN.md, shared with the dialogue layer,
/// `intents/escalation.yaml` and `corpus/units.yaml`; they double as Open311 `service_code`s.
///
///     TicketCategory(rawValue: "ha_tang")?.displayName   // "Hạ tầng đô thị"
public enum TicketCategory: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    case haTang = "ha_tang"
    case giaoThong = "giao_thong"
    case tratTuDoThi = "trat_tu_do_thi"
    case moiTruong = "moi_truong"
    case yTe = "y_te"
    case hanhChinh = "hanh_chinh"
    case anNinh = "an_ninh"
    case khac = "khac"

    /// The Vietnamese name a citizen or leader reads.
    public var displayName: String {
        switch self {
        case .haTang: "Hạ tầng đô thị"
        case .giaoThong: "Giao thông"
        case .tratTuDoThi: "Trật tự đô thị"
        case .moiTruong: "Môi trường"
        case .yTe: "Y tế"
        case .hanhChinh: "Hành chính"
        case .anNinh: "An ninh trật tự"
        case .khac: "Khác"
        }
    }

    /// A short Vietnamese description, used as the Open311 service description.
    public var summary: String {
        switch self {
        case .haTang: "Đường hư, ổ gà, cấp nước, thoát nước, chiếu sáng, điện, cây xanh"
        case .giaoThong: "Ùn tắc, đèn tín hiệu, biển báo, đậu xe sai quy định"
        case .tratTuDoThi: "Lấn chiếm vỉa hè, xây dựng trái phép, quảng cáo sai phép"
        case .moiTruong: "Rác thải, ô nhiễm, tiếng ồn, ngập nước"
        case .yTe: "Cơ sở khám chữa bệnh, an toàn thực phẩm, dịch bệnh"
        case .hanhChinh: "Thái độ phục vụ, trễ hẹn hồ sơ, thủ tục hành chính"
        case .anNinh: "Trộm cắp, gây rối, mất an ninh trật tự"
        case .khac: "Các phản ánh, kiến nghị khác"
        }
    }

    /// A few keywords citizens use for the category (Open311 `keywords`).
    ///
    /// The dialogue layer's richer cue lists live in `intents/escalation.yaml`; these are the
    /// handful an Open311 client shows next to the service name.
    public var keywords: [String] {
        switch self {
        case .haTang: ["ổ gà", "mất nước", "cúp điện", "đèn đường", "nắp cống", "cây xanh ngã"]
        case .giaoThong: ["kẹt xe", "đèn giao thông", "biển báo", "đậu xe"]
        case .tratTuDoThi: ["lấn chiếm vỉa hè", "xây dựng trái phép", "quảng cáo"]
        case .moiTruong: ["rác", "ô nhiễm", "tiếng ồn", "ngập"]
        case .yTe: ["bệnh viện", "thực phẩm", "dịch bệnh"]
        case .hanhChinh: ["trễ hẹn", "hồ sơ", "thái độ cán bộ"]
        case .anNinh: ["trộm", "gây rối", "đánh nhau"]
        case .khac: ["góp ý", "kiến nghị"]
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
