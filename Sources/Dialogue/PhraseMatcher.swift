import VietText

/// Finds cue phrases in a message by folded syllables ("bn tiền" matches "bn tien"), so
/// cues work with and without diacritics.
struct PhraseMatcher<Label: Sendable>: Sendable {
    struct Phrase: Sendable {
        var syllables: [String]
        var label: Label
    }

    /// Phrases by their first syllable, longest first; every syllable of every message is looked up.
    private let byFirst: StringTable<[Phrase]>

    init(_ phrases: [(String, Label)]) {
        var byFirst: [String: [Phrase]] = [:]
        for (text, label) in phrases {
            let syllables = Analyzer.document.tokens(text).filter(\.isPositional).map(\.folded)
            guard let first = syllables.first else { continue }
            byFirst[first, default: []].append(Phrase(syllables: syllables, label: label))
        }
        self.byFirst = StringTable(byFirst.mapValues { $0.sorted { $0.syllables.count > $1.syllables.count } })
    }

    /// Every phrase found, with the syllable position where it starts.
    func matches(in syllables: [String]) -> [(phrase: Phrase, start: Int)] {
        var found: [(Phrase, Int)] = []
        for start in syllables.indices {
            guard let phrases = byFirst[syllables[start]] else { continue }
            for phrase in phrases where start + phrase.syllables.count <= syllables.count {
                // The first syllable matched by lookup; compares the rest in place (slices and a
                // generic comparison cost more than the comparison itself).
                var equal = true
                for offset in phrase.syllables.indices.dropFirst() where syllables[start + offset] != phrase.syllables[offset] {
                    equal = false
                    break
                }
                if equal { found.append((phrase, start)) }
            }
        }
        return found
    }
}
