/// A per-thread cache from a token's spelling (up to 8 UTF-16 units) to its normalized and
/// folded keys.
///
/// Vietnamese has a few thousand syllables, so after a warm-up almost every token is a hit:
/// packing the units into two integers and one probe replace normalization and two string
/// allocations. Each thread owns its cache, so there is no locking; a collision replaces
/// the slot.
final class SpellingCache {
    struct Slot {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var text = ""
        var folded = ""
    }

    static let slotCount = 1 << 14
    private var slots = ContiguousArray(repeating: Slot(), count: SpellingCache.slotCount)

    /// The cache of the calling thread.
    static var current: SpellingCache { perThread.current }

    private static let perThread = PerThread { SpellingCache() }

    /// Packs up to 8 non-zero units into two integers; nil for longer spellings.
    @inline(__always)
    static func pack(_ units: ArraySlice<UInt16>) -> (UInt64, UInt64)? {
        guard units.count <= 8, !units.isEmpty else { return nil }
        var low: UInt64 = 0, high: UInt64 = 0
        var shift: UInt64 = 0
        for (offset, unit) in units.enumerated() {
            if unit == 0 { return nil }  // zero pads the packing; a NUL would be ambiguous
            if offset < 4 { low |= UInt64(unit) << shift } else { high |= UInt64(unit) << (shift - 64) }
            shift += 16
        }
        return (low, high)
    }

    @inline(__always)
    private static func index(_ low: UInt64, _ high: UInt64) -> Int {
        let mixed = (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: mixed >> 50) & (slotCount - 1)
    }

    /// The keys of a packed spelling, when cached.
    @inline(__always)
    func lookup(_ low: UInt64, _ high: UInt64) -> (text: String, folded: String)? {
        let index = Self.index(low, high)
        guard slots[index].low == low, slots[index].high == high, low != 0 else { return nil }
        return (slots[index].text, slots[index].folded)
    }

    @inline(__always)
    func store(_ low: UInt64, _ high: UInt64, text: String, folded: String) {
        slots[Self.index(low, high)] = Slot(low: low, high: high, text: text, folded: folded)
    }
}
