import Foundation
import Testing
@testable import Reporting

/// Answers read as sentences whatever the results: a fact without a value carries its own unit.
@Suite("Answer wording")
struct AnswerWordingTests {
    static func experiment(target: Double) -> String {
        """
        {"name": "target", "seed": 2, "data": {"source": "moons", "samples": 40, "noise": 0.1},
         "model": [{"linear": 4}, {"activation": "tanh"}, {"linear": 1}, {"activation": "sigmoid"}],
         "loss": "bce", "optimizer": {"name": "sgd", "lr": 0.1}, "training": {"epochs": 3, "target_loss": \(target)},
         "questions": [{"question": "How fast?", "answer": "Loss \(target): {{epochs_to_target}} epochs ({{steps_to_target}} steps)."}]}
        """
    }

    @Test("A target never reached reads 'not reached in the 3 epochs', not 'not reached epochs'")
    func unreachedTarget() throws {
        let page = try PageRendering.render(Self.experiment(target: 1e-6)).markdown
        #expect(page.contains("Loss 1e-06: not reached in the 3 epochs (not reached in the 3 steps)."), "\(page)")
        #expect(!page.contains("not reached epochs") && !page.contains("steps steps"))
        let reached = try PageRendering.render(Self.experiment(target: 10)).markdown
        #expect(reached.contains("Loss 10.0: 0 epochs (0 steps)."), "\(reached)")
    }

    @Test("Only a unit word right after a missing fact is dropped")
    func droppingUnits() {
        let findings = Findings(facts: ["gone": .missing("never (the run diverged)"), "here": .count(4)])
        #expect(findings.fill("{{gone}} epochs, {{here}} epochs").text == "never (the run diverged), 4 epochs")
        #expect(findings.fill("{{gone}} epochsful").text == "never (the run diverged) epochsful")
        #expect(findings.fill("{{gone}}. Epochs").text == "never (the run diverged). Epochs")
        #expect(findings.fill("{{gone}} Steps left").text == "never (the run diverged) left")
    }
}
