import Yams
import VietText

/// Reads `intents/lexicon.yaml` into a `Lexicon`, refusing a file with any issue.
public enum LexiconLoader {
    static let entryKeys = ["term", "kind", "readings", "weight"]

    /// Loads and validates a lexicon file.
    /// - Throws: `DataError` listing every issue with file:line.
    public static func load(path: String) throws(DataError) -> Lexicon {
        let file = YAMLFile(path: path)
        return try read(file)
    }

    /// Loads a lexicon from YAML text (tests, tools).
    public static func load(text: String, name: String = "lexicon.yaml") throws(DataError) -> Lexicon {
        try read(YAMLFile(text: text, displayName: name))
    }

    private static func read(_ file: YAMLFile) throws(DataError) -> Lexicon {
        var entries: [Lexicon.Entry] = []
        if let top = file.mapping(file.root, allowed: ["entries"], required: ["entries"], what: "the lexicon") {
            if let list = top["entries"], list.sequence == nil {
                file.report(list, "'entries' must be a list", hint: "write one `- term: …` block per entry")
            }
            var seen: [String: Int] = [:]
            for node in top["entries"]?.sequence ?? [] {
                guard let entry = readEntry(node, file) else { continue }
                let key = VietString.normalize(entry.term)
                let line = node.mark?.line ?? 0
                if let first = seen[key] {
                    file.report(node, "the term '\(entry.term)' is already defined at line \(first)",
                                hint: "merge the readings into one entry")
                } else {
                    seen[key] = line
                    entries.append(entry)
                }
            }
        }
        if !file.issues.isEmpty { throw DataError(issues: file.issues) }
        return Lexicon(entries: entries)
    }

    private static func readEntry(_ node: Node, _ file: YAMLFile) -> Lexicon.Entry? {
        guard let fields = file.mapping(node, allowed: entryKeys, required: ["term", "kind", "readings"], what: "a lexicon entry"),
              let term = file.string(fields["term"], field: "term"),
              let kindText = file.string(fields["kind"], field: "kind"),
              let readings = file.strings(fields["readings"], field: "readings", minimum: 1)
        else { return nil }
        guard let kind = Lexicon.Kind(rawValue: kindText) else {
            file.report(fields["kind"], "unknown kind '\(kindText)'",
                        hint: "use one of: \(Lexicon.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        if term != term.lowercased() {
            file.report(fields["term"], "the term '\(term)' is not lowercase", hint: "write it as '\(term.lowercased())'")
        }
        var weight: Double? = nil
        if let node = fields["weight"] {
            weight = file.double(node, field: "weight")
            if let value = weight, !(value > 0 && value <= 1) {
                file.report(node, "weight \(value) is outside (0, 1]", hint: "use a number such as 0.8")
                return nil
            }
        }
        return Lexicon.Entry(term: term, kind: kind, readings: readings, weight: weight)
    }
}
