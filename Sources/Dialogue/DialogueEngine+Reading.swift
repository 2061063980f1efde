import Foundation
import Knowledge
import Retrieval
import VietText

/// Reading a message: analysis, procedure retrieval fused with the procedure classifier and
/// the dialogue context, the aspect, intent probabilities and 1022 cues.
extension DialogueEngine {
    /// What the engine saw in a message, for `:explain` and for calibration.
    public struct Reading: Sendable {
        public var analysis: Analysis
        public var syllables: [String]
        /// Each syllable's folded term number in the procedure index (nil: no procedure has it).
        var syllableTerms: [Int32?]
        public var plan: QueryPlan
        public var hits: [SearchHit]
        /// Best procedure score over the plan's bound (0…1) and the relative margin to the second.
        public var procedureScore: Double
        public var margin: Double
        /// Nearest-example vote per intent group (normalized scores); filled by `voted(_:)`,
        /// which only reports and explanations need.
        public var groups: [String: Double]
        /// Classifier probability per intent group.
        public var probabilities: [String: Double]
        public var categories: [EscalationCategory: Double]
        public var aspect: (aspect: Aspect, cue: String)?
        public var complaint: Bool
        public var categoryCues: [EscalationCategory: Int]
        /// Content syllables: the message without filler words and without its aspect cue.
        public var content: [String]
        /// The share of content syllables found in the best procedure (0…1; 1 when there is no content).
        public var coverage: Double
        /// The aspect classifier's best guess and its probability, whatever the thresholds.
        public var learnedAspect: (aspect: Aspect, probability: Double)?
        /// Whether the message names the best procedure by its title or an alias.
        public var namesTop: Bool
        /// The share of content syllables found in the procedure in context (1 without one).
        public var contextCoverage: Double
        /// The procedure classifier's probability for the best procedure (0…1).
        public var topProbability: Double
        /// The procedure classifier's probability summed over the retrieved candidates (0…1): how
        /// surely some procedure is meant, when several share the message's words ("lệ phí làm
        /// cccd": issue, renewal, reissue).
        public var claimedProbability: Double
        /// Whether the message asks something (a question mark, a question word) rather than only telling.
        public var asks: Bool
        /// What the routing rules look for in the message's words, found once per reading.
        public var words: WordSigns
    }

    /// What a reading depends on: the message and the procedure in context. Compared and
    /// hashed by their UTF-8 bytes: `String`'s own hashing and equality normalize Vietnamese
    /// text on every lookup, and a message typed in another normalization only costs a miss.
    struct ReadingKey: Hashable, Sendable {
        var message: String
        var context: String?

        static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.message.utf8.elementsEqual(rhs.message.utf8)
                && lhs.context == rhs.context  // procedure ids: ASCII, compared byte by byte
        }

        func hash(into hasher: inout Hasher) {
            var message = message
            message.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(context?.utf8.count ?? -1)
        }
    }

    /// Reads a message: analysis, procedure retrieval, the intent vote, cues. `context` is the
    /// procedure the conversation is about; it gets a head start when the message matches it at all.
    /// A message read before with the same context is handed out from `readings`.
    public func read(_ message: String, context: String? = nil) -> Reading {
        readings.value(for: ReadingKey(message: message, context: context)) { key in
            let reading = readAfresh(key.message, context: key.context)
            // A message no procedure claims is refused on its nearest examples (`unclaimed`):
            // the vote is kept with the reading, so a message that comes again costs no lookup.
            return unclaimed(reading) ? voted(reading) : reading
        }
    }

    /// Whether no procedure claims the message: the procedure classifier gives all the retrieved
    /// candidates together less than `thresholds.unclaimed`.
    func unclaimed(_ reading: Reading) -> Bool { reading.claimedProbability < thresholds.unclaimed }

    func readAfresh(_ message: String, context: String?) -> Reading {
        let analysis = analyzer.analyze(message, purpose: .query)
        let syllables = Self.repairedSyllables(analysis)
        let hashes = NGramHashes(words: syllables)
        let plan = procedures.plan(analysis: analysis)
        let bound = max(procedures.bound(plan), 1e-9)
        let ranked = Self.foreignElementFirst(rerank(procedures.search(plan: plan, limit: 12), bound: bound, hashes: hashes, context: context),
                                              foreign: ForeignElement.told(syllables))
        let hits = ranked.map(\.hit)
        // The margin is between the two best fused scores, whichever order the foreign element put them in.
        let fused = ranked.map(\.fused).sorted(by: >)
        let top = fused.first ?? 0, second = fused.dropFirst().first ?? 0
        var cues: [EscalationCategory: Int] = [:]
        for match in categoryCues.matches(in: syllables) { cues[match.phrase.label, default: 0] += match.phrase.syllables.count }
        // Places masked ("ở phường Tân Mỹ" is not "nộp ở phường nào"); the detector and the
        // classifier look for the same cue phrases (aspects.yaml): once.
        let places = wards.matches(in: syllables)
        let masked = AspectClassifier.masked(syllables, places: places)
        // Without place names or shorthand the masked words are the syllables, whose n-grams are hashed already.
        let aspectReading = Self.readAspect(masked: masked, tokens: analysis.tokens, message: message, detector: aspects,
                                            classifier: aspectClassifier, thresholds: thresholds,
                                            hashes: masked == syllables ? hashes : nil)
        let learned = aspectReading.learned, asks = aspectReading.asks
        var aspect = aspectReading.decided
        // "có cần giấy an toàn thực phẩm không", "có phải đăng ký tạm vắng không": whether the
        // procedure itself (named after the tag) is needed, which its overview answers.
        // The tag may also open a documents cue ("có cần giấy attp không").
        // A cue of its own ("trường hợp nào bắt buộc …") asks the conditions whatever follows.
        if let top = hits.first, let found = aspect, found.aspect == .requirements || found.aspect == .documents,
           found.cue.isEmpty || AspectDetector.whetherTags.contains(where: found.cue.contains),
           let asked = AspectDetector.whetherTags.lazy.compactMap({ AspectDetector.after($0, in: masked) }).first {
            // Named in full, or in part with every word of the part from one name ("có phải xin
            // phép không" for "xin phép xây dựng", "có phải xóa thường trú").
            let named = asked.filter { !Self.fillers.contains($0) }
            if models.names(top.id, syllables: Array(asked), terms: asked.map(procedures.index.foldedTerm), share: thresholds.nameShare)
                || named.count >= 2 && models.holds(top.id, words: named)
                || !named.isEmpty && named.allSatisfy(Self.doingWords.contains)
                // "có phải lên phường xin gì không", "có cần báo công an phường không": the
                // office asked of, and whoever it is, say nothing more than the act does.
                || asked.contains(where: Self.doingWords.contains)
                && named.allSatisfy({ Self.doingWords.contains($0) || Self.officeWords.contains($0) }) {
                aspect = nil
            }
        }
        let cue = aspect.map { $0.cue.split(separator: " ") } ?? []
        // Where the citizen lives ("ở phường Tân Mỹ") says nothing about which procedure is meant.
        var place = Set<Int>()
        for match in places { place.formUnion(match.start..<(match.start + match.phrase.syllables.count)) }
        // Filters by the sets in turn rather than building their union on every turn.
        let contentIndices = syllables.indices.filter { index in
            let syllable = syllables[index]
            // "ho" closes a question as "hở" but opens "hộ chiếu", "hộ khẩu", "hộ kinh doanh".
            let filler = Self.fillers.contains(syllable) && (syllable != "ho" || index == syllables.count - 1)
            return !place.contains(index) && !filler && !cue.contains { $0 == syllable }
        }
        let content = contentIndices.map { syllables[$0] }
        // Term numbers looked up once: coverage and names test them again and again.
        let index = procedures.index
        let syllableTerms = syllables.map(index.foldedTerm)
        let contentTerms = contentIndices.map { syllableTerms[$0] }
        // Rare words weigh most; a word no procedure contains weighs like the rarest one.
        let rarest = log(1 + (Double(index.documentCount) + 0.5) / 0.5)
        let weights = contentTerms.map { $0.map(index.idf) ?? rarest }
        let total = weights.reduce(0, +)
        func covered(_ document: Int) -> Double {
            zip(contentTerms, weights).reduce(0) { sum, pair in
                (pair.0.map { index.document(document, containsTerm: $0) } ?? false) ? sum + pair.1 : sum
            }
        }
        let coveredByTop = hits.first.map { covered($0.document) } ?? 0
        let coveredByContext = context.flatMap { models.documentNumbers[$0] }.map(covered) ?? total
        return Reading(analysis: analysis, syllables: syllables, syllableTerms: syllableTerms, plan: plan, hits: hits,
                       procedureScore: (hits.first?.score ?? 0) / bound,
                       margin: top > 0 ? (top - second) / top : 0, groups: [:],
                       probabilities: classifier.probabilities(hashes), categories: [:],
                       aspect: aspect, complaint: !complaintCues.matches(in: syllables).isEmpty,
                       categoryCues: cues, content: content,
                       coverage: total == 0 ? 1 : coveredByTop / total, learnedAspect: learned,
                       namesTop: hits.first.map { top in
                           models.names(top.id, syllables: syllables, terms: syllableTerms, share: thresholds.nameShare)
                               // Typed with marks, the name must be there as spelled ("bao tử" is not "báo tử").
                               && models.namesAsTyped(top.id, tokens: analysis.tokens, share: thresholds.nameShare)
                               || Self.spelledOut(analysis).map { models.names(top.id, syllables: $0, terms: $0.map(index.foldedTerm), share: 1) } ?? false
                       } ?? false,
                       contextCoverage: total == 0 ? 1 : coveredByContext / total, topProbability: ranked.first?.probability ?? 0,
                       claimedProbability: ranked.reduce(0) { $0 + $1.probability },
                       asks: asks, words: signs(analysis: analysis, syllables: syllables, terms: syllableTerms, content: content, message: message,
                                                top: hits.first))
    }

    /// The folded positional syllables, each surely mistyped one ("ddăng", "tamj") replaced by
    /// its telex or VNI repair: left as typed, it is a word no example or procedure has, which
    /// lowers coverage until a clear question ("… tự đi ddăng ký tạm trú") reads as out of scope.
    static func repairedSyllables(_ analysis: Analysis) -> [String] {
        let positional = analysis.tokens.filter(\.isPositional)
        var repairs: [Int: String] = [:]
        for alternative in analysis.alternatives
        where (alternative.reason == .telex || alternative.reason == .vni) && alternative.span.count == 1 {
            guard let part = alternative.parts.first,
                  let typed = positional.first(where: { $0.position == alternative.span.lowerBound }),
                  surelyMistyped(typed.text) else { continue }
            repairs[alternative.span.lowerBound] = part.folded
        }
        return repairs.isEmpty ? positional.map(\.folded) : positional.map { repairs[$0.position] ?? $0.folded }
    }

    /// The folded syllables with each abbreviation spelled out ("llpt" → "ly lich tu phap"), or
    /// nil when the message has none: an abbreviation names a procedure as its words do.
    static func spelledOut(_ analysis: Analysis) -> [String]? {
        let abbreviations = analysis.alternatives.filter { $0.reason == .abbreviation && $0.span.count == 1 && $0.weight >= 0.8 }
        guard !abbreviations.isEmpty else { return nil }
        var result: [String] = []
        for token in analysis.tokens where token.isPositional {
            if let expansion = abbreviations.first(where: { $0.span.lowerBound == token.position }) {
                result += expansion.parts.map(\.folded)
            } else {
                result.append(token.folded)
            }
        }
        return result
    }

    /// Whether a word that telex or VNI can repair is a Vietnamese syllable typed wrong rather
    /// than a foreign word: it already carries marks ("ddăng"), holds a VNI digit, doubles "d",
    /// has "uw", ends in the tone key "j" ("tamj"), or doubles a vowel and ends in a tone key
    /// ("tieenf"). "pass" and "test" repair too ("pá", "tét"), but are English.
    static func surelyMistyped(_ text: String) -> Bool {
        if text.unicodeScalars.contains(where: { !$0.isASCII || ("0"..."9").contains($0) }) { return true }
        if text.contains("dd") || text.contains("uw") || text.hasSuffix("j") { return true }
        let doubledVowel = text.contains("aa") || text.contains("ee") || text.contains("oo")
        return doubledVowel && text.last.map { "sfrx".contains($0) } == true
    }

    /// The hits with a civil-status procedure and its "có yếu tố nước ngoài" variant in the order
    /// the message tells: the variant first when it tells of a foreign element, the base first
    /// when it does not, whichever scored higher. Other hits keep their places.
    static func foreignElementFirst(_ ranked: [(hit: SearchHit, fused: Double, probability: Double)], foreign: Bool)
        -> [(hit: SearchHit, fused: Double, probability: Double)] {
        guard let first = ranked.first else { return ranked }
        let id = first.hit.id
        let isVariant = id.hasSuffix(ForeignElement.variantSuffix)
        guard isVariant != foreign else { return ranked }
        let partner = isVariant ? String(id.dropLast(ForeignElement.variantSuffix.count)) : id + ForeignElement.variantSuffix
        guard let position = ranked.firstIndex(where: { $0.hit.id == partner }) else { return ranked }
        var reordered = ranked
        reordered.swapAt(0, position)
        return reordered
    }

    /// The retrieval hits reordered by BM25 (over the plan's bound) plus the classifier's
    /// probability weighted by `thresholds.classifierWeight`: the best five, each with its fused
    /// score (hits keep their BM25 score, which the thresholds are measured on).
    func rerank(_ hits: [SearchHit], bound: Double, hashes: NGramHashes, context: String?)
        -> [(hit: SearchHit, fused: Double, probability: Double)] {
        let weight = thresholds.classifierWeight
        let probability = hits.isEmpty ? { _ in 0 } : procedureClassifier.probabilities(hashes)
        let fused = hits.map { hit in
            let p = probability(hit.id)
            let penalty = models.guides.contains(hit.id) ? thresholds.guidePenalty : 0
            return (hit, hit.score / bound + weight * p + (hit.id == context ? thresholds.contextBonus : 0) - penalty, p)
        }
        return Array(fused.sorted { $0.1 > $1.1 }.prefix(5))
    }

    /// What a message's masked words say about the aspect: the cue phrase found, the classifier's
    /// guess, whether the message asks at all, and the aspect decided from them. Shared with
    /// `AspectCrossValidation`, so the decision it measures is the dialogue's own.
    struct AspectReading {
        var cue: (aspect: Aspect, cue: String)?
        var learned: (aspect: Aspect, probability: Double)?
        var asks: Bool
        var decided: (aspect: Aspect, cue: String)?
    }

    /// `AspectReading` of masked words; `hashes`, when given, are the n-gram hashes of `masked`.
    static func readAspect(masked: [String], tokens: [Token], message: String, detector: AspectDetector,
                           classifier: AspectClassifier, thresholds: DialogueThresholds, hashes: NGramHashes? = nil) -> AspectReading {
        let cues = detector.cues(in: masked)
        let cue = detector.detect(masked, cues: cues)
        let learned = classifier.classify(words: masked, cues: cues, hashes: hashes)
        let asks = AspectDetector.asks(tokens, message: message)
        var decided = aspect(cue: cue, learned: learned, asks: asks, thresholds: thresholds)
        if let duration = decided, duration.aspect == .duration, AspectDetector.asksPeriodCondition(masked, cues: cues) {
            decided = (.requirements, duration.cue)
        }
        return AspectReading(cue: cue, learned: learned, asks: asks, decided: decided)
    }

    /// The aspect asked: the cue phrase, unless the learned classifier is sure of another; without
    /// a cue, the classifier's aspect when it is sure enough (overview stays the default). A
    /// message that asks nothing keeps to its cue.
    private static func aspect(cue: (aspect: Aspect, cue: String)?, learned: (aspect: Aspect, probability: Double)?, asks: Bool,
                               thresholds: DialogueThresholds) -> (aspect: Aspect, cue: String)? {
        guard let learned, asks else { return cue }
        if let cue {
            // A cue is never overruled towards the overview: "điều kiện … là gì" asks the conditions.
            // An overview cue ("có cách nào", "bắt đầu từ đâu") asks what to do in a situation whose
            // words the classifier reads as an aspect: it takes a surer classifier to overrule.
            let override = cue.aspect == .overview ? thresholds.overviewOverride : thresholds.aspectOverride
            return learned.aspect != cue.aspect && learned.aspect != .overview && learned.probability >= override
                ? (learned.aspect, cue.cue) : cue
        }
        return learned.aspect != .overview && learned.probability >= thresholds.aspectWithoutCue ? (learned.aspect, "") : nil
    }

    /// The reading with the nearest-example vote (groups and 1022 categories) filled in.
    public func voted(_ reading: Reading) -> Reading {
        guard reading.groups.isEmpty else { return reading }
        var result = reading
        // The vote depends on the message alone, whatever the context.
        let vote = votes.value(for: ReadingKey(message: reading.analysis.input.text, context: nil)) { _ in intents.vote(intents.searcher.plan(analysis: reading.analysis)) }
        result.groups = vote.groups
        result.categories = vote.categories
        return result
    }
}
