import Foundation

/// An immutable map from strings to values that finds a key by its UTF-8 bytes.
///
/// The analysis chain looks up every syllable of a message in several vocabularies (index
/// terms, cue phrases, place names); with `Dictionary<String, _>` each lookup hashed the key
/// with SipHash through the normalizing `String.hash(into:)`, a fifth of a dialogue turn. Here a
/// key costs one FNV-1a pass over its bytes and, on a hit, one byte comparison.
///
/// Lookups keep `Dictionary`'s meaning (canonically equivalent strings are the same key): keys
/// are stored in NFC, and a key that misses is retried in NFC unless it provably is NFC already
/// (ASCII and precomposed Vietnamese always are).
///
///     let table = StringTable(["giay": 1, "to": 2])
///     table["giay"]   // 1
///     table["xe"]     // nil
///
/// - Complexity: O(key length) per lookup; building is O(total key bytes).
public struct StringTable<Value: Sendable>: Sendable {
    @usableFromInline let keys: StringKeys
    @usableFromInline let values: [Value]

    /// The table of a dictionary's keys and values.
    public init(_ dictionary: [String: Value]) {
        keys = StringKeys(dictionary.keys)
        // `StringKeys` numbers keys in the order given.
        values = Array(dictionary.values)
    }

    /// Keys held.
    @inlinable
    public var count: Int { values.count }

    /// The value of a key (or of a key canonically equivalent to it).
    @inlinable
    public subscript(key: String) -> Value? {
        keys.index(of: key).map { values[$0] }
    }
}

/// Distinct strings numbered in the order given, found by their UTF-8 bytes (`StringTable`'s
/// keys; not generic, so the lookup is compiled once, here).
public struct StringKeys: Sendable {
    /// Open addressing with linear probing: key number + 1 per slot (0: empty), at most half full.
    private let slots: [Int32]
    private let mask: Int
    private let hashes: [UInt64]
    /// Key `k`'s bytes are `keyBytes[keyEnds[k - 1]..<keyEnds[k]]` (from 0 for the first).
    private let keyEnds: [Int32]
    private let keyBytes: [UInt8]

    /// Keys that are distinct as strings (as a dictionary's keys are); a repeated key is filed
    /// twice and found at its first number, which is enough for membership tests.
    public init<Keys: Collection>(_ keys: Keys) where Keys.Element == String {
        var capacity = 8
        while capacity < 2 * keys.count { capacity *= 2 }
        var slots = [Int32](repeating: 0, count: capacity)
        var hashes: [UInt64] = [], keyEnds: [Int32] = [], keyBytes: [UInt8] = []
        hashes.reserveCapacity(keys.count)
        keyEnds.reserveCapacity(keys.count)
        for key in keys {
            let bytes = Array(key.precomposedIfNeeded().utf8)
            let hash = Self.hash(bytes)
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(hashes.count + 1)
            hashes.append(hash)
            keyBytes.append(contentsOf: bytes)
            keyEnds.append(Int32(keyBytes.count))
        }
        self.slots = slots
        self.mask = capacity - 1
        self.hashes = hashes
        self.keyEnds = keyEnds
        self.keyBytes = keyBytes
    }

    /// The number of a key (or of a key canonically equivalent to it).
    public func index(of key: String) -> Int? {
        if let found = key.utf8.withContiguousStorageIfAvailable({ find($0) }) { return found.index }
        return Array(key.utf8).withUnsafeBufferPointer { find($0).index }
    }

    /// The key's number, or after a miss whether the key is certainly absent; a key NFC may
    /// change is looked up again in NFC.
    private func find(_ bytes: UnsafeBufferPointer<UInt8>) -> (index: Int?, Void) {
        if let index = probe(bytes) { return (index, ()) }
        if Self.isComposed(bytes) { return (nil, ()) }
        let composed = String(decoding: bytes, as: UTF8.self).precomposedStringWithCanonicalMapping
        return (Array(composed.utf8).withUnsafeBufferPointer(probe), ())
    }

    private func probe(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                while true {
                    let stored = Int(slots[slot])
                    if stored == 0 { return nil }
                    let index = stored - 1
                    if hashes[index] == hash {
                        let start = index == 0 ? 0 : Int(keyEnds[index - 1]), end = Int(keyEnds[index])
                        if end - start == bytes.count, keyBytes.withUnsafeBufferPointer({ keys in
                            bytes.isEmpty || memcmp(keys.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
                        }) {
                            return index
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// Whether UTF-8 bytes hold only scalars NFC never changes (`String.isAlwaysComposed`:
    /// below U+0300, U+1E00–U+1EFF, U+2010–U+2027), read from the lead bytes without decoding.
    static func isComposed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let lead = bytes[offset]
            if lead < 0x80 {
                offset += 1
            } else if lead >= 0xC2 && lead < 0xCC {
                // Two bytes, U+0080–U+02FF.
                offset += 2
            } else if lead == 0xE1, offset + 1 < bytes.count, bytes[offset + 1] >= 0xB8, bytes[offset + 1] <= 0xBB {
                // Three bytes, U+1E00–U+1EFF.
                offset += 3
            } else if lead == 0xE2, offset + 2 < bytes.count, bytes[offset + 1] == 0x80, bytes[offset + 2] >= 0x90, bytes[offset + 2] <= 0xA7 {
                // Three bytes, U+2010–U+2027.
                offset += 3
            } else {
                return false
            }
        }
        return true
    }

    /// FNV-1a, its high bits folded into the low ones that pick the slot.
    @inline(__always)
    private static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return value ^ (value >> 29)
    }
}
