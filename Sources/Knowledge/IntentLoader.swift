import Foundation
import Yams

/// Reads the intent files of `intents/` (format: `intents/README.md`) into an `IntentCatalog`.
public enum IntentLoader {
    static let minimumChitChatExamples = 20
    static let minimumOutOfScopeExamples = 60
    static let minimumCategoryExamples = 25
    static let minimumAspectExamples = 10

    /// Loads and validates every intent file of a folder.
    /// - Throws: `DataError` with every issue of every file.
    public static func load(directory: String) throws(DataError) -> IntentCatalog {
        func open(_ name: String) -> YAMLFile { YAMLFile(path: directory + "/" + name, displayName: "intents/" + name) }
        let files = (chitChat: open("chitchat.yaml"), outOfScope: open("out_of_scope.yaml"), aspects: open("aspects.yaml"),
                     escalation: open("escalation.yaml"), ticketStatus: open("ticket_status.yaml"))
        let ticketStatus = readTicketStatus(files.ticketStatus)
        // Optional: labelled aspect questions train the aspect classifier; without them, cues alone decide.
        let aspectExamplesPath = directory + "/aspect_examples.yaml"
        let aspectExamplesFile = FileManager.default.fileExists(atPath: aspectExamplesPath)
            ? YAMLFile(path: aspectExamplesPath, displayName: "intents/aspect_examples.yaml") : nil
        let catalog = IntentCatalog(
            chitChat: readChitChat(files.chitChat),
            outOfScope: readReplies(files.outOfScope.root, files.outOfScope, what: "out_of_scope", minimum: minimumOutOfScopeExamples)
                ?? .init(examples: [], replies: []),
            aspects: readAspects(files.aspects),
            categories: readCategories(files.escalation),
            handoffExamples: readHandoff(files.escalation),
            complaintCues: readComplaintCues(files.escalation),
            ticketStatusExamples: ticketStatus.examples,
            ticketCodePattern: ticketStatus.pattern,
            aspectExamples: aspectExamplesFile.map(readAspectExamples) ?? [:])
        let issues = ([files.chitChat, files.outOfScope, files.aspects, files.escalation, files.ticketStatus]
            + (aspectExamplesFile.map { [$0] } ?? [])).flatMap(\.issues)
        if !issues.isEmpty { throw DataError(issues: issues) }
        return catalog
    }

    private static func readReplies(_ node: Node?, _ file: YAMLFile, what: String, minimum: Int) -> IntentCatalog.Replies? {
        guard let fields = file.mapping(node, allowed: ["examples", "replies"], required: ["examples", "replies"], what: what) else { return nil }
        let examples = file.strings(fields["examples"], field: "\(what).examples", minimum: minimum) ?? []
        let replies = file.strings(fields["replies"], field: "\(what).replies", minimum: 1) ?? []
        reportDuplicates(examples, node: fields["examples"], file: file, what: "\(what).examples")
        return .init(examples: examples, replies: replies)
    }

    private static func reportDuplicates(_ values: [String], node: Node?, file: YAMLFile, what: String) {
        var seen = Set<String>()
        let lines = file.lines(of: node)
        for (index, value) in values.enumerated() where !seen.insert(value).inserted {
            file.report(line: index < lines.count ? lines[index] : 1, "'\(value)' appears twice in \(what)", hint: "remove one")
        }
    }

    private static func readChitChat(_ file: YAMLFile) -> [ChitChat: IntentCatalog.Replies] {
        let names = ChitChat.allCases.map(\.rawValue)
        guard let fields = file.mapping(file.root, allowed: names, required: names, what: "chitchat.yaml") else { return [:] }
        var result: [ChitChat: IntentCatalog.Replies] = [:]
        for intent in ChitChat.allCases {
            result[intent] = readReplies(fields[intent.rawValue], file, what: intent.rawValue, minimum: minimumChitChatExamples)
        }
        return result
    }

    private static func readAspects(_ file: YAMLFile) -> [Aspect: IntentCatalog.AspectCues] {
        let names = Aspect.allCases.map(\.rawValue)
        guard let fields = file.mapping(file.root, allowed: names, required: names, what: "aspects.yaml") else { return [:] }
        var result: [Aspect: IntentCatalog.AspectCues] = [:]
        var owner: [String: Aspect] = [:]
        for aspect in Aspect.allCases {
            guard let entry = file.mapping(fields[aspect.rawValue], allowed: ["cues", "question"], required: ["cues", "question"],
                                           what: "aspect '\(aspect.rawValue)'") else { continue }
            let cues = file.strings(entry["cues"], field: "\(aspect.rawValue).cues", minimum: 5) ?? []
            let lines = file.lines(of: entry["cues"])
            for (index, cue) in cues.enumerated() {
                if let other = owner[cue], other != aspect {
                    file.report(line: index < lines.count ? lines[index] : 1, "the cue '\(cue)' is also a cue of '\(other.rawValue)'",
                                hint: "a cue must point to one aspect")
                }
                owner[cue] = aspect
            }
            result[aspect] = .init(cues: cues, question: file.string(entry["question"], field: "\(aspect.rawValue).question") ?? "")
        }
        return result
    }

    private static func readAspectExamples(_ file: YAMLFile) -> [Aspect: [String]] {
        let names = Aspect.allCases.map(\.rawValue)
        guard let fields = file.mapping(file.root, allowed: names, required: names, what: "aspect_examples.yaml") else { return [:] }
        var result: [Aspect: [String]] = [:]
        for aspect in Aspect.allCases {
            let examples = file.strings(fields[aspect.rawValue], field: aspect.rawValue, minimum: minimumAspectExamples) ?? []
            reportDuplicates(examples, node: fields[aspect.rawValue], file: file, what: aspect.rawValue)
            result[aspect] = examples
        }
        return result
    }

    private static func readCategories(_ file: YAMLFile) -> [EscalationCategory: IntentCatalog.Category] {
        guard let top = file.mapping(file.root, allowed: ["categories", "handoff", "complaint_cues"],
                                     required: ["categories", "handoff", "complaint_cues"], what: "escalation.yaml"),
              let fields = file.mapping(top["categories"], allowed: EscalationCategory.allCases.map(\.rawValue),
                                        required: EscalationCategory.allCases.map(\.rawValue), what: "categories") else { return [:] }
        var result: [EscalationCategory: IntentCatalog.Category] = [:]
        for category in EscalationCategory.allCases {
            guard let entry = file.mapping(fields[category.rawValue], allowed: ["name", "cues", "examples"],
                                           required: ["name", "cues", "examples"], what: "category '\(category.rawValue)'") else { continue }
            result[category] = .init(
                name: file.string(entry["name"], field: "\(category.rawValue).name") ?? "",
                cues: file.strings(entry["cues"], field: "\(category.rawValue).cues", minimum: 5) ?? [],
                examples: file.strings(entry["examples"], field: "\(category.rawValue).examples", minimum: minimumCategoryExamples) ?? [])
        }
        return result
    }

    private static func readHandoff(_ file: YAMLFile) -> [String] {
        guard let top = file.root?.mapping, let handoff = top["handoff"] else { return [] }
        guard let fields = file.mapping(handoff, allowed: ["examples"], required: ["examples"], what: "handoff") else { return [] }
        return file.strings(fields["examples"], field: "handoff.examples", minimum: 10) ?? []
    }

    private static func readComplaintCues(_ file: YAMLFile) -> [String] {
        guard let top = file.root?.mapping, let node = top["complaint_cues"] else { return [] }
        return file.strings(node, field: "complaint_cues", minimum: 5) ?? []
    }

    private static func readTicketStatus(_ file: YAMLFile) -> (examples: [String], pattern: String) {
        guard let fields = file.mapping(file.root, allowed: ["examples", "code_pattern"], required: ["examples", "code_pattern"],
                                        what: "ticket_status.yaml") else { return ([], "") }
        let pattern = file.string(fields["code_pattern"], field: "code_pattern") ?? ""
        if !pattern.isEmpty, (try? NSRegularExpression(pattern: pattern)) == nil {
            file.report(fields["code_pattern"], "'code_pattern' is not a valid regular expression", hint: "check brackets and escapes")
        }
        return (file.strings(fields["examples"], field: "examples", minimum: 10) ?? [], pattern)
    }
}
