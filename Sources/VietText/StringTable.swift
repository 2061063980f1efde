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

    /// The value of a key given as UTF-8 bytes (for callers that build keys in a buffer).
    public subscript(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        keys.index(ofUTF8: bytes).map { values[$0] }
    }
}

/// Distinct strings numbered in the order given, found by their UTF-8 bytes (`StringTable`'s
/// keys; not generic, so the lookup is compiled once, here).
public struct StringKeys: Sendable {
    /// Open addressing with linear probing, at most half full. Each slot packs the high half of
    /// its key's hash with the key's number + 1 (0: empty), so a probe reads one word per slot
    /// and touches a key's bytes only when the hashes agree.
    private let slots: [UInt64]
    private let mask: Int
    /// Key `k`'s bytes: `keyBytes[start..<start + length]`, packed as start << 32 | length.
    private let keyRanges: [UInt64]
    private let keyBytes: [UInt8]

    /// Keys that are distinct as strings (as a dictionary's keys are); a repeated key is filed
    /// twice and found at its first number, which is enough for membership tests.
    public init<Keys: Collection>(_ keys: Keys) where Keys.Element == String {
        var capacity = 8
        while capacity < 2 * keys.count { capacity *= 2 }
        var slots = [UInt64](repeating: 0, count: capacity)
        var keyRanges: [UInt64] = [], keyBytes: [UInt8] = []
        keyRanges.reserveCapacity(keys.count)
        for key in keys {
            let bytes = Array(key.precomposedIfNeeded().utf8)
            let hash = Self.hash(bytes)
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = (hash >> 32) << 32 | UInt64(keyRanges.count + 1)
            keyRanges.append(UInt64(keyBytes.count) << 32 | UInt64(bytes.count))
            keyBytes.append(contentsOf: bytes)
        }
        self.slots = slots
        self.mask = capacity - 1
        self.keyRanges = keyRanges
        self.keyBytes = keyBytes
    }

    /// The number of a key (or of a key canonically equivalent to it).
    public func index(of key: String) -> Int? {
        if let found = key.utf8.withContiguousStorageIfAvailable({ find($0) }) { return found.index }
        return Array(key.utf8).withUnsafeBufferPointer { find($0).index }
    }

    /// The number of a key given as UTF-8 bytes.
    public func index(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int? { find(bytes).index }

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
        let high = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            keyRanges.withUnsafeBufferPointer { keyRanges in
                keyBytes.withUnsafeBufferPointer { keys in
                    while true {
                        let stored = slots[slot]
                        if stored == 0 { return nil }
                        if stored >> 32 == high {
                            let index = Int(stored & 0xFFFF_FFFF) - 1
                            let range = keyRanges[index]
                            if Int(range & 0xFFFF_FFFF) == bytes.count, Self.equal(keys, from: Int(range >> 32), bytes) { return index }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Whether `bytes` are the key bytes from `start` (the caller checked the length). A plain
    /// loop: keys are syllables of a few bytes, shorter than a call to `memcmp`.
    @inline(__always)
    private static func equal(_ keys: UnsafeBufferPointer<UInt8>, from start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for offset in 0..<bytes.count where keys[start &+ offset] != bytes[offset] { return false }
        return true
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
