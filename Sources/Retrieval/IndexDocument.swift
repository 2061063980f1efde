/// A document to index: an id, a title for display, and named fields of text.
public struct IndexDocument: Sendable, Equatable {
    public var id: String
    public var title: String
    /// Field name → text, in the order given; a field may appear once.
    public var fields: [(name: String, text: String)]

    public init(id: String, title: String, fields: [(name: String, text: String)]) {
        self.id = id
        self.title = title
        self.fields = fields
    }

    public static func == (left: IndexDocument, right: IndexDocument) -> Bool {
        left.id == right.id && left.title == right.title
            && left.fields.map(\.name) == right.fields.map(\.name) && left.fields.map(\.text) == right.fields.map(\.text)
    }

    /// The text of a field, if present.
    public func text(of field: String) -> String? { fields.first { $0.name == field }?.text }
}

/// The scoring parameters of BM25F and of hoidap's query expansion.
///
/// Field weights and length normalisation are per field; fields not listed use
/// `defaultFieldWeight` and `defaultB`. The defaults were chosen by measurement on the
/// development sets (see README, "Retrieval").
public struct RetrievalConfig: Sendable, Equatable, Codable {
    public var k1: Double = 1.2
    public var defaultB: Double = 0.75
    public var defaultFieldWeight: Double = 0.35
    public var fieldWeights: [String: Double] = ["title": 6, "aliases": 2, "examples": 1, "text": 2.5]
    public var fieldB: [String: Double] = ["title": 0.5, "aliases": 0.5]
    /// Extra weight for matching the accented form where the query had marks.
    public var accentBonus: Double = 0.3
    /// Weight of adjacent-syllable (phrase) matches.
    public var bigramWeight: Double = 1.0
    /// Weight of edit-distance-1 matches of unknown syllables.
    public var fuzzyWeight: Double = 0.4
    /// Weight of query words that carry little meaning (và, của, là, ạ, nhé, …).
    public var fillerWeight: Double = 0.2
    /// Scale applied to lexicon and repair alternatives on top of their own weight.
    public var alternativeScale: Double = 1.0
    /// For accentless queries: the share of the accent bonus given to the dominant spelling.
    public var accentRestore: Double = 1.0
    /// Clauses reaching less than this share of the strongest clause's idf·weight are skipped.
    public var pruneShare: Double = 0.02

    public init() {}

    /// Decodes a partial configuration: missing keys keep their defaults.
    public init(from decoder: any Decoder) throws {
        self.init()
        let values = try decoder.container(keyedBy: CodingKeys.self)
        k1 = try values.decodeIfPresent(Double.self, forKey: .k1) ?? k1
        defaultB = try values.decodeIfPresent(Double.self, forKey: .defaultB) ?? defaultB
        defaultFieldWeight = try values.decodeIfPresent(Double.self, forKey: .defaultFieldWeight) ?? defaultFieldWeight
        fieldWeights = try values.decodeIfPresent([String: Double].self, forKey: .fieldWeights) ?? fieldWeights
        fieldB = try values.decodeIfPresent([String: Double].self, forKey: .fieldB) ?? fieldB
        accentBonus = try values.decodeIfPresent(Double.self, forKey: .accentBonus) ?? accentBonus
        bigramWeight = try values.decodeIfPresent(Double.self, forKey: .bigramWeight) ?? bigramWeight
        fuzzyWeight = try values.decodeIfPresent(Double.self, forKey: .fuzzyWeight) ?? fuzzyWeight
        fillerWeight = try values.decodeIfPresent(Double.self, forKey: .fillerWeight) ?? fillerWeight
        alternativeScale = try values.decodeIfPresent(Double.self, forKey: .alternativeScale) ?? alternativeScale
        pruneShare = try values.decodeIfPresent(Double.self, forKey: .pruneShare) ?? pruneShare
        accentRestore = try values.decodeIfPresent(Double.self, forKey: .accentRestore) ?? accentRestore
    }

    public func weight(of field: String) -> Double { fieldWeights[field] ?? defaultFieldWeight }
    public func b(of field: String) -> Double { fieldB[field] ?? defaultB }
}
