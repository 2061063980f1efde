import Foundation
import Testing
@testable import Knowledge

/// A broken intents folder is refused with every issue.
@Suite struct IntentLoaderTests {
    func folder(replacing name: String, with text: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hoidap-intents-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for file in ["chitchat.yaml", "out_of_scope.yaml", "aspects.yaml", "escalation.yaml", "ticket_status.yaml"] {
            let source = URL(fileURLWithPath: ProjectPaths.intents).appendingPathComponent(file)
            try FileManager.default.copyItem(at: source, to: directory.appendingPathComponent(file))
        }
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return directory.path
    }

    func issues(_ directory: String) -> [String] {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            _ = try IntentLoader.load(directory: directory)
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    @Test func shippedIntentsLoad() throws {
        let catalog = try IntentLoader.load(directory: ProjectPaths.intents)
        #expect(catalog.ticketCodePattern == "^1022-[0-9A-Z]{4}-[0-9A-Z]{4}$")
        #expect(catalog.aspects[.fee]?.question.isEmpty == false)
    }

    @Test func ticketStatusProblems() throws {
        let directory = try folder(replacing: "ticket_status.yaml", with: "examples: [một, hai]\ncode_pattern: '^1022-['\nextra: 1\n")
        #expect(issues(directory) == [
            "intents/ticket_status.yaml:3: unknown key 'extra' in ticket_status.yaml (fix: allowed keys: examples, code_pattern)",
            "intents/ticket_status.yaml:2: 'code_pattern' is not a valid regular expression (fix: check brackets and escapes)",
            "intents/ticket_status.yaml:1: 'examples' needs at least 10 entries, has 2",
        ])
    }

    @Test func aspectCueSharedByTwoAspects() throws {
        var text = try String(contentsOfFile: ProjectPaths.intents + "/aspects.yaml", encoding: .utf8)
        text = text.replacingOccurrences(of: "  question: Thủ tục này là gì?", with: "  - lệ phí\n  question: Thủ tục này là gì?")
        let found = issues(try folder(replacing: "aspects.yaml", with: text))
        #expect(found.count == 1)
        #expect(found.first?.hasSuffix("the cue 'lệ phí' is also a cue of 'overview' (fix: a cue must point to one aspect)") == true)
    }

    @Test func missingFilesAreReported() {
        let found = issues("/nonexistent/intents")
        #expect(found.first == "intents/chitchat.yaml:0: cannot read the file (fix: check that it exists and is readable)")
        #expect(found.count == 5)
    }
}

/// The optional labelled aspect questions.
@Suite struct AspectExamplesLoaderTests {
    let loader = IntentLoaderTests()

    @Test func shippedAspectExamplesLoad() throws {
        let catalog = try IntentLoader.load(directory: ProjectPaths.intents)
        for aspect in Aspect.allCases {
            #expect((catalog.aspectExamples[aspect]?.count ?? 0) >= IntentLoader.minimumAspectExamples, "\(aspect)")
        }
    }

    @Test func withoutTheFileTheCatalogHasNoExamples() throws {
        let directory = try loader.folder(replacing: "unused.yaml", with: "")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let catalog = try IntentLoader.load(directory: directory)
        #expect(catalog.aspectExamples.isEmpty)
    }

    @Test func brokenAspectExamplesAreRefused() throws {
        let lines = (1...10).map { "  - câu hỏi về lệ phí số \($0)" }.joined(separator: "\n")
        let text = "fee:\n" + lines + "\n  - câu hỏi về lệ phí số 1\nsteps: [một]\ncolour: [đỏ]\n"
        let found = loader.issues(try loader.folder(replacing: "aspect_examples.yaml", with: text))
        #expect(found.contains("intents/aspect_examples.yaml:14: unknown key 'colour' in aspect_examples.yaml (fix: allowed keys: overview, documents, fee, duration, agency, steps, online, requirements, legal_basis, result)"), "\(found)")
        #expect(found.contains { $0.hasPrefix("intents/aspect_examples.yaml:12: 'câu hỏi về lệ phí số 1' appears twice in fee") }, "\(found)")
        #expect(found.contains("intents/aspect_examples.yaml:13: 'steps' needs at least 10 entries, has 1"), "\(found)")
        #expect(found.contains { $0.contains("overview") && $0.contains("missing") }, "\(found)")
    }
}
