import Foundation
import Testing
@testable import Experiments

/// The files in `experiments/` and their schema, as users get them.
@Suite("Shipped experiments")
struct ShippedExperimentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = root.appendingPathComponent("experiments").path

    @Test("Every catalog row has a file, and every file validates against its data")
    func filesValidate() throws {
        let files = try ExperimentFiles.find([Self.folder])
        #expect(files.count == 11)
        var names: [String] = []
        for file in files {
            let experiment = try Experiment.load(path: file)
            _ = try PreparedExperiment(experiment)
            names.append(experiment.name)
        }
        #expect(Set(names) == ["gaussians-logreg", "gaussians-two-layer", "quadratic-roots", "optimizers", "square-regression",
                               "threshold-neuron", "moons-mlp", "gradient-check", "blobs3-nll", "lr-sweep", "mse-vs-nll"])
    }

    @Test("Seed 003's data, split and initial weights come out as the notebook's NumPy draws them")
    func moonsSeeds() throws {
        let experiment = try Experiment.load(path: Self.folder + "/moons-mlp.json")
        let prepared = try PreparedExperiment(experiment)
        #expect(prepared.datasets.count == 1)
        #expect(prepared.datasets[0].indices.train.count == 800 && prepared.datasets[0].indices.test.count == 200)
        guard case .training(let setup) = experiment.runs[0].setup else { Issue.record("not a training run"); return }
        #expect(setup.seeds == Seeds(data: 42, split: 42, initialization: 42, shuffle: setup.seeds.shuffle))
    }
}
