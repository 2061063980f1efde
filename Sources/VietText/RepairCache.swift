/// A per-thread memo of telex repairs (`SyllableRepair.telex`) by a word's ASCII bytes.
///
/// Every query token of lowercase letters that contains a telex key ("s", "f", "r", "x", "j",
/// "w", "z", or a doubled vowel) is parsed as a syllable before it can be rejected, and
/// accentless questions are full of such words ("sao", "xe", "ra"). The answer depends only
/// on the word, so it is remembered as `SpellingCache` remembers spellings: packed into two
/// integers, one probe, no locking; a collision replaces the slot.
final class RepairCache {
    private struct Slot {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var repair: String?
    }

    private static let slotCount = 1 << 12
    private var slots = ContiguousArray(repeating: Slot(), count: RepairCache.slotCount)

    /// The cache of the calling thread.
    static var current: RepairCache { perThread.current }

    private static let perThread = PerThread { RepairCache() }

    /// Packs 1 to 16 non-zero bytes into two integers; nil otherwise.
    @inline(__always)
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
        guard !bytes.isEmpty, bytes.count <= 16 else { return nil }
        var low: UInt64 = 0, high: UInt64 = 0
        for (offset, byte) in bytes.enumerated() {
            if byte == 0 { return nil }
            if offset < 8 { low |= UInt64(byte) << (8 * UInt64(offset)) } else { high |= UInt64(byte) << (8 * UInt64(offset - 8)) }
        }
        return (low, high)
    }

    @inline(__always)
    private static func index(_ low: UInt64, _ high: UInt64) -> Int {
        let mixed = (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: mixed >> 52) & (slotCount - 1)
    }

    /// The remembered repair of a packed word: .some(nil) when the word has none, nil when unknown.
    @inline(__always)
    func lookup(_ low: UInt64, _ high: UInt64) -> String?? {
        let index = Self.index(low, high)
        guard slots[index].low == low, slots[index].high == high else { return nil }
        return .some(slots[index].repair)
    }

    @inline(__always)
    func store(_ low: UInt64, _ high: UInt64, repair: String?) {
        slots[Self.index(low, high)] = Slot(low: low, high: high, repair: repair)
    }
}
