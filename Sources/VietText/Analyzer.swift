/// Turns text into tokens, index terms and (for queries) weighted alternatives.
///
/// Built as a tokenizer followed by filters, in the manner of tantivy and bleve:
///
///     let analyzer = Analyzer(WordTokenizer())
///         .filter(CompoundFilter())
///         .filter(NormalizeFilter())
///         .filter(NumberReadingFilter())
///     let analysis = analyzer.analyze("Làm lại CCCD hết bn tiền?", purpose: .query)
///
/// `purpose` mirrors FTS5's tokenizer flags: documents get tokens and terms; queries also get
/// repairs (telex, VNI) and lexicon readings as alternatives, never silent rewrites.
public struct Analyzer: Sendable {
    /// What the text is for.
    public enum Purpose: String, Sendable {
        case document, query
    }

    public let tokenizer: WordTokenizer
    public let filters: [any TokenFilter]
    public let lexicon: Lexicon?

    public init(_ tokenizer: WordTokenizer = WordTokenizer(), filters: [any TokenFilter] = [], lexicon: Lexicon? = nil) {
        self.tokenizer = tokenizer
        self.filters = filters
        self.lexicon = lexicon
    }

    /// A copy with one more filter at the end of the chain.
    public func filter(_ filter: any TokenFilter) -> Analyzer {
        Analyzer(tokenizer, filters: filters + [filter], lexicon: lexicon)
    }

    /// A copy that expands queries with this lexicon.
    public func with(lexicon: Lexicon?) -> Analyzer {
        Analyzer(tokenizer, filters: filters, lexicon: lexicon)
    }

    /// The standard chain without a lexicon.
    public static let document = Analyzer(WordTokenizer(keepsRawText: false))
        .filter(CompoundFilter())
        .filter(NormalizeFilter())
        .filter(NumberReadingFilter())

    /// Tokens only, for callers that need no terms or alternatives.
    public func tokens(_ text: String) -> [Token] {
        let input = AnalysisInput(text)
        var tokens = tokenizer.tokenize(input)
        for filter in filters { filter.apply(&tokens, input: input) }
        return tokens
    }

    /// Full analysis of a text.
    public func analyze(_ text: String, purpose: Purpose = .document) -> Analysis {
        let input = AnalysisInput(text)
        var tokens = tokenizer.tokenize(input)
        for filter in filters { filter.apply(&tokens, input: input) }
        let alternatives = purpose == .query ? QueryExpander(lexicon: lexicon ?? .empty).alternatives(for: tokens) : []
        return Analysis(input: input, tokens: tokens, alternatives: alternatives)
    }

    /// Analysis of raw bytes: invalid UTF-8 becomes U+FFFD and is reported in `warnings`.
    public func analyze(bytes: some Collection<UInt8>, purpose: Purpose = .document) -> Analysis {
        let sanitized = TextSanitizer.decode(utf8: bytes)
        var analysis = analyze(sanitized.text, purpose: purpose)
        analysis.warnings = sanitized.warnings
        return analysis
    }
}
