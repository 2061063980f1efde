import ArgumentParser
import Foundation
import Knowledge

/// `hoidap validate`: checks the officers' data files and says exactly what to fix.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate corpus and intent files; every error with file:line and a fix hint.",
        discussion: "With no PATH, validates the whole corpus and intents folders. A PATH may be a procedure file, the procedures folder, units.yaml, lexicon.yaml, or an intents folder. The exit code is 0 only when everything passed."
    )

    @OptionGroup var data: DataOptions

    @Argument(help: "Files or folders to validate.")
    var paths: [String] = []

    func run() throws {
        var issues: [DataIssue] = []
        var checked: [String] = []
        if paths.isEmpty {
            do {
                let knowledge = try KnowledgeBase.load(corpus: data.corpusDirectory, intents: data.intentsDirectory)
                checked.append("\(knowledge.procedures.count) procedures, \(knowledge.units.units.count) units, "
                               + "\(knowledge.lexicon.entries.count) lexicon entries, intents")
            } catch {
                issues = error.issues
            }
        } else {
            for path in paths {
                do { checked.append(try validate(path)) } catch { issues += error.issues }
            }
        }
        for issue in issues { print(issue.description) }
        if issues.isEmpty {
            print("ok: " + checked.joined(separator: "; "))
        } else {
            print("\(issues.count) problem\(issues.count == 1 ? "" : "s") found")
            throw ExitCode(1)
        }
    }

    private func validate(_ path: String) throws(DataError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DataError(issues: [DataIssue(file: path, line: 0, message: "no such file or folder")])
        }
        let name = (path as NSString).lastPathComponent
        if isDirectory.boolValue {
            if FileManager.default.fileExists(atPath: path + "/lexicon.yaml") {
                _ = try IntentLoader.load(directory: path)
                _ = try LexiconLoader.load(path: path + "/lexicon.yaml")
                return "\(path): intents and lexicon"
            }
            let folder = FileManager.default.fileExists(atPath: path + "/procedures") ? path + "/procedures" : path
            return "\(path): \(try ProcedureLoader.load(directory: folder).count) procedures"
        }
        switch name {
        case "units.yaml": return "\(path): \(try UnitCatalog.load(path: path).units.count) units"
        case "lexicon.yaml": return "\(path): \(try LexiconLoader.load(path: path).entries.count) lexicon entries"
        default:
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            return "\(path): \(try ProcedureLoader.load(texts: [(name, text)]).count) procedure"
        }
    }
}
