import ArgumentParser
import Foundation
import Knowledge
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
struct AnalysisReport: Encodable {
    struct TokenView: Encodable {
        var text: String
        var folded: String
        var kind: String
        var position: Int
        var start: Int
        var end: Int
    }

    struct AlternativeView: Encodable {
        var text: String
        var weight: Double
        var reason: String
        var span: [Int]
    }

    var input: String
    var normalized: String
    var folded: String
    var tokens: [TokenView]
    var alternatives: [AlternativeView]
    var warnings: [String]

    init(_ analysis: Analysis) {
        input = analysis.input.text
        normalized = analysis.normalized
        folded = analysis.folded
        tokens = analysis.tokens.map {
            TokenView(text: $0.text, folded: $0.folded, kind: $0.kind.rawValue, position: $0.position,
                      start: $0.utf8Range.lowerBound, end: $0.utf8Range.upperBound)
        }
        alternatives = analysis.alternatives.map {
            AlternativeView(text: $0.text, weight: $0.weight, reason: $0.reason.rawValue,
                            span: [$0.span.lowerBound, $0.span.upperBound])
        }
        warnings = analysis.warnings
    }

    func jsonLine() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    func text() -> String {
        var lines = ["input:      \(input)", "normalized: \(normalized)", "folded:     \(folded)", "tokens:"]
        for token in tokens {
            let kind = token.kind == "word" ? "" : " [\(token.kind)]"
            lines.append("  \(token.position)  \(token.text) / \(token.folded)  bytes \(token.start)..<\(token.end)\(kind)")
        }
        if !alternatives.isEmpty {
            lines.append("alternatives:")
            for alternative in alternatives {
                lines.append("  \(alternative.span[0])..<\(alternative.span[1])  \(alternative.text)  weight \(alternative.weight)  (\(alternative.reason))")
            }
        }
        for warning in warnings { lines.append("warning: \(warning)") }
        return lines.joined(separator: "\n")
    }
}
