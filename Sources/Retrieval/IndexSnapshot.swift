import Foundation

/// A snapshot file that cannot be loaded, with the file named and the reason.
public struct SnapshotError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var reason: String
    public var description: String { "\(file): \(reason)" }
}

/// Versioned, checksummed binary files of an `InvertedIndex`.
///
/// Layout: magic `HOIDAPIX` (8 bytes), format version (UInt32), reserved (UInt32), payload
/// length (UInt64), FNV-1a-64 of the payload (UInt64), payload. A file that is truncated,
/// corrupt, of another version or not an index at all is refused with a `SnapshotError`
/// naming the file — never a crash.
public enum IndexSnapshot {
    public static let magic = Array("HOIDAPIX".utf8)
    /// 2: positions start per term, with a count before each posting's positions.
    public static let version: UInt32 = 2
    static let headerSize = 32

    /// The snapshot bytes of an index.
    public static func encode(_ index: InvertedIndex) throws -> Data {
        var payload = BinaryWriter()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys  // the same index must give the same bytes
        payload.write(blob: Array(try encoder.encode(index.config)))
        payload.write(UInt32(index.fieldNames.count))
        for name in index.fieldNames { payload.write(name) }
        payload.write(UInt32(index.documents.count))
        for document in index.documents {
            payload.write(document.id)
            payload.write(document.title)
            payload.write(array: document.fieldLengths)
        }
        payload.write(UInt32(index.averageFieldLengths.count))
        for average in index.averageFieldLengths { payload.write(average) }
        payload.write(UInt32(index.terms.count))
        for term in index.terms { payload.write(term) }
        payload.write(array: index.postingStart)
        payload.write(array: index.postingDocs)
        payload.write(floats: index.postingWeights)
        payload.write(array: index.positionStart)
        payload.write(blob: index.positions)
        let body = Data(payload.bytes)
        var header = BinaryWriter()
        for byte in magic { header.write(byte) }
        header.write(version)
        header.write(UInt32(0))
        header.write(UInt64(body.count))
        header.write(FNV1a.hash(body))
        return Data(header.bytes) + body
    }

    /// Writes a snapshot atomically.
    public static func write(_ index: InvertedIndex, to path: String) throws {
        do { try encode(index).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw SnapshotError(file: path, reason: "cannot write the index: \(error.localizedDescription)")
        }
    }

    /// Loads a snapshot (memory-mapped).
    public static func load(path: String) throws(SnapshotError) -> InvertedIndex {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) } catch {
            throw SnapshotError(file: path, reason: "cannot read the file")
        }
        return try decode(data, file: path)
    }

    /// Decodes snapshot bytes; `file` names the source in errors.
    public static func decode(_ data: Data, file: String) throws(SnapshotError) -> InvertedIndex {
        func fail(_ reason: String) -> SnapshotError { SnapshotError(file: file, reason: reason) }
        guard data.count >= headerSize else { throw fail("not a hoidap index: \(data.count) bytes, shorter than the header") }
        guard Array(data.prefix(8)) == magic else { throw fail("not a hoidap index (the file does not start with HOIDAPIX)") }
        var header = BinaryReader(data, offset: 8)
        guard let fileVersion = try? header.read(UInt32.self), let _ = try? header.read(UInt32.self),
              let length = try? header.read(UInt64.self), let checksum = try? header.read(UInt64.self) else {
            throw fail("the header is unreadable")
        }
        guard fileVersion == version else {
            throw fail("index format version \(fileVersion) is not supported (this hoidap reads version \(version)); rebuild it with `hoidap index build`")
        }
        let available = UInt64(data.count - headerSize)
        guard length == available else {
            throw fail(length > available ? "truncated: the header announces \(length) bytes of index, the file has \(available)"
                                          : "the file has \(available - length) bytes of trailing garbage after the index")
        }
        let body = data.subdata(in: (data.startIndex + headerSize)..<data.endIndex)
        guard FNV1a.hash(body) == checksum else { throw fail("corrupt: the checksum does not match the contents") }
        do {
            return try decodePayload(body)
        } catch let error as SnapshotError {
            throw SnapshotError(file: file, reason: error.reason)
        } catch {
            throw fail("corrupt: a section ends past the end of the file")
        }
    }

    /// Whether only folded terms have positions (the others' ranges are empty).
    private static func onlyFoldedHavePositions(_ terms: [String], _ positionStart: [UInt32]) -> Bool {
        terms.indices.allSatisfy { TermKind.split(terms[$0]).0 == .folded || positionStart[$0] == positionStart[$0 + 1] }
    }

    private static func decodePayload(_ body: Data) throws -> InvertedIndex {
        func invalid(_ reason: String) -> SnapshotError { SnapshotError(file: "", reason: "corrupt: \(reason)") }
        var reader = BinaryReader(body)
        let config = try JSONDecoder().decode(RetrievalConfig.self, from: Data(try reader.readBlob()))
        // Counts are checked against the bytes left before anything is allocated for them: a
        // forged count of four billion field names once made `map` ask for 39 GB and abort.
        let fieldNames = try (0..<(try reader.readCount(minimumSize: 4))).map { _ in try reader.readString() }
        let documentCount = try reader.readCount(minimumSize: 16)
        var documents: [InvertedIndex.StoredDocument] = []
        documents.reserveCapacity(documentCount)
        for _ in 0..<documentCount {
            documents.append(.init(id: try reader.readString(), title: try reader.readString(), fieldLengths: try reader.readArray(UInt32.self)))
        }
        let averageCount = Int(try reader.read(UInt32.self))
        guard averageCount == fieldNames.count else { throw invalid("field statistics do not match the fields") }
        let averages = try (0..<averageCount).map { _ in try reader.readDouble() }
        let termCount = try reader.readCount(minimumSize: 4)
        var terms: [String] = []
        terms.reserveCapacity(termCount)
        for _ in 0..<termCount { terms.append(try reader.readString()) }
        let postingStart = try reader.readArray(UInt32.self)
        let postingDocs = try reader.readArray(UInt32.self)
        let postingWeights = try reader.readFloats()
        let positionStart = try reader.readArray(UInt32.self)
        let positions = try reader.readBlob()
        // Invariants the searcher relies on, so a crafted file cannot index out of bounds.
        guard postingStart.count == terms.count + 1, postingStart.first == 0,
              zip(postingStart, postingStart.dropFirst()).allSatisfy({ $0 <= $1 }),
              Int(postingStart.last ?? 0) == postingDocs.count, postingWeights.count == postingDocs.count,
              postingDocs.allSatisfy({ Int($0) < documents.count }),
              positionStart.count == terms.count + 1, positionStart.first == 0,
              zip(positionStart, positionStart.dropFirst()).allSatisfy({ $0 <= $1 }),
              Int(positionStart.last ?? 0) == positions.count, onlyFoldedHavePositions(terms, positionStart),
              documents.allSatisfy({ $0.fieldLengths.count <= fieldNames.count }) else {
            throw invalid("the postings are inconsistent")
        }
        let dictionary = TermDictionary(keys: terms)
        guard dictionary.count == terms.count else { throw invalid("a term appears twice") }
        return InvertedIndex(config: config, fieldNames: fieldNames, documents: documents, averageFieldLengths: averages,
                             dictionary: dictionary, terms: terms, postingStart: postingStart, postingDocs: postingDocs,
                             postingWeights: postingWeights, positionStart: positionStart, positions: positions)
    }
}
