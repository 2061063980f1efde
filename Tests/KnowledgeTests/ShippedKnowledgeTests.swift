import Foundation
import Testing
@testable import Knowledge
import VietText

/// The data the project ships loads cleanly and covers what it must.
@Suite struct ShippedKnowledgeTests {
    static let knowledge = Result { () throws(DataError) -> KnowledgeBase in
        try KnowledgeBase.load(corpus: ProjectPaths.corpus, intents: ProjectPaths.intents)
    }

    @Test func corpusAndIntentsValidate() throws {
        switch Self.knowledge {
        case .success(let knowledge):
            #expect(knowledge.procedures.count >= 89)
            #expect(knowledge.units.desk.id == "trung-tam-1022")
            #expect(knowledge.lexicon.entries.count >= 150)
        case .failure(let error):
            Issue.record("the shipped data has problems:\n\(error.description)")
        }
    }

    @Test func intentMinimumsAreMet() throws {
        let knowledge = try Self.knowledge.get()
        for intent in ChitChat.allCases {
            #expect((knowledge.intents.chitChat[intent]?.examples.count ?? 0) >= 20, "\(intent)")
            #expect(!(knowledge.intents.chitChat[intent]?.replies.isEmpty ?? true), "\(intent)")
        }
        #expect(knowledge.intents.outOfScope.examples.count >= 60)
        for category in EscalationCategory.allCases {
            #expect((knowledge.intents.categories[category]?.examples.count ?? 0) >= 25, "\(category)")
        }
        #expect(Set(knowledge.intents.aspects.keys) == Set(Aspect.allCases))
        #expect(knowledge.procedures.allSatisfy { $0.examples.count >= 4 })
    }

    @Test(.enabled(if: ProjectPaths.sharedAvailable, ProjectPaths.sharedSkip))
    func everyCatalogueProcedureIsPresent() throws {
        let knowledge = try Self.knowledge.get()
        let catalogue = try String(contentsOf: ProjectPaths.shared.appendingPathComponent("catalogue/procedures.tsv"), encoding: .utf8)
        let ids = catalogue.split(separator: "\n").dropFirst().compactMap { $0.split(separator: "\t").first.map(String.init) }
        #expect(ids.count == 89)
        let present = Set(knowledge.procedures.map(\.id))
        #expect(ids.filter { !present.contains($0) } == [])
        let guides = knowledge.procedures.filter { !ids.contains($0.id) }
        #expect(guides.allSatisfy { $0.kind == .guide }, "non-catalogue entries must be guides: \(guides.map(\.id))")
    }

    /// The development set is written fresh: no question repeats a corpus example, and every
    /// label names a procedure that exists.
    @Test func developmentSetIsFreshAndResolves() throws {
        let knowledge = try Self.knowledge.get()
        let examples = Set(knowledge.procedures.flatMap(\.examples).map(VietString.normalize))
        let ids = Set(knowledge.procedures.map(\.id))
        for file in ["eval/dev/questions.jsonl", "eval/test/questions.jsonl"] {
            let lines = try ProjectPaths.jsonLines(file)
            let copies = lines.compactMap { $0["question"] as? String }.filter { examples.contains(VietString.normalize($0)) }
            #expect(copies == [], "\(file) repeats corpus examples")
            let unknown = lines.flatMap { $0["relevant"] as? [String] ?? [] }.filter { !ids.contains($0) }
            #expect(unknown == [], "\(file) names unknown procedures")
        }
        let dev = try ProjectPaths.jsonLines("eval/dev/questions.jsonl")
        let procedureQuestions = dev.filter { $0["intent"] as? String == "procedure" }
        #expect(procedureQuestions.count >= 600)
        #expect(Set(procedureQuestions.flatMap { $0["relevant"] as? [String] ?? [] }).count >= 89)
        #expect(Set(procedureQuestions.compactMap { $0["style"] as? String }) == ["formal", "no_diacritics", "colloquial", "indirect"])
        #expect(Set(procedureQuestions.compactMap { $0["aspect"] as? String }) == Set(Aspect.allCases.map(\.rawValue)))
        #expect(dev.filter { $0["intent"] as? String == "escalate" }.count >= 80)
        #expect(dev.filter { $0["intent"] as? String == "out_of_scope" }.count >= 60)
        #expect(dev.filter { ChitChat(rawValue: $0["intent"] as? String ?? "") != nil }.count >= 40)
        #expect(try ProjectPaths.jsonLines("eval/dev/dialogues.jsonl").count >= 30)
    }
}
