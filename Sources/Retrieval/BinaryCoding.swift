import Foundation

/// Appends little-endian fixed-width values and length-prefixed blobs.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: Double) { write(value.bitPattern) }

    mutating func write(_ text: String) {
        let utf8 = Array(text.utf8)
        write(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    mutating func write<T: FixedWidthInteger>(array: [T]) {
        write(UInt64(array.count))
        for value in array { write(value) }
    }

    mutating func write(floats: [Float]) { write(array: floats.map(\.bitPattern)) }

    mutating func write(blob: [UInt8]) {
        write(UInt64(blob.count))
        bytes.append(contentsOf: blob)
    }
}

/// Reads what `BinaryWriter` wrote, refusing to read past the end.
struct BinaryReader {
    struct OutOfBounds: Error {}

    let data: Data
    private(set) var offset: Int

    init(_ data: Data, offset: Int = 0) {
        self.data = data
        self.offset = offset
    }

    mutating func read<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= data.count else { throw OutOfBounds() }
        var value: T = 0
        withUnsafeMutableBytes(of: &value) { target in
            data.copyBytes(to: target.bindMemory(to: UInt8.self), from: (data.startIndex + offset)..<(data.startIndex + offset + size))
        }
        offset += size
        return T(littleEndian: value)
    }

    mutating func readDouble() throws -> Double { Double(bitPattern: try read(UInt64.self)) }

    /// Bytes not read yet.
    var remaining: Int { data.count - offset }

    /// A count of items that each take at least `minimumSize` bytes: refused when the rest of the
    /// data cannot hold that many, so a corrupt count never reaches an allocation.
    mutating func readCount(minimumSize: Int) throws -> Int {
        let count = Int(try read(UInt32.self))
        guard count <= remaining / max(1, minimumSize) else { throw OutOfBounds() }
        return count
    }

    mutating func readString() throws -> String {
        let count = Int(try read(UInt32.self))
        guard count <= data.count - offset else { throw OutOfBounds() }
        let start = data.startIndex + offset
        offset += count
        return String(decoding: data[start..<(start + count)], as: UTF8.self)
    }

    mutating func readArray<T: FixedWidthInteger>(_ type: T.Type) throws -> [T] {
        let count = try read(UInt64.self)
        let size = MemoryLayout<T>.size
        guard count <= UInt64((data.count - offset) / size) else { throw OutOfBounds() }
        let start = data.startIndex + offset
        let result = [T](unsafeUninitializedCapacity: Int(count)) { buffer, written in
            data.copyBytes(to: UnsafeMutableRawBufferPointer(buffer).bindMemory(to: UInt8.self),
                           from: start..<(start + Int(count) * size))
            written = Int(count)
        }
        offset += Int(count) * size
        return result.map { T(littleEndian: $0) }
    }

    mutating func readFloats() throws -> [Float] { try readArray(UInt32.self).map(Float.init(bitPattern:)) }

    mutating func readBlob() throws -> [UInt8] { try readArray(UInt8.self) }
}

/// FNV-1a, 64 bits: the snapshot checksum (detects truncation and corruption, not tampering).
enum FNV1a {
    static func hash(_ data: Data) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        data.withUnsafeBytes { buffer in
            for byte in buffer { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        }
        return hash
    }
}
