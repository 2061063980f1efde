import VietText

/// Builds an `InvertedIndex` from documents, one pass over the text.
///
///     var builder = IndexBuilder(config: RetrievalConfig())
///     builder.add(IndexDocument(id: "khai-sinh", title: "Đăng ký khai sinh", fields: [("title", "Đăng ký khai sinh")]))
///     let index = builder.build()
///
/// - Complexity: O(total tokens) plus a sort of each document's occurrences.
public struct IndexBuilder {
    public let config: RetrievalConfig
    let analyzer: Analyzer
    private(set) var fieldNames: [String] = []
    private var fieldNumbers: [String: Int] = [:]
    private var documents: [InvertedIndex.StoredDocument] = []
    private var termIDs: [String: Int32] = [:]
    private var terms: [String] = []
    /// Per term: entries (document << 12 | field << 7 | tf), 32 bits each, in document order:
    /// up to 2^20 documents, 32 fields (later ones share the last slot), tf capped at 127
    /// (BM25 saturates long before). Half the memory of 64-bit entries at 100k documents.
    private var entries: [[UInt32]] = []
    static let maxDocuments = 1 << 20
    /// Per term: for each document, varint count then delta positions (folded terms only);
    /// the same bytes as `InvertedIndex.positions`.
    private var positionBytes: [[UInt8]] = []
    private var occurrences: [UInt64] = []
    private var seenIDs: Set<String> = []

    public init(config: RetrievalConfig = RetrievalConfig(), analyzer: Analyzer = .document) {
        self.config = config
        self.analyzer = analyzer
    }

    /// Documents added so far.
    public var count: Int { documents.count }

    /// Adds a document; a repeated id is refused (returns false) so eval labels stay unambiguous.
    @discardableResult
    public mutating func add(_ document: IndexDocument) -> Bool {
        guard seenIDs.insert(document.id).inserted, documents.count < Self.maxDocuments else { return false }
        let number = UInt64(documents.count)
        var lengths: [UInt32] = Array(repeating: 0, count: fieldNames.count)
        occurrences.removeAll(keepingCapacity: true)
        for (name, text) in document.fields where !text.isEmpty {
            let field = fieldNumber(name)
            while lengths.count <= field { lengths.append(0) }
            let analysis = analyzer.analyze(text, purpose: .document)
            var previous: Token? = nil
            var length: UInt32 = 0
            for token in analysis.tokens {
                let position = UInt64(min(token.position, 0xFFFFF))
                let slot = UInt64(field) << 20 | position
                occurrences.append(UInt64(termID(.folded, token.folded)) << 32 | slot)
                occurrences.append(UInt64(termID(.accented, token.text)) << 32 | slot)
                guard token.isPositional else { continue }
                length += 1
                if let left = previous, left.position + 1 == token.position,
                   analysis.input.onlySpaces(left.utf16Range.upperBound..<token.utf16Range.lowerBound) {
                    occurrences.append(UInt64(termID(.bigram, left.folded + " " + token.folded)) << 32 | slot)
                }
                previous = token
            }
            lengths[field] += length
        }
        occurrences.sort()
        var index = 0
        while index < occurrences.count {
            let term = Int(occurrences[index] >> 32)
            var end = index
            while end < occurrences.count, Int(occurrences[end] >> 32) == term { end += 1 }
            // One entry per field with its frequency.
            var fieldIndex = index
            while fieldIndex < end {
                let field = (occurrences[fieldIndex] >> 20) & 0xFFF
                var fieldEnd = fieldIndex
                while fieldEnd < end, (occurrences[fieldEnd] >> 20) & 0xFFF == field { fieldEnd += 1 }
                let tf = UInt32(min(fieldEnd - fieldIndex, 127))
                entries[term].append(UInt32(number) << 12 | UInt32(min(field, 31)) << 7 | tf)
                fieldIndex = fieldEnd
            }
            if TermKind.split(terms[term]).0 == .folded {
                Varint.append(UInt32(end - index), to: &positionBytes[term])
                var previous: UInt32 = 0
                for occurrence in occurrences[index..<end] {
                    let slot = UInt32(truncatingIfNeeded: occurrence & 0xFFFF_FFFF)
                    Varint.append(slot &- previous, to: &positionBytes[term])
                    previous = slot
                }
            }
            index = end
        }
        documents.append(.init(id: document.id, title: document.title, fieldLengths: lengths))
        return true
    }

    private mutating func fieldNumber(_ name: String) -> Int {
        if let number = fieldNumbers[name] { return number }
        // Entries have room for 32 fields; any later field shares the last one.
        if fieldNames.count == 32 {
            fieldNumbers[name] = 31
            return 31
        }
        fieldNumbers[name] = fieldNames.count
        fieldNames.append(name)
        return fieldNames.count - 1
    }

    private mutating func termID(_ kind: TermKind, _ text: String) -> Int32 {
        let key = kind.key(text)
        if let id = termIDs[key] { return id }
        let id = Int32(terms.count)
        termIDs[key] = id
        terms.append(key)
        entries.append([])
        positionBytes.append([])
        return id
    }

    /// Freezes the index: computes field averages and each posting's BM25F weight.
    ///
    /// Each term's builder lists are released as the term is converted and the freed memory
    /// is handed back to the system as it accumulates, so the builder and the packed arrays
    /// do not both stay resident (at 100k documents they are about 170 and 200 MB). The
    /// builder is empty afterwards.
    public mutating func build() -> InvertedIndex {
        let fieldCount = fieldNames.count
        var totals = [Double](repeating: 0, count: fieldCount)
        for document in documents {
            for (field, length) in document.fieldLengths.enumerated() { totals[field] += Double(length) }
        }
        let averages = totals.map { documents.isEmpty ? 0 : max($0 / Double(documents.count), 1e-9) }
        let weights = fieldNames.map { config.weight(of: $0) }
        let bs = fieldNames.map { config.b(of: $0) }
        // Capacities known up front (postings ≤ entries): growing by doubling would briefly
        // hold two copies of each array, and untouched capacity is never made resident.
        var postingStart: [UInt32] = [0], positionStart: [UInt32] = [0]
        postingStart.reserveCapacity(terms.count + 1)
        positionStart.reserveCapacity(terms.count + 1)
        var postingDocs: [UInt32] = [], postingWeights: [Float] = [], positions: [UInt8] = []
        let entryCount = entries.reduce(0) { $0 + $1.count }
        postingDocs.reserveCapacity(entryCount)
        postingWeights.reserveCapacity(entryCount)
        positions.reserveCapacity(positionBytes.reduce(0) { $0 + $1.count })
        var freed = FreedMemory()
        for term in terms.indices {
            freed.willFree(entries[term].capacity * MemoryLayout<UInt32>.stride + positionBytes[term].capacity)
            let list = entries[term]
            entries[term] = []
            var index = 0
            while index < list.count {
                let document = Int(list[index] >> 12)
                var weight = 0.0
                while index < list.count, Int(list[index] >> 12) == document {
                    let field = Int((list[index] >> 7) & 0x1F), tf = Double(list[index] & 0x7F)
                    let length = Double(documents[document].fieldLengths.count > field ? documents[document].fieldLengths[field] : 0)
                    weight += weights[field] * tf / (1 - bs[field] + bs[field] * length / averages[field])
                    index += 1
                }
                postingDocs.append(UInt32(document))
                // Stored saturated, tf'/(k1 + tf'), so a query adds idf × weight with no division.
                postingWeights.append(Float(weight / (config.k1 + weight)))
            }
            postingStart.append(UInt32(postingDocs.count))
            // The builder's per-document layout (count, then delta positions) is the index's.
            positions.append(contentsOf: positionBytes[term])
            positionBytes[term] = []
            positionStart.append(UInt32(positions.count))
        }
        entries = []
        positionBytes = []
        termIDs = [:]
        return InvertedIndex(config: config, fieldNames: fieldNames, documents: documents, averageFieldLengths: averages,
                             dictionary: TermDictionary(keys: terms), terms: terms, postingStart: postingStart, postingDocs: postingDocs,
                             postingWeights: postingWeights, positionStart: positionStart, positions: positions)
    }
}
