import Yams

/// The units that receive 1022 tickets, read from `corpus/units.yaml`.
///
/// Loading validates the whole file in one pass and refuses it with every issue at
/// file:line: unknown keys, missing fields, duplicate ids or areas, unknown kinds and
/// categories, ward units without an area, and anything but exactly one `desk`.
///
///     let catalog = try UnitCatalog.load(path: "corpus/units.yaml")
///     catalog.desk.id                              // "trung-tam-1022"
///     catalog.unit(id: "so-y-te")?.categories      // ["y_te"]
public struct UnitCatalog: Sendable, Hashable {
    /// One unit, as written in the file.
    public struct Unit: Sendable, Hashable {
        public var id: String
        public var name: String
        public var kind: Kind
        public var categories: [String]
        public var fields: [String]
        public var area: String?
        public var contact: Contact?
        public var line: Int
    }

    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case department, police, ward, commune, specialZone = "special_zone", desk, other

        /// Kinds that stand for one ward, commune or special zone and so need an `area`.
        public var isLocal: Bool { self == .ward || self == .commune || self == .specialZone }
    }

    public struct Contact: Sendable, Hashable {
        public var phone: String?
        public var email: String?
        public var address: String?
        public var website: String?
    }

    /// The escalation categories of DESIGN.md (also the keys of `intents/escalation.yaml`).
    public static let categories = ["ha_tang", "giao_thong", "trat_tu_do_thi", "moi_truong", "y_te", "hanh_chinh", "an_ninh", "khac"]

    static let unitKeys = ["id", "name", "kind", "categories", "fields", "area", "contact"]
    static let contactKeys = ["phone", "email", "address", "website"]

    public let units: [Unit]

    /// The central desk (exactly one; guaranteed by loading).
    public var desk: Unit { units.first { $0.kind == .desk }! }

    public func unit(id: String) -> Unit? { units.first { $0.id == id } }

    /// Loads and validates a units file.
    /// - Throws: `DataError` listing every issue with file:line.
    public static func load(path: String) throws(DataError) -> UnitCatalog {
        try read(YAMLFile(path: path))
    }

    /// Loads units from YAML text (tests, tools).
    public static func load(text: String, name: String = "units.yaml") throws(DataError) -> UnitCatalog {
        try read(YAMLFile(text: text, displayName: name))
    }

    private static func read(_ file: YAMLFile) throws(DataError) -> UnitCatalog {
        var units: [Unit] = []
        if let top = file.mapping(file.root, allowed: ["units"], required: ["units"], what: "the units file") {
            if let list = top["units"], list.sequence == nil {
                file.report(list, "'units' must be a list", hint: "write one `- id: …` block per unit")
            }
            var ids: [String: Int] = [:]
            var areas: [String: Int] = [:]
            for node in top["units"]?.sequence ?? [] {
                guard let unit = readUnit(node, file) else { continue }
                if let first = ids[unit.id] {
                    file.report(line: unit.line, "the id '\(unit.id)' is already used at line \(first)", hint: "give each unit its own id")
                    continue
                }
                ids[unit.id] = unit.line
                if let area = unit.area {
                    if let first = areas[area] {
                        file.report(line: unit.line, "the area '\(area)' is already the area of the unit at line \(first)",
                                    hint: "each ward or commune has one unit")
                    }
                    areas[area] = unit.line
                }
                units.append(unit)
            }
            let desks = units.filter { $0.kind == .desk }
            let hint = "the desk (id trung-tam-1022) receives what no other unit matches"
            if desks.isEmpty, let node = top["units"] {
                file.report(node, "there must be exactly one unit of kind desk, found 0", hint: hint)
            }
            for extra in desks.dropFirst() {
                file.report(line: extra.line, "there must be exactly one unit of kind desk, found \(desks.count) (the first is at line \(desks[0].line))", hint: hint)
            }
        }
        if !file.issues.isEmpty { throw DataError(issues: file.issues) }
        return UnitCatalog(units: units)
    }

    private static func readUnit(_ node: Node, _ file: YAMLFile) -> Unit? {
        guard let fields = file.mapping(node, allowed: unitKeys, required: ["id", "name", "kind", "categories"], what: "a unit") else {
            return nil
        }
        let line = node.mark?.line ?? 0
        let id = file.string(fields["id"], field: "id")
        let name = file.string(fields["name"], field: "name")
        let kindText = file.string(fields["kind"], field: "kind")
        let categories = file.strings(fields["categories"], field: "categories")
        let procedureFields = fields["fields"].map { file.strings($0, field: "fields") ?? [] } ?? []
        let area = file.string(fields["area"], field: "area")
        let contact = readContact(fields["contact"], file)
        var valid = true
        if let id, !isKebabCase(id) {
            file.report(fields["id"], "the id '\(id)' is not kebab-case ASCII", hint: "use lowercase letters, digits and single dashes")
            valid = false
        }
        var kind: Kind?
        if let kindText {
            kind = Kind(rawValue: kindText)
            if kind == nil {
                file.report(fields["kind"], "unknown kind '\(kindText)'", hint: "use one of: \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        for (offset, category) in (categories ?? []).enumerated() where !Self.categories.contains(category) {
            file.report(fields["categories"]?.sequence?[offset] ?? fields["categories"], "unknown category '\(category)'",
                        hint: "use one of: \(Self.categories.joined(separator: ", "))")
            valid = false
        }
        if let kind, kind.isLocal, area == nil, fields["area"] == nil {
            file.report(node, "a \(kind.rawValue) unit needs an 'area' (its own name, e.g. Phường Sài Gòn)")
            valid = false
        }
        if let kind, !kind.isLocal, fields["area"] != nil {
            file.report(fields["area"], "only ward, commune and special_zone units have an 'area'", hint: "remove it from this \(kind.rawValue) unit")
            valid = false
        }
        guard valid, let id, let name, let kind, let categories else { return nil }
        return Unit(id: id, name: name, kind: kind, categories: categories, fields: procedureFields, area: area, contact: contact, line: line)
    }

    private static func readContact(_ node: Node?, _ file: YAMLFile) -> Contact? {
        guard let node, let fields = file.mapping(node, allowed: contactKeys, required: [], what: "a contact") else { return nil }
        return Contact(phone: file.string(fields["phone"], field: "phone"), email: file.string(fields["email"], field: "email"),
                       address: file.string(fields["address"], field: "address"), website: file.string(fields["website"], field: "website"))
    }

    static func isKebabCase(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix("-") && !text.hasSuffix("-") && !text.contains("--")
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
