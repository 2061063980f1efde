import Testing
@testable import Retrieval

/// Positions: one range per folded term holding, per posting, a count and delta varints.
@Suite struct PositionsTests {
    /// The bytes of a term's positions range.
    func bytes(_ index: InvertedIndex, _ kind: TermKind, _ text: String) throws -> [UInt8] {
        let term = Int(try #require(index.termID(kind, text)))
        return Array(index.positions[Int(index.positionStart[term])..<Int(index.positionStart[term + 1])])
    }

    @Test func foldedTermLayoutIsExact() throws {
        let index = BM25FTests.index()
        // "giay": document 0 at title 1 and text 2, document 2 at text 2. Slots are
        // field << 20 | position, so text 2 is 1_048_578: from 1 a delta of 0x100001
        // (81 80 40), from 0 of 0x100002 (82 80 40).
        #expect(try bytes(index, .folded, "giay") == [2, 0x01, 0x81, 0x80, 0x40, 1, 0x82, 0x80, 0x40])
        #expect(try bytes(index, .folded, "mat") == [2, 0x00, 0x81, 0x80, 0x40, 2, 0x00, 0x81, 0x80, 0x40])
        #expect(try bytes(index, .accented, "giấy") == [])
        #expect(try bytes(index, .bigram, "giay to") == [])
        #expect(index.positionStart.count == index.termCount + 1)
        #expect(Int(index.positionStart.last!) == index.positions.count)
    }

    @Test(arguments: [(0, ["0:1", "1:2"]), (1, []), (2, ["1:2"])])
    func positionsOfEachDocument(document: Int, expected: [String]) throws {
        let index = BM25FTests.index()
        let term = try #require(index.termID(.folded, "giay"))
        #expect(index.positions(of: term, in: document).map { "\($0.field):\($0.position)" } == expected)
    }

    @Test func accentedTermsHaveNoPositions() throws {
        let index = BM25FTests.index()
        #expect(index.positions(of: try #require(index.termID(.accented, "giấy")), in: 0).isEmpty)
    }

    @Test(arguments: [
        ([UInt8]([0x81, 0x01, 0x05, 0x07]), 2, 4, true, 3),
        ([0x81, 0x01, 0x05, 0x07], 3, 4, true, 4),
        ([0x81, 0x01, 0x05, 0x07], 4, 3, false, 3),
        ([0x81, 0x81], 1, 2, false, 2),
        ([0x05], 0, 1, true, 0),
    ])
    func skipStopsAfterCountVarints(bytes: [UInt8], count: Int, end: Int, succeeds: Bool, offset: Int) {
        var position = 0
        #expect(Varint.skip(count, in: bytes, &position, end: end) == succeeds)
        #expect(position == offset)
    }

    @Test func readStopsAtEnd() {
        var offset = 0
        #expect(Varint.read([0x81, 0x80, 0x40], &offset, end: 2) == nil)
        offset = 0
        #expect(Varint.read([0x81, 0x80, 0x40], &offset) == 0x100001)
        #expect(offset == 3)
    }
}
