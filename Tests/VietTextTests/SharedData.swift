import Foundation
import Testing

/// The read-only data in `../shared/data` beside the project; tests that use it skip, saying
/// why, when it is absent.
enum SharedData {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data")

    static var available: Bool { FileManager.default.fileExists(atPath: root.path) }

    static let skipReason: Comment = "../shared/data is absent: the peers' conformance suites cannot run here"

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    /// Tab-separated rows, comments and blank lines skipped.
    static func tsv(_ relative: String) throws -> [[String]] {
        try text(relative).split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Decodes `\uXXXX` escapes as written in the vi-textmatch vectors.
    static func unescape(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let range = rest.range(of: "\\u") {
            output += rest[..<range.lowerBound]
            let hex = rest[range.upperBound...].prefix(4)
            if hex.count == 4, let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                output.unicodeScalars.append(scalar)
                rest = rest[range.upperBound...].dropFirst(4)
            } else {
                output += "\\u"
                rest = rest[range.upperBound...]
            }
        }
        return output + rest
    }
}
