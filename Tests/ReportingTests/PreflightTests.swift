import Experiments
import Foundation
import Testing
@testable import Reporting

/// The checks made before training read the facts of results in their shape alone; they must be
/// exactly the facts the real results give, or an answer would be refused (or let through) wrongly.
@Suite("Checks before training")
struct PreflightTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped experiments with at most `epochs` epochs (the facts' names do not depend on
    /// how long a run trains), and experiments whose runs diverge or never converge.
    static func experiments() throws -> [Experiment] {
        var documents: [(String, Data)] = []
        for file in try ExperimentFiles.find([root.appendingPathComponent("experiments").path]) {
            var object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as! [String: Any]
            if var training = object["training"] as? [String: Any], let epochs = training["epochs"] as? Int {
                training["epochs"] = min(epochs, 30)
                object["training"] = training
            }
            documents.append((file, try JSONSerialization.data(withJSONObject: object)))
        }
        let diverging = """
            {"name": "diverging", "seed": 1, "data": {"source": "function", "formula": "3*x", "samples": 40, "split": {"test": 0.25}},
             "model": [{"linear": 1}], "loss": "mse",
             "optimizer": {"name": "sgd", "lr": 1e6}, "training": {"epochs": 200, "target_loss": 0.1},
             "variants": {"a": {}, "b": {"optimizer.lr": 1e7}}}
            """
        let sweep = """
            {"name": "sweep", "seed": 1, "data": {"source": "function", "formula": "x^2", "samples": 30},
             "model": [{"linear": 3}, {"activation": "tanh"}, {"linear": 1}], "loss": "mse",
             "optimizer": {"name": "sgd", "lr": 0.1}, "training": {"epochs": 10, "probes": [0.5, 1]},
             "sweep": {"optimizer.lr": [0.01, 1e6]}}
            """
        let roots = """
            {"name": "roots", "kind": "minimize", "objective": "x^4", "starts": [3, -3], "lr": [10, 20], "max_iterations": 50}
            """
        documents += [("diverging.json", Data(diverging.utf8)), ("sweep.json", Data(sweep.utf8)), ("roots.json", Data(roots.utf8))]
        return try documents.map { file, data in try Experiment(json: data, file: file) }
    }

    @Test("The facts known before training are the facts the results give, for every shipped experiment and diverging runs")
    func factsBeforeTraining() throws {
        let experiments = try Self.experiments()
        let prepared = try experiments.map { try PreparedExperiment($0) }
        let results = ExperimentRunner.run(prepared, jobs: 2)
        #expect(results.contains { $0.runs.contains { $0.training?.history.outcome.diverged == true } })
        for (candidate, result) in zip(prepared, results) {
            let before = Set(try AnalyzedResult(ExperimentResult(shapeOf: candidate)).findings.facts.keys)
            let after = Set(try AnalyzedResult(result).findings.facts.keys)
            #expect(before == after, "\(candidate.experiment.name): only before \(before.subtracting(after).sorted()), only after \(after.subtracting(before).sorted())")
            #expect(Preflight.problems(in: candidate).isEmpty, "\(candidate.experiment.name)")
        }
    }
}
