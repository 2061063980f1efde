/// One problem in a data file, with where it is and how to fix it.
public struct DataIssue: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public var hint: String?

    public init(file: String, line: Int, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint
    }

    public var description: String {
        "\(file):\(line): \(message)" + (hint.map { " (fix: \($0))" } ?? "")
    }
}

/// A data file (or set of files) that failed validation; carries every issue found.
public struct DataError: Error, Sendable, CustomStringConvertible {
    public var issues: [DataIssue]

    public init(issues: [DataIssue]) { self.issues = issues }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
