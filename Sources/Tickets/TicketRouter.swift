import Foundation

/// A unit that can receive tickets: the routing input, independent of how units are stored.
///
/// The command line maps `corpus/units.yaml` entries into these; tests build them by hand.
public struct TicketUnit: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case department, police, ward, commune, specialZone = "special_zone", desk, other
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var categories: Set<TicketCategory>
    /// For ward, commune and special-zone units: the area's own name ("Phường Tân Định").
    public var area: String?

    public init(id: String, name: String, kind: Kind, categories: Set<TicketCategory>, area: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.categories = categories
        self.area = area
    }
}

/// Sends a ticket to the unit that handles its category in its ward or commune.
///
/// Rules, in order:
/// 1. the ward/commune/special-zone unit of the ticket's area, if it handles the category;
/// 2. the first city-wide department or police unit (file order) that handles the category
///    — e.g. `y_te` goes to Sở Y tế, `giao_thong` to Sở Xây dựng;
/// 3. the central desk.
///
/// Utility companies (`kind: other`) are never chosen automatically: their service areas
/// are not in the data, so the desk forwards to them by hand.
///
///     let router = try TicketRouter(units: units)
///     router.route(category: .haTang, ward: "phuong tan dinh").unit.id   // "phuong-tan-dinh"
public struct TicketRouter: Sendable {
    public let units: [TicketUnit]
    public let desk: TicketUnit
    private let byID: [String: TicketUnit]
    private let byArea: [String: TicketUnit]
    private let byFoldedArea: [String: [TicketUnit]]

    /// The routing decision, with the recognised area name when the ward matched.
    public struct Decision: Sendable, Hashable {
        public var unit: TicketUnit
        /// The canonical area name ("Phường Tân Định") when the given ward was recognised.
        public var area: String?
        /// Which rule chose the unit: `area`, `city`, or `desk`.
        public var rule: String
    }

    /// - Throws: `TicketError.invalidInput` unless exactly one unit is the desk.
    public init(units: [TicketUnit]) throws(TicketError) {
        let desks = units.filter { $0.kind == .desk }
        guard desks.count == 1, let desk = desks.first else {
            throw .invalidInput(field: "units", message: "exactly one unit must be the central desk (kind desk), found \(desks.count)")
        }
        self.units = units
        self.desk = desk
        byID = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var exact: [String: TicketUnit] = [:]
        var folded: [String: [TicketUnit]] = [:]
        for unit in units {
            guard let area = unit.area else { continue }
            exact[Self.areaKey(area, fold: false)] = unit
            folded[Self.areaKey(area, fold: true), default: []].append(unit)
        }
        byArea = exact
        byFoldedArea = folded
    }

    public func unit(id: String) -> TicketUnit? { byID[id] }

    /// The unit whose area a citizen's ward text names, if exactly one does.
    ///
    /// Accepts the name with or without "phường"/"xã"/"đặc khu"/"P." and, when unambiguous,
    /// without diacritics ("tan dinh"); "Thạnh An" and "Thanh An" only match with their marks.
    public func area(matching ward: String) -> TicketUnit? {
        if let unit = byArea[Self.areaKey(ward, fold: false)] { return unit }
        if let candidates = byFoldedArea[Self.areaKey(ward, fold: true)], candidates.count == 1 { return candidates[0] }
        return nil
    }

    public func route(category: TicketCategory, ward: String?) -> Decision {
        let areaUnit = ward.flatMap { area(matching: $0) }
        if let unit = areaUnit, unit.categories.contains(category) {
            return Decision(unit: unit, area: unit.area, rule: "area")
        }
        if let unit = units.first(where: { ($0.kind == .department || $0.kind == .police) && $0.categories.contains(category) }) {
            return Decision(unit: unit, area: areaUnit?.area, rule: "city")
        }
        return Decision(unit: desk, area: areaUnit?.area, rule: "desk")
    }

    /// Lowercased NFC without the administrative prefix; optionally without diacritics.
    static func areaKey(_ text: String, fold: Bool) -> String {
        var key = text.precomposedStringWithCanonicalMapping.lowercased()
            .components(separatedBy: .whitespacesAndNewlines).filter { !$0.isEmpty }.joined(separator: " ")
        // "UBND phường Tân Định" carries two prefixes; strip until none is left.
        let prefixes = ["ubnd ", "phường ", "phuong ", "p. ", "p.", "xã ", "xa ", "đặc khu ", "dac khu "]
        while let prefix = prefixes.first(where: { key.hasPrefix($0) }) {
            key.removeFirst(prefix.count)
        }
        guard fold else { return key }
        return key.decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { !(0x300...0x36F).contains($0.value) }
            .map { $0 == "đ" ? "d" : String($0) }
            .joined()
    }
}
