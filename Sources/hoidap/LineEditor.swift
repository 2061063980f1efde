import Foundation

/// Reads lines for the REPL, keeping a history file so officers can recall earlier
/// questions across runs. Arrow-key editing comes from the terminal (or `rlwrap hoidap chat`);
/// no readline library is linked, to keep the build to Debian's base packages.
final class LineEditor {
    private let historyFile: String?
    private var history: [String] = []

    init(historyFile: String?) {
        self.historyFile = historyFile
        if let historyFile, let text = try? String(contentsOfFile: historyFile, encoding: .utf8) {
            history = text.split(separator: "\n").map(String.init)
        }
    }

    /// One line, or nil at end of input.
    func readLine(prompt: String) -> String? {
        if !prompt.isEmpty { print(prompt, terminator: ""); fflush(nil) }
        guard let line = Swift.readLine(strippingNewline: true) else { return nil }
        if let historyFile, !line.isEmpty, line != history.last {
            history.append(line)
            history = Array(history.suffix(500))
            try? (history.joined(separator: "\n") + "\n").write(toFile: historyFile, atomically: true, encoding: .utf8)
        }
        return line
    }
}
