import Knowledge
import VietText

/// Finds which aspect of a procedure a message asks about, from the cue phrases of
/// `intents/aspects.yaml`; the longest cue wins, "overview" when none is present.
struct AspectDetector: Sendable {
    private let matcher: PhraseMatcher<Aspect>

    init(catalog: IntentCatalog) {
        matcher = PhraseMatcher(Aspect.allCases.flatMap { aspect in (catalog.aspects[aspect]?.cues ?? []).map { ($0, aspect) } })
    }

    /// The aspect and the cue that marked it, or nil when the message has no cue.
    func detect(_ syllables: [String]) -> (aspect: Aspect, cue: String)? {
        let found = matcher.matches(in: syllables)
        guard let best = found.max(by: { ($0.phrase.syllables.count, -$0.start) < ($1.phrase.syllables.count, -$1.start) }) else { return nil }
        return (best.phrase.label, best.phrase.syllables.joined(separator: " "))
    }
}
