/// Procedure names (titles or aliases) as folded syllables in order, indexed by where each
/// syllable stands, so the names holding a run of words are found from the run's first word
/// instead of by scanning every name on every turn.
struct NameRuns: Sendable {
    /// The names, each with the id of its procedure.
    let names: [(id: String, syllables: [String])]
    private let starts: [String: [(name: Int, start: Int)]]

    init(_ names: [(id: String, syllables: [String])]) {
        self.names = names
        var starts: [String: [(name: Int, start: Int)]] = [:]
        for (number, name) in names.enumerated() {
            for (start, syllable) in name.syllables.enumerated() { starts[syllable, default: []].append((number, start)) }
        }
        self.starts = starts
    }

    /// The ids of the procedures with a name that holds `words` in a row and has more besides
    /// (a name that is exactly the words names one procedure, not a family).
    func holding(_ words: ArraySlice<String>) -> Set<String> {
        guard let first = words.first else { return [] }
        var ids = Set<String>()
        for (number, start) in starts[first] ?? [] {
            let name = names[number].syllables
            if name.count > words.count, start + words.count <= name.count, name[start..<(start + words.count)].elementsEqual(words) {
                ids.insert(names[number].id)
            }
        }
        return ids
    }
}
