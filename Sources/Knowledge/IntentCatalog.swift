/// The aspects of a procedure a citizen can ask about.
public enum Aspect: String, Sendable, CaseIterable, Codable {
    case overview, documents, fee, duration, agency, steps, online, requirements
    case legalBasis = "legal_basis"
    case result
}

/// The 1022 escalation categories.
public enum EscalationCategory: String, Sendable, CaseIterable, Codable {
    case haTang = "ha_tang", giaoThong = "giao_thong", tratTuDoThi = "trat_tu_do_thi", moiTruong = "moi_truong"
    case yTe = "y_te", hanhChinh = "hanh_chinh", anNinh = "an_ninh", khac
}

/// Small talk the assistant answers itself.
public enum ChitChat: String, Sendable, CaseIterable, Codable {
    case greeting, thanks, goodbye, identity, help
}

/// Everything in `intents/` except the lexicon: how hoidap recognises what a citizen wants.
public struct IntentCatalog: Sendable {
    /// Examples and reply templates of one intent.
    public struct Replies: Sendable, Equatable {
        public var examples: [String]
        public var replies: [String]
    }

    /// Cue phrases of one aspect and its suggestion-chip question.
    public struct AspectCues: Sendable, Equatable {
        public var cues: [String]
        public var question: String
    }

    /// One escalation category.
    public struct Category: Sendable, Equatable {
        public var name: String
        public var cues: [String]
        public var examples: [String]
    }

    public var chitChat: [ChitChat: Replies]
    public var outOfScope: Replies
    public var aspects: [Aspect: AspectCues]
    public var categories: [EscalationCategory: Category]
    public var handoffExamples: [String]
    public var complaintCues: [String]
    public var ticketStatusExamples: [String]
    /// The shape of a ticket code, as a regular expression.
    public var ticketCodePattern: String
    /// Questions labelled with the aspect they ask (`aspect_examples.yaml`, optional).
    public var aspectExamples: [Aspect: [String]] = [:]
}
