/// Writes a `Procedure` in the curated YAML format (`corpus/README.md`), keys in the
/// documented order, every text double-quoted so any content round-trips.
public enum ProcedureYAML {
    public static func render(_ procedure: Procedure) -> String {
        var lines: [String] = []
        func scalar(_ key: String, _ value: String, indent: String = "") { lines.append("\(indent)\(key): \(quote(value))") }
        func list(_ key: String, _ values: [String]) {
            if values.isEmpty { lines.append("\(key): []"); return }
            lines.append("\(key):")
            for value in values { lines.append("  - \(quote(value))") }
        }
        scalar("id", procedure.id)
        scalar("kind", procedure.kind.rawValue)
        scalar("code", procedure.code)
        scalar("title", procedure.title)
        list("aliases", procedure.aliases)
        scalar("field", procedure.field)
        scalar("level", procedure.level)
        scalar("agency", procedure.agency)
        lines.append("where:")
        lines.append("  offices:")
        for office in procedure.place.offices { lines.append("    - \(quote(office))") }
        if let online = procedure.place.online { scalar("online", online, indent: "  ") }
        lines.append("channels: [" + procedure.channels.map { quote($0.rawValue) }.joined(separator: ", ") + "]")
        list("steps", procedure.steps)
        if procedure.documents.isEmpty { lines.append("documents: []") } else {
            lines.append("documents:")
            for document in procedure.documents {
                lines.append("  - name: \(quote(document.name))")
                if let form = document.form { lines.append("    form: \(quote(form))") }
                if let count = document.count { lines.append("    count: \(quote(count))") }
                if let note = document.note { lines.append("    note: \(quote(note))") }
            }
        }
        if procedure.duration.isEmpty { lines.append("duration: []") } else {
            lines.append("duration:")
            for duration in procedure.duration {
                lines.append("  - time: \(quote(duration.time))")
                if let channel = duration.channel { lines.append("    channel: \(quote(channel.rawValue))") }
            }
        }
        if procedure.fee.isEmpty { lines.append("fee: []") } else {
            lines.append("fee:")
            for fee in procedure.fee {
                lines.append("  - amount: \(quote(fee.amount))")
                if let channel = fee.channel { lines.append("    channel: \(quote(channel.rawValue))") }
                if let note = fee.note { lines.append("    note: \(quote(note))") }
            }
        }
        if !procedure.exemptions.isEmpty { list("exemptions", procedure.exemptions) }
        if !procedure.requirements.isEmpty { list("requirements", procedure.requirements) }
        scalar("result", procedure.result)
        list("legal_basis", procedure.legalBasis)
        if !procedure.notes.isEmpty { list("notes", procedure.notes) }
        if let source = procedure.source { scalar("source", source) }
        scalar("updated", procedure.updated)
        list("examples", procedure.examples)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar.
    static func quote(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                    output += String(format: "\\x%02X", scalar.value)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}

import Foundation
