import Foundation
import Yams

/// A parsed YAML file that records validation issues with file:line as it is read.
///
/// Readers call `mapping`, `string`, `strings` and friends on nodes; each reports what is
/// wrong (unknown or missing keys, wrong types, empty or non-NFC text) and returns nil, so
/// one pass finds every problem in the file instead of stopping at the first.
final class YAMLFile {
    let path: String
    let displayName: String
    private(set) var issues: [DataIssue] = []
    private(set) var root: Node?

    init(path: String, displayName: String? = nil) {
        self.path = path
        self.displayName = displayName ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            issues.append(DataIssue(file: self.displayName, line: 0, message: "cannot read the file",
                                    hint: "check that it exists and is readable"))
            return
        }
        guard let text = String(data: data, encoding: .utf8) else {
            issues.append(DataIssue(file: self.displayName, line: 0, message: "the file is not valid UTF-8",
                                    hint: "save it as UTF-8"))
            return
        }
        parse(text)
    }

    init(text: String, displayName: String) {
        self.path = displayName
        self.displayName = displayName
        parse(text)
    }

    private func parse(_ text: String) {
        do {
            root = try Yams.compose(yaml: text)
            if root == nil { report(line: 1, "the file is empty", hint: "see the format in the folder's README.md") }
        } catch let error as YamlError {
            report(line: Self.line(of: error), "YAML syntax error: \(Self.problem(of: error))",
                   hint: "check indentation and quote values that contain ': ' or start with a special character")
        } catch {
            report(line: 1, "YAML syntax error", hint: nil)
        }
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _): mark.line
        default: 1
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case let .scanner(_, problem, _, _), let .parser(_, problem, _, _), let .composer(_, problem, _, _): problem
        case let .duplicatedKeysInMapping(duplicates, _): "duplicate keys \(duplicates.joined(separator: ", "))"
        default: "\(error)"
        }
    }

    /// Records an issue at a node's line.
    func report(_ node: Node?, _ message: String, hint: String? = nil) {
        report(line: node?.mark?.line ?? 1, message, hint: hint)
    }

    func report(line: Int, _ message: String, hint: String? = nil) {
        issues.append(DataIssue(file: displayName, line: line, message: message, hint: hint))
    }

    /// The keys of a mapping node; reports a non-mapping, unknown keys and missing required ones.
    func mapping(_ node: Node?, allowed: [String], required: [String], what: String) -> [String: Node]? {
        guard let node else { return nil }
        guard let mapping = node.mapping else {
            report(node, "\(what) must be a mapping of keys to values", hint: "write `key: value` lines")
            return nil
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else {
                report(key, "\(what) has a key that is not text")
                continue
            }
            if !allowed.contains(name) {
                report(key, "unknown key '\(name)' in \(what)", hint: "allowed keys: \(allowed.joined(separator: ", "))")
            }
            result[name] = value
        }
        for name in required where result[name] == nil {
            report(node, "\(what) is missing the required key '\(name)'")
        }
        return result
    }

    /// A non-empty NFC text value.
    func string(_ node: Node?, field: String, allowEmpty: Bool = false) -> String? {
        guard let node else { return nil }
        guard case let .scalar(scalar) = node else {
            report(node, "'\(field)' must be text", hint: "write a single value, not a list or mapping")
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty, !allowEmpty {
            report(node, "'\(field)' is empty", hint: "fill it in or remove the entry")
            return nil
        }
        checkNFC(text, node: node, field: field)
        return text
    }

    /// A list of non-empty NFC texts.
    func strings(_ node: Node?, field: String, minimum: Int = 0) -> [String]? {
        guard let node else { return nil }
        guard let sequence = node.sequence else {
            report(node, "'\(field)' must be a list", hint: "write one `- item` per line")
            return nil
        }
        let values = sequence.compactMap { string($0, field: field) }
        if values.count < minimum {
            report(node, "'\(field)' needs at least \(minimum) entries, has \(values.count)")
        }
        return values
    }

    /// The line of each item of a list node (for issues found after reading).
    func lines(of node: Node?) -> [Int] {
        node?.sequence?.map { $0.mark?.line ?? 1 } ?? []
    }

    /// A number value.
    func double(_ node: Node?, field: String) -> Double? {
        guard let node else { return nil }
        guard let value = node.float ?? node.int.map(Double.init) else {
            report(node, "'\(field)' must be a number")
            return nil
        }
        return value
    }

    func checkNFC(_ text: String, node: Node, field: String) {
        if text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars) == false {
            report(node, "'\(field)' is not in Unicode NFC", hint: "re-save the text composed (NFC); some editors decompose accents")
        }
    }
}
