import Foundation
import VietText
import Yams

/// Reads `corpus/procedures/*.yaml`, validating each file and the set as a whole.
public enum ProcedureLoader {
    static let keys = ["id", "kind", "code", "title", "aliases", "field", "level", "agency", "where", "channels", "steps",
                       "documents", "duration", "fee", "exemptions", "requirements", "result", "legal_basis", "notes",
                       "source", "updated", "examples"]
    static let required = ["id", "title", "aliases", "field", "level", "agency", "where", "channels", "steps", "documents",
                           "duration", "fee", "result", "legal_basis", "updated", "examples"]

    /// Loads every `.yaml` file of a folder (sorted by name) and checks them together.
    /// - Throws: `DataError` with every issue of every file.
    public static func load(directory: String) throws(DataError) -> [Procedure] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }.sorted()
        } catch {
            throw DataError(issues: [DataIssue(file: directory, line: 0, message: "cannot read the folder",
                                               hint: "pass --corpus with the folder that holds procedures/")])
        }
        var files: [YAMLFile] = []
        for name in names { files.append(YAMLFile(path: directory + "/" + name, displayName: "procedures/" + name)) }
        return try read(files)
    }

    /// Loads procedures from YAML texts keyed by file name (tests, tools).
    public static func load(texts: [(name: String, text: String)]) throws(DataError) -> [Procedure] {
        try read(texts.map { YAMLFile(text: $0.text, displayName: "procedures/" + $0.name) })
    }

    private static func read(_ files: [YAMLFile]) throws(DataError) -> [Procedure] {
        var procedures: [Procedure] = []
        var exampleLines: [String: [Int]] = [:]
        var lines: [String: (file: String, line: Int)] = [:]
        for file in files {
            guard let (procedure, examplesAt) = readProcedure(file) else { continue }
            exampleLines[procedure.file] = examplesAt
            let fileID = (file.displayName as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: "")
            if procedure.id != fileID {
                file.report(line: 1, "the id '\(procedure.id)' differs from the file name '\(fileID).yaml'",
                            hint: "rename the file or change the id so they match")
            }
            if let first = lines[procedure.id] {
                file.report(line: 1, "the id '\(procedure.id)' is already used by \(first.file)", hint: "give each procedure its own id")
            } else {
                lines[procedure.id] = (file.displayName, 1)
            }
            procedures.append(procedure)
        }
        var issues = files.flatMap(\.issues)
        issues += copiedExamples(procedures, exampleLines)
        if !issues.isEmpty { throw DataError(issues: issues) }
        return procedures
    }

    /// Examples must be distinctive: the same question (after normalization) in two procedures
    /// would teach retrieval that both answer it.
    private static func copiedExamples(_ procedures: [Procedure], _ lines: [String: [Int]]) -> [DataIssue] {
        var owner: [String: String] = [:]
        var issues: [DataIssue] = []
        for procedure in procedures {
            for (index, example) in procedure.examples.enumerated() {
                let key = VietString.normalize(example)
                if let other = owner[key], other != procedure.id {
                    let exampleLines = lines[procedure.file] ?? []
                    issues.append(DataIssue(file: procedure.file, line: index < exampleLines.count ? exampleLines[index] : 1,
                                            message: "the example '\(example)' is also an example of '\(other)'",
                                            hint: "rewrite it so it fits only this procedure"))
                } else {
                    owner[key] = procedure.id
                }
            }
        }
        return issues
    }

    /// One procedure and the line of each of its examples.
    static func readProcedure(_ file: YAMLFile) -> (Procedure, [Int])? {
        guard let fields = file.mapping(file.root, allowed: keys, required: required, what: "a procedure") else { return nil }
        let id = file.string(fields["id"], field: "id") ?? ""
        if !id.isEmpty, !id.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) {
            file.report(fields["id"], "the id '\(id)' is not kebab-case ASCII", hint: "use lowercase letters, digits and '-'")
        }
        let kindText = fields["kind"].flatMap { file.string($0, field: "kind") } ?? "procedure"
        let kind = Procedure.Kind(rawValue: kindText)
        if kind == nil {
            file.report(fields["kind"], "unknown kind '\(kindText)'", hint: "use procedure, guide or imported")
        }
        let isGuide = kind == .guide
        let isImported = kind == .imported
        let procedure = Procedure(
            id: id, kind: kind ?? .procedure,
            code: fields["code"].flatMap { file.string($0, field: "code", allowEmpty: true) } ?? "",
            title: file.string(fields["title"], field: "title") ?? "",
            aliases: file.strings(fields["aliases"], field: "aliases", minimum: isImported ? 0 : 2) ?? [],
            field: file.string(fields["field"], field: "field") ?? "",
            level: file.string(fields["level"], field: "level") ?? "",
            agency: file.string(fields["agency"], field: "agency") ?? "",
            place: readPlace(fields["where"], file),
            channels: readChannels(fields["channels"], file),
            steps: file.strings(fields["steps"], field: "steps", minimum: 1) ?? [],
            documents: readList(fields["documents"], file, field: "documents", readDocument),
            duration: readList(fields["duration"], file, field: "duration", readDuration),
            fee: readList(fields["fee"], file, field: "fee", readFee),
            exemptions: fields["exemptions"].flatMap { file.strings($0, field: "exemptions") } ?? [],
            requirements: fields["requirements"].flatMap { file.strings($0, field: "requirements") } ?? [],
            result: file.string(fields["result"], field: "result") ?? "",
            legalBasis: file.strings(fields["legal_basis"], field: "legal_basis", minimum: isGuide || isImported ? 0 : 1) ?? [],
            notes: fields["notes"].flatMap { file.strings($0, field: "notes") } ?? [],
            source: fields["source"].flatMap { file.string($0, field: "source") },
            updated: readDate(fields["updated"], file),
            examples: file.strings(fields["examples"], field: "examples", minimum: isImported ? 0 : 4) ?? [],
            file: file.displayName)
        if !isGuide && !isImported {
            for (field, list) in [("documents", procedure.documents.count), ("duration", procedure.duration.count), ("fee", procedure.fee.count)]
            where list == 0 && fields[field]?.sequence != nil {
                file.report(fields[field], "'\(field)' is empty for a procedure", hint: "list at least one entry, or set kind: guide")
            }
        }
        return (procedure, file.lines(of: fields["examples"]))
    }

    private static func readPlace(_ node: Node?, _ file: YAMLFile) -> Procedure.Place {
        guard let fields = file.mapping(node, allowed: ["offices", "online"], required: ["offices"], what: "'where'") else {
            return Procedure.Place(offices: [], online: nil)
        }
        let online = fields["online"].flatMap { file.string($0, field: "where.online") }
        if let online, !online.hasPrefix("https://") {
            file.report(fields["online"], "'where.online' must be an https:// link", hint: "write the portal address")
        }
        return Procedure.Place(offices: file.strings(fields["offices"], field: "where.offices", minimum: 1) ?? [], online: online)
    }

    private static func readChannels(_ node: Node?, _ file: YAMLFile) -> [Procedure.Channel] {
        let names = file.strings(node, field: "channels", minimum: 1) ?? []
        return names.compactMap { name in
            guard let channel = Procedure.Channel(rawValue: name) else {
                file.report(node, "unknown channel '\(name)'",
                            hint: "use: \(Procedure.Channel.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            return channel
        }
    }

    private static func readChannel(_ node: Node?, _ file: YAMLFile) -> Procedure.Channel? {
        guard let text = node.flatMap({ file.string($0, field: "channel") }) else { return nil }
        guard let channel = Procedure.Channel(rawValue: text) else {
            file.report(node, "unknown channel '\(text)'", hint: "use: \(Procedure.Channel.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return channel
    }

    private static func readList<T>(_ node: Node?, _ file: YAMLFile, field: String,
                                    _ read: (Node, YAMLFile) -> T?) -> [T] {
        guard let node else { return [] }
        guard let sequence = node.sequence else {
            file.report(node, "'\(field)' must be a list", hint: "write one `- …` entry per line")
            return []
        }
        return sequence.compactMap { read($0, file) }
    }

    private static func readDocument(_ node: Node, _ file: YAMLFile) -> Procedure.Document? {
        guard let fields = file.mapping(node, allowed: ["name", "form", "count", "note"], required: ["name"], what: "a document"),
              let name = file.string(fields["name"], field: "name") else { return nil }
        return Procedure.Document(name: name, form: fields["form"].flatMap { file.string($0, field: "form") },
                                  count: fields["count"].flatMap { file.string($0, field: "count") },
                                  note: fields["note"].flatMap { file.string($0, field: "note") })
    }

    private static func readDuration(_ node: Node, _ file: YAMLFile) -> Procedure.Duration? {
        guard let fields = file.mapping(node, allowed: ["channel", "time"], required: ["time"], what: "a duration"),
              let time = file.string(fields["time"], field: "time") else { return nil }
        return Procedure.Duration(channel: readChannel(fields["channel"], file), time: time)
    }

    private static func readFee(_ node: Node, _ file: YAMLFile) -> Procedure.Fee? {
        guard let fields = file.mapping(node, allowed: ["channel", "amount", "note"], required: ["amount"], what: "a fee"),
              let amount = file.string(fields["amount"], field: "amount") else { return nil }
        return Procedure.Fee(channel: readChannel(fields["channel"], file), amount: amount,
                             note: fields["note"].flatMap { file.string($0, field: "note") })
    }

    private static func readDate(_ node: Node?, _ file: YAMLFile) -> String {
        guard let text = file.string(node, field: "updated") else { return "" }
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts.allSatisfy({ Int($0) != nil }),
              let month = Int(parts[1]), (1...12).contains(month), let day = Int(parts[2]), (1...31).contains(day) else {
            file.report(node, "'updated' must be a date YYYY-MM-DD, got '\(text)'", hint: "write the day the facts were checked, e.g. 2026-11-29")
            return text
        }
        return text
    }
}
