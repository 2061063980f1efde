import ArgumentParser
import Foundation
import Knowledge

/// `hoidap import`: converts the national portal's records into curated-format files.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert portal procedure records into corpus files (corpus/README.md format, kind: imported)."
    )

    @Option(help: "Input format (only dvc: the national portal's JSON Lines records).")
    var format: String = "dvc"

    @Argument(help: "The records file.")
    var file: String

    @Option(help: "Folder to write <id>.yaml files and import-report.txt into.")
    var out: String

    @Option(help: "Date written as 'updated' (YYYY-MM-DD; default today).")
    var updated: String?

    func validate() throws {
        guard format == "dvc" else { throw ValidationError("unknown format '\(format)': only dvc is supported") }
    }

    func run() throws {
        let today = updated ?? ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(secondsFromGMT: 7 * 3600)!,
                                                         formatOptions: [.withFullDate])
        let outcomes: [PortalImporter.Outcome]
        do { outcomes = try PortalImporter.importRecords(path: file, updated: today) } catch { throw ValidationError(error.description) }
        do { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) } catch {
            throw ValidationError("cannot create \(out): \(error.localizedDescription)")
        }
        var clean = 0, partial = 0, rejected = 0
        var report: [String] = []
        for outcome in outcomes {
            switch outcome {
            case .clean(let procedure):
                clean += 1
                try write(procedure)
            case .partial(let procedure, let reasons):
                partial += 1
                try write(procedure)
                report.append("\(procedure.code)\tpartial\t\(reasons.joined(separator: "; "))")
            case .rejected(let line, let reasons):
                rejected += 1
                report.append("line \(line)\trejected\t\(reasons.joined(separator: "; "))")
            }
        }
        let reportPath = out + "/import-report.txt"
        try (report.joined(separator: "\n") + "\n").write(toFile: reportPath, atomically: true, encoding: .utf8)
        print("\(outcomes.count) records: \(clean) imported cleanly, \(partial) imported with gaps, \(rejected) rejected")
        for line in report.prefix(10) { print("  " + line) }
        if report.count > 10 { print("  … \(report.count - 10) more in \(reportPath)") }
    }

    private func write(_ procedure: Procedure) throws {
        let path = out + "/" + procedure.id + ".yaml"
        do { try ProcedureYAML.render(procedure).write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw ValidationError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
