/// One curated procedure (or general guide) as officers write it in
/// `corpus/procedures/<id>.yaml`; see `corpus/README.md` for the format.
public struct Procedure: Sendable, Equatable, Identifiable {
    /// Procedure or general guide.
    public enum Kind: String, Sendable, CaseIterable {
        case procedure, guide
        /// Converted from the national portal by `hoidap import`; no curated aliases or examples.
        case imported
    }

    /// The ways a dossier can be submitted.
    public enum Channel: String, Sendable, CaseIterable {
        case inPerson = "trực tiếp"
        case online = "trực tuyến"
        case post = "bưu chính"
    }

    /// Where to submit: offices in person, and the portal for online submission.
    public struct Place: Sendable, Equatable {
        public var offices: [String]
        public var online: String?
    }

    /// One document of the dossier.
    public struct Document: Sendable, Equatable {
        public var name: String
        public var form: String?
        public var count: String?
        public var note: String?
    }

    /// A processing time, per channel when they differ (nil = every channel).
    public struct Duration: Sendable, Equatable {
        public var channel: Channel?
        public var time: String
    }

    /// A fee, per channel when they differ (nil = every channel).
    public struct Fee: Sendable, Equatable {
        public var channel: Channel?
        public var amount: String
        public var note: String?
    }

    public var id: String
    public var kind: Kind
    public var code: String
    public var title: String
    public var aliases: [String]
    public var field: String
    public var level: String
    public var agency: String
    public var place: Place
    public var channels: [Channel]
    public var steps: [String]
    public var documents: [Document]
    public var duration: [Duration]
    public var fee: [Fee]
    public var exemptions: [String]
    public var requirements: [String]
    public var result: String
    public var legalBasis: [String]
    public var notes: [String]
    public var source: String?
    public var updated: String
    public var examples: [String]
    /// The file it came from, for error messages.
    public var file: String

    /// Whether the procedure can be submitted online.
    public var isOnline: Bool { channels.contains(.online) }
}
