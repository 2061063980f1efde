/// An immutable inverted index with BM25F weights precomputed per posting.
///
/// Postings of term `t` are `postingDocs[postingStart[t]..<postingStart[t+1]]` (sorted doc
/// numbers) with `postingWeights` at the same offsets: the saturated tf'/(k1 + tf') of the BM25F
/// pseudo-frequency
/// Σ_f w_f·tf_f / (1 − b_f + b_f·len_f/avglen_f). Folded syllables also keep their positions:
/// `positions[positionStart[t]..<positionStart[t+1]]` holds, for each of the term's postings in
/// order, a varint count and that many varint deltas of (field << 20 | position); the ranges
/// of other terms are empty.
public final class InvertedIndex: Sendable {
    /// What the index keeps of each document: enough to show it and to explain a score.
    public struct StoredDocument: Sendable, Equatable {
        public var id: String
        public var title: String
        /// Token count of each field (by field number).
        public var fieldLengths: [UInt32]
    }

    public let config: RetrievalConfig
    public let fieldNames: [String]
    public let documents: [StoredDocument]
    /// Average token count per field (by field number).
    public let averageFieldLengths: [Double]
    let dictionary: TermDictionary
    let terms: [String]
    let postingStart: [UInt32]
    let postingDocs: [UInt32]
    let postingWeights: [Float]
    /// Per term (not per posting, which at 100k documents cost 28 MB): where its positions start.
    let positionStart: [UInt32]
    let positions: [UInt8]
    let fuzzy: FuzzyIndex
    let documentNumbers: [String: Int]
    /// For a folded syllable's term number: its most frequent accented spelling and that
    /// spelling's share of the documents (an accentless query's likely meaning).
    /// The spelling is kept as its accented term number, which is all a query plan needs.
    let dominantAccent: [Int32: (term: Int32, share: Double)]
    /// Each term's IDF (`idf(_:)`), computed once: a turn asks for it a few hundred times.
    let idfs: [Double]
    /// Term numbers of the query planner's filler words that documents contain.
    let fillerTerms: Set<Int32>

    init(config: RetrievalConfig, fieldNames: [String], documents: [StoredDocument], averageFieldLengths: [Double],
         dictionary: TermDictionary, terms: [String], postingStart: [UInt32], postingDocs: [UInt32],
         postingWeights: [Float], positionStart: [UInt32], positions: [UInt8]) {
        self.config = config
        self.fieldNames = fieldNames
        self.documents = documents
        self.averageFieldLengths = averageFieldLengths
        self.dictionary = dictionary
        self.terms = terms
        self.postingStart = postingStart
        self.postingDocs = postingDocs
        self.postingWeights = postingWeights
        self.positionStart = positionStart
        self.positions = positions
        self.fuzzy = FuzzyIndex(terms: terms)
        var dominant: [String: (text: String, share: Double)] = [:]
        var foldedFrequency: [String: Int] = [:]
        for (term, key) in terms.enumerated() where TermKind.split(key).0 == .folded {
            foldedFrequency[TermKind.split(key).1] = Int(postingStart[term + 1] - postingStart[term])
        }
        for (term, key) in terms.enumerated() where TermKind.split(key).0 == .accented {
            let text = TermKind.split(key).1
            let frequency = Int(postingStart[term + 1] - postingStart[term])
            let folded = VietString.foldKey(text)
            guard text != folded, let total = foldedFrequency[folded], total > 0 else { continue }
            if frequency > Int((dominant[folded]?.share ?? 0) * Double(total)) {
                dominant[folded] = (text, Double(frequency) / Double(total))
            }
        }
        self.dominantAccent = Dictionary(uniqueKeysWithValues: dominant.compactMap { folded, likely in
            guard let foldedTerm = dictionary.folded(folded), let accentedTerm = dictionary.accented(likely.text) else { return nil }
            return (foldedTerm, (accentedTerm, likely.share))
        })
        let count = Double(documents.count)
        self.idfs = (0..<terms.count).map { term in
            let df = Double(postingStart[term + 1] - postingStart[term])
            return (1 + (count - df + 0.5) / (df + 0.5)).log()
        }
        self.fillerTerms = Set(QueryPlanner.fillers.compactMap { dictionary.folded($0) })
        var numbers: [String: Int] = [:]
        for (number, document) in documents.enumerated() { numbers[document.id] = number }
        self.documentNumbers = numbers
    }

    public var documentCount: Int { documents.count }
    public var termCount: Int { terms.count }
    public var postingCount: Int { postingDocs.count }

    /// The term number of a dictionary key.
    func termID(_ kind: TermKind, _ text: String) -> Int32? { dictionary.id(kind, text) }

    /// Documents containing a term.
    func documentFrequency(_ term: Int32) -> Int {
        Int(postingStart[Int(term) + 1] - postingStart[Int(term)])
    }

    /// Lucene's non-negative IDF: ln(1 + (N − df + 0.5) / (df + 0.5)).
    @inline(__always)
    public func idf(_ term: Int32) -> Double { idfs[Int(term)] }

    /// The IDF of a folded syllable, or nil when no document contains it.
    public func idf(folded: String) -> Double? { dictionary.folded(folded).map(idf) }

    /// The term number of a folded syllable, for callers that test the same syllable often
    /// (`idf(_:)`, `document(_:containsTerm:)`).
    public func foldedTerm(_ folded: String) -> Int32? { dictionary.folded(folded) }

    /// Whether a document contains a folded syllable (in any field).
    public func document(_ document: Int, contains folded: String) -> Bool {
        guard let term = dictionary.folded(folded) else { return false }
        return self.document(document, containsTerm: term)
    }

    /// Whether a document contains a term.
    public func document(_ document: Int, containsTerm term: Int32) -> Bool {
        let range = Int(postingStart[Int(term)])..<Int(postingStart[Int(term) + 1])
        return binarySearch(postingDocs, UInt32(document), in: range) != nil
    }

    /// Positions (field, position) of a folded term in a document, for explanations.
    ///
    /// - Complexity: O(positions of the term in the documents before this one): the term's
    ///   earlier postings are skipped varint by varint, which only explanations pay for.
    func positions(of term: Int32, in document: Int) -> [(field: Int, position: Int)] {
        let range = Int(postingStart[Int(term)])..<Int(postingStart[Int(term) + 1])
        var offset = Int(positionStart[Int(term)])
        let end = Int(positionStart[Int(term) + 1])
        guard offset < end, let slot = binarySearch(postingDocs, UInt32(document), in: range) else { return [] }
        for _ in range.lowerBound..<slot {
            guard let count = Varint.read(positions, &offset, end: end),
                  Varint.skip(Int(count), in: positions, &offset, end: end) else { return [] }
        }
        guard let count = Varint.read(positions, &offset, end: end) else { return [] }
        var result: [(Int, Int)] = []
        var previous: UInt32 = 0
        for _ in 0..<min(Int(count), end - offset) {
            guard let delta = Varint.read(positions, &offset, end: end) else { break }
            previous &+= delta
            result.append((Int(previous >> 20), Int(previous & 0xFFFFF)))
        }
        return result
    }

    /// The index of the document's posting within a term's range.
    func binarySearch(_ array: [UInt32], _ value: UInt32, in range: Range<Int>) -> Int? {
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let mid = (low + high) / 2
            if array[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < range.upperBound && array[low] == value ? low : nil
    }
}

extension Double {
    @inline(__always)
    func log() -> Double { Foundation.log(self) }
}

import Foundation
import VietText
