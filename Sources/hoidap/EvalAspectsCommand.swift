import ArgumentParser
import Dialogue
import Foundation
import Knowledge

/// `hoidap eval-aspects`: cross-validated accuracy of the aspect model on its own labelled questions.
struct EvalAspectsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-aspects",
        abstract: "Cross-validate the aspect classifier on intents/aspect_examples.yaml (no evaluation set involved)."
    )

    @Option(help: "Number of folds.")
    var folds = 5

    @Option(name: .customLong("set"), help: "Override a decision threshold, e.g. --set aspectOverride=0.8 (repeatable).")
    var overrides: [String] = []

    @OptionGroup var options: DialogueOptions

    func run() throws {
        guard folds >= 2 else { throw ValidationError("--folds must be at least 2") }
        let knowledge = try options.knowledge()
        let result = AspectCrossValidation.run(knowledge: knowledge, models: DialogueModels(knowledge: knowledge), folds: folds,
                                                thresholds: try ThresholdSearch.thresholds(overrides))
        print("examples              \(result.examples)")
        print(String(format: "cue phrases alone     %.3f", result.cuesOnly))
        print(String(format: "classifier alone      %.3f", result.classifier))
        print(String(format: "decision              %.3f", result.decision))
        for aspect in Aspect.allCases {
            guard let tally = result.perAspect[aspect] else { continue }
            print(String(format: "  %-14@ %.3f  (%d)", aspect.rawValue as NSString, Double(tally.correct) / Double(max(tally.total, 1)), tally.total))
        }
    }
}
