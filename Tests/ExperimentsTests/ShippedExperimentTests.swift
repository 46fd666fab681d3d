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
        #expect(files.count == 14)
        var names: [String] = []
        for file in files {
            let experiment = try Experiment.load(path: file)
            _ = try PreparedExperiment(experiment)
            names.append(experiment.name)
        }
        #expect(Set(names) == ["gaussians-logreg", "gaussians-two-layer", "quadratic-roots", "optimizers", "square-regression",
                               "threshold-neuron", "moons-mlp", "gradient-check", "blobs3-nll", "lr-sweep", "mse-vs-nll",
                               "digits-mlp", "fashion-mlp", "fashion-width"])
    }

    @Test("The shipped digits are scikit-learn's load_digits: 1797 images of 8 x 8, values 0-16, ten classes")
    func digits() throws {
        let prepared = try PreparedExperiment(try Experiment.load(path: Self.folder + "/digits-mlp.json"))
        let data = prepared.datasets[0]
        #expect(data.count == 1797 && data.inputWidth == 64 && data.imageShape == [8, 8] && data.classCount == 10)
        #expect(data.divisor == 16)
        // load_digits().target[:10] is 0…9, and its class counts are 178, 182, 177, 183, 181, 182, 181, 179, 174, 180.
        #expect((0..<10).map { Int(data.targets[$0, 0]) } == Array(0..<10))
        let counts = (0..<10).map { label in (0..<data.count).filter { Int(data.targets[$0, 0]) == label }.count }
        #expect(counts == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
        // The first image's top row, as load_digits().images[0][0] gives it (0 0 5 13 9 1 0 0), divided by 16.
        #expect((0..<8).map { data.inputs.value(row: 0, column: $0) * 16 } == [0, 0, 5, 13, 9, 1, 0, 0])
        // A stratified quarter: 450 test rows, each class in proportion.
        #expect(data.indices.test.count == 450)
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
