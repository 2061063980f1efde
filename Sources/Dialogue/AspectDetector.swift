import Knowledge
import VietText

/// Finds which aspect of a procedure a message asks about, from the cue phrases of
/// `intents/aspects.yaml`; the longest cue wins, "overview" when none is present.
struct AspectDetector: Sendable {
    private let matcher: PhraseMatcher<Aspect>

    init(catalog: IntentCatalog) {
        matcher = PhraseMatcher(Aspect.allCases.flatMap { aspect in (catalog.aspects[aspect]?.cues ?? []).map { ($0, aspect) } })
    }

    /// The aspect and the cue that marked it, or nil when the message has no cue. The longest
    /// cue wins; "requirements" cues are mostly question tags ("được không", "có phải") that
    /// close questions about other aspects too, so they count one syllable less.
    func detect(_ syllables: [String]) -> (aspect: Aspect, cue: String)? {
        detect(syllables, cues: cues(in: syllables))
    }

    /// The cue phrases found in a message, for `detect(_:cues:)` and the aspect classifier.
    func cues(in syllables: [String]) -> [(phrase: PhraseMatcher<Aspect>.Phrase, start: Int)] {
        matcher.matches(in: syllables)
    }

    /// `detect(_:)` given the cue phrases already found in the message.
    func detect(_ syllables: [String], cues found: [(phrase: PhraseMatcher<Aspect>.Phrase, start: Int)]) -> (aspect: Aspect, cue: String)? {
        func strength(_ match: (phrase: PhraseMatcher<Aspect>.Phrase, start: Int)) -> (Int, Int) {
            (match.phrase.syllables.count - (match.phrase.label == .requirements ? 1 : 0), -match.start)
        }
        guard let best = found.max(by: { strength($0) < strength($1) }) else { return Self.eligibility(syllables) }
        return (best.phrase.label, best.phrase.syllables.joined(separator: " "))
    }

    /// "có được … không", "có đc … ko": a yes/no question whether one may do something, with the
    /// situation in between, asks about the conditions.
    static func eligibility(_ syllables: [String]) -> (aspect: Aspect, cue: String)? {
        guard let has = syllables.firstIndex(of: "co"),
              let may = syllables[(has + 1)...].prefix(3).firstIndex(where: { ["duoc", "dc"].contains($0) }),
              syllables[(may + 1)...].contains(where: { ["khong", "ko", "k", "hok", "hong", "kg"].contains($0) })
        else { return nil }
        return (.requirements, "")
    }
}
