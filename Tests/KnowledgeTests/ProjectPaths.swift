import Foundation
import Testing

/// Paths of the project's own data and of `../shared` beside it.
enum ProjectPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static var corpus: String { root.appendingPathComponent("corpus").path }
    static var intents: String { root.appendingPathComponent("intents").path }
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    static var sharedAvailable: Bool { FileManager.default.fileExists(atPath: shared.appendingPathComponent("catalogue").path) }
    static let sharedSkip: Comment = "../shared/catalogue is absent: the catalogue coverage check cannot run here"

    /// JSON Lines of a project file as dictionaries.
    static func jsonLines(_ relative: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: path(relative), encoding: .utf8)
        return try text.split(separator: "\n").filter { !$0.isEmpty }.map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }
}
