import Foundation
import Testing
@testable import Retrieval
import VietText

/// Snapshots round-trip exactly and bad files are refused with the file named.
@Suite struct SnapshotTests {
    @Test func roundTripIsExact() throws {
        let index = BM25FTests.index()
        let bytes = try IndexSnapshot.encode(index)
        let loaded = try IndexSnapshot.decode(bytes, file: "x.idx")
        #expect(try IndexSnapshot.encode(loaded) == bytes)
        let original = Searcher(index: index, analyzer: .document), copy = Searcher(index: loaded, analyzer: .document)
        for query in ["mất giấy tờ", "mat duong", "cấp lại", "duongg"] {
            #expect(original.search(query) == copy.search(query))
        }
        #expect(loaded.positions(of: loaded.termID(.folded, "giay")!, in: 0).map { "\($0.field):\($0.position)" } == ["0:1", "1:2"])
    }

    @Test func fileRoundTrip() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hoidap-\(UUID().uuidString).idx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try IndexSnapshot.write(BM25FTests.index(), to: path)
        let loaded = try IndexSnapshot.load(path: path)
        #expect(loaded.documentCount == 3)
    }

    func error(_ data: Data) -> String? {
        do { _ = try IndexSnapshot.decode(data, file: "bad.idx"); return nil } catch { return error.description }
    }

    @Test func truncatedAndCorruptFilesAreRefused() throws {
        let bytes = try IndexSnapshot.encode(BM25FTests.index())
        #expect(error(Data()) == "bad.idx: not a hoidap index: 0 bytes, shorter than the header")
        #expect(error(Data("hello world, this is not an index at all".utf8)) == "bad.idx: not a hoidap index (the file does not start with HOIDAPIX)")
        #expect(error(bytes.prefix(bytes.count - 10)) == "bad.idx: truncated: the header announces \(bytes.count - 32) bytes of index, the file has \(bytes.count - 42)")
        #expect(error(bytes + Data([1, 2])) == "bad.idx: the file has 2 bytes of trailing garbage after the index")
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0xFF
        #expect(error(flipped) == "bad.idx: corrupt: the checksum does not match the contents")
        var version = bytes
        version[8] = 9
        #expect(error(version) == "bad.idx: index format version 9 is not supported (this hoidap reads version 2); rebuild it with `hoidap index build`")
        #expect(throws: SnapshotError.self) { try IndexSnapshot.load(path: "/nonexistent/index.idx") }
    }

    /// Every truncation and a sweep of corruptions with a matching checksum: refused, never a crash.
    @Test func everyPrefixAndForgedChecksumFail() throws {
        let bytes = try IndexSnapshot.encode(BM25FTests.index())
        for length in stride(from: 0, to: bytes.count, by: 7) { #expect(error(bytes.prefix(length)) != nil) }
        // Forge a correct checksum over damaged contents so the structural checks are exercised:
        // every byte of the body set to 0xFF, then to a seeded random value (reproducible).
        var generator = SplitMix64(state: 20_261_130)
        let body = Array(bytes.dropFirst(32))
        for position in body.indices {
            for value in [UInt8(0xFF), UInt8(truncatingIfNeeded: generator.next())] {
                var damaged = body
                damaged[position] = value
                if let loaded = try? IndexSnapshot.decode(forged(damaged, like: bytes), file: "f.idx") {
                    _ = Searcher(index: loaded, analyzer: .document).search("mất giấy tờ cấp lại")
                }
            }
        }
    }

    /// A forged count of four billion field names is refused before anything is allocated for
    /// it (it once made `map` ask for 39 GB and abort the test run).
    @Test func hugeCountsAreRefusedBeforeAllocating() throws {
        let bytes = try IndexSnapshot.encode(BM25FTests.index())
        var body = Array(bytes.dropFirst(32))
        // The body starts with the configuration blob (a 64-bit length, then its bytes), then the
        // 32-bit number of field names.
        let configLength = body.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        for offset in 0..<4 { body[8 + configLength + offset] = 0xFF }
        #expect(error(forged(body, like: bytes)) == "bad.idx: corrupt: a section ends past the end of the file")
    }

    /// A file with `body` and the header of `original`, its checksum recomputed.
    func forged(_ body: [UInt8], like original: Data) -> Data {
        var header = Array(original.prefix(24))
        withUnsafeBytes(of: FNV1a.hash(Data(body)).littleEndian) { header.append(contentsOf: $0) }
        return Data(header + body)
    }
}
