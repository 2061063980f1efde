import ArgumentParser
import Foundation
import Knowledge
import OrderedJSON
import VietText

/// `hoidap analyze`: shows officers how hoidap reads a text.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Show the normalized and folded text, tokens with offsets, and query alternatives.",
        discussion: "With no TEXT, reads one text per line from standard input (an interactive session on a terminal)."
    )

    @Flag(help: "Print one JSON object per text.")
    var json = false

    @Option(help: "Analyze as a document or a query (query adds repairs and lexicon readings).")
    var purpose: Purpose = .query

    @OptionGroup var data: DataOptions

    @Argument(help: "Texts to analyze.")
    var texts: [String] = []

    enum Purpose: String, ExpressibleByArgument, CaseIterable {
        case document, query
    }

    func run() throws {
        let lexicon: Lexicon
        do {
            lexicon = try LexiconLoader.load(path: data.lexiconPath)
        } catch {
            throw ValidationError("the lexicon is invalid:\n\(error.description)")
        }
        let analyzer = Analyzer.document.with(lexicon: lexicon)
        let mode: Analyzer.Purpose = purpose == .document ? .document : .query
        if !texts.isEmpty {
            for text in texts { print(render(analyzer.analyze(text, purpose: mode))) }
            return
        }
        let interactive = isatty(STDIN_FILENO) == 1
        if interactive { print("hoidap analyze — type a question, an empty line or Ctrl-D to quit.") }
        while true {
            if interactive { print("> ", terminator: ""); fflush(nil) }
            guard let line = readLine(strippingNewline: true) else { break }
            if interactive && line.isEmpty { break }
            print(render(analyzer.analyze(line, purpose: mode)))
        }
    }

    private func render(_ analysis: Analysis) -> String {
        json ? AnalysisReport(analysis).jsonLine() : AnalysisReport(analysis).text()
    }
}

/// The printable view of an analysis, in the `analyze --json` contract's field order.
struct AnalysisReport {
    let analysis: Analysis

    init(_ analysis: Analysis) { self.analysis = analysis }

    /// `{"input", "normalized", "folded", "tokens", "alternatives"}`; offsets in UTF-8 bytes of the input.
    func json() -> JSON {
        var pairs: [(String, JSON)] = [
            ("input", .string(analysis.input.text)),
            ("normalized", .string(analysis.normalized)),
            ("folded", .string(analysis.folded)),
            ("tokens", .array(analysis.tokens.map { token in
                .object([("text", .string(token.text)), ("folded", .string(token.folded)), ("kind", .string(token.kind.rawValue)),
                         ("position", .int(token.position)), ("start", .int(token.utf8Range.lowerBound)), ("end", .int(token.utf8Range.upperBound))])
            })),
            ("alternatives", .array(analysis.alternatives.map { alternative in
                .object([("text", .string(alternative.text)), ("weight", .double(alternative.weight)),
                         ("reason", .string(alternative.reason.rawValue)),
                         ("span", .array([.int(alternative.span.lowerBound), .int(alternative.span.upperBound)]))])
            })),
        ]
        if !analysis.warnings.isEmpty { pairs.append(("warnings", .strings(analysis.warnings))) }
        return .object(pairs)
    }

    func jsonLine() -> String { json().serialized() }

    func text() -> String {
        var lines = ["input:      \(analysis.input.text)", "normalized: \(analysis.normalized)", "folded:     \(analysis.folded)", "tokens:"]
        for token in analysis.tokens {
            let kind = token.kind == .word ? "" : " [\(token.kind.rawValue)]"
            lines.append("  \(token.position)  \(token.text) / \(token.folded)  bytes \(token.utf8Range.lowerBound)..<\(token.utf8Range.upperBound)\(kind)")
        }
        if !analysis.alternatives.isEmpty {
            lines.append("alternatives:")
            for alternative in analysis.alternatives {
                lines.append("  \(alternative.span.lowerBound)..<\(alternative.span.upperBound)  \(alternative.text)  weight \(alternative.weight)  (\(alternative.reason.rawValue))")
            }
        }
        for warning in analysis.warnings { lines.append("warning: \(warning)") }
        return lines.joined(separator: "\n")
    }
}
