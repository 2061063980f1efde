import VietText

/// Finds folded syllables of the vocabulary within edit distance 1 of an unknown one, by
/// symmetric deletion: every vocabulary syllable is filed under itself and each of its
/// one-letter deletions, and a query looks up the same set.
struct FuzzyIndex: Sendable {
    /// Byte-keyed (`StringTable`): a query's deletions are looked up from one buffer, never as strings.
    private let variants: StringTable<[Int32]>
    private let texts: [Int32: String]

    init(terms: [String]) {
        var variants: [String: [Int32]] = [:]
        var texts: [Int32: String] = [:]
        for (id, key) in terms.enumerated() {
            let (kind, text) = TermKind.split(key)
            // Only syllables of letters: numbers and codes must match exactly.
            guard kind == .folded, text.count >= 2, text.allSatisfy({ $0.isLetter }) else { continue }
            texts[Int32(id)] = text
            for variant in Self.deletions(text) { variants[variant, default: []].append(Int32(id)) }
        }
        self.variants = StringTable(variants)
        self.texts = texts
    }

    /// The word and every string with one character removed.
    static func deletions(_ word: String) -> Set<String> {
        if let bytes = asciiBytes(word) {
            // One byte per character: the same strings without segmenting graphemes.
            var result: Set<String> = [word]
            result.reserveCapacity(bytes.count + 1)
            for index in bytes.indices {
                var copy = bytes
                copy.remove(at: index)
                result.insert(String(decoding: copy, as: UTF8.self))
            }
            return result
        }
        let characters = Array(word)
        var result: Set<String> = [word]
        for index in characters.indices {
            var copy = characters
            copy.remove(at: index)
            result.insert(String(copy))
        }
        return result
    }

    /// Vocabulary terms (folded syllables) at edit distance exactly 1 (insertion, deletion,
    /// substitution or adjacent transposition), nearest first in id order.
    func neighbours(of word: String) -> [Int32] {
        guard word.count >= 2 else { return [] }
        var found: [Int32] = []
        func consider(_ ids: [Int32]) {
            for id in ids where !found.contains(id) {
                if let text = texts[id], text != word, Self.withinOne(text, word) { found.append(id) }
            }
        }
        if let bytes = Self.asciiBytes(word) {
            // The word and its one-byte deletions, written into one buffer in turn.
            var buffer = bytes
            buffer.withUnsafeBufferPointer { whole in consider(variants[utf8: whole] ?? []) }
            var previous: [UInt8]? = nil
            for index in bytes.indices {
                buffer = bytes
                buffer.remove(at: index)
                // Deleting either of two equal neighbours gives the same string: look it up once.
                if buffer == previous { continue }
                buffer.withUnsafeBufferPointer { deletion in consider(variants[utf8: deletion] ?? []) }
                previous = buffer
            }
        } else {
            for variant in Self.deletions(word) { consider(variants[variant] ?? []) }
        }
        return found.sorted()
    }

    /// Whether two strings are at most one edit apart (with adjacent transposition as one edit).
    static func withinOne(_ left: String, _ right: String) -> Bool {
        if let a = asciiBytes(left), let b = asciiBytes(right) { return withinOne(a, b) }
        return withinOne(Array(left), Array(right))
    }

    /// The bytes of an ASCII string (where bytes and characters coincide: vocabulary syllables
    /// are letters only), or nil.
    @inline(__always)
    static func asciiBytes(_ text: String) -> [UInt8]? {
        let bytes = Array(text.utf8)
        return bytes.allSatisfy({ $0 < 0x80 }) ? bytes : nil
    }

    /// `withinOne` over characters or, for ASCII text, bytes.
    static func withinOne<Unit: Equatable>(_ a: [Unit], _ b: [Unit]) -> Bool {
        if abs(a.count - b.count) > 1 { return false }
        if a.count == b.count {
            let differences = a.indices.filter { a[$0] != b[$0] }
            if differences.count <= 1 { return true }
            return differences.count == 2 && differences[1] == differences[0] + 1
                && a[differences[0]] == b[differences[1]] && a[differences[1]] == b[differences[0]]
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        var i = 0, j = 0, skipped = false
        while i < short.count && j < long.count {
            if short[i] == long[j] { i += 1; j += 1 } else if skipped { return false } else { skipped = true; j += 1 }
        }
        return true
    }
}
