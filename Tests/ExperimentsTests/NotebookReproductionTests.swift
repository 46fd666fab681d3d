import Foundation
import NeuralNet
import TestSupport
import Testing
@testable import Experiments

/// The shipped experiments reproduce the notebooks' numbers where the data allows it.
@Suite("Notebook reproduction")
struct NotebookReproductionTests {
    struct MoonsFixture: Decodable {
        struct History: Decodable {
            let loss: [Double]
            let accuracy_train: [Double]
            let accuracy_test: [Double]
            let W1_norm: [Double]
            let W2_norm: [Double]
        }
        let initial: [String: [Double]]
        let history: History
    }

    @Test("moons-mlp's 20 epochs follow seed 003's NumPy history (loss before each update, the rest after it)")
    func moonsHistory() throws {
        let fixture = try fixture("moons_history.json", as: MoonsFixture.self)
        var experiment = try Experiment.load(path: ShippedExperimentTests.folder + "/moons-mlp.json")
        experiment.runs = experiment.runs.filter { $0.name == "20 epochs" }
        let result = ExperimentRunner.run([try PreparedExperiment(experiment)], jobs: 1)[0]
        let training = try #require(result.runs.first?.training)
        #expect(training.initialParameters[0].values == fixture.initial["W1"]!)
        #expect(training.initialParameters[2].values == fixture.initial["W2"]!)

        let history = training.history
        let train = history.splits[0], test = try #require(history.split(.test))
        for epoch in 0..<20 {
            #expect(isClose(train.loss[epoch], fixture.history.loss[epoch], relative: 1e-12), "loss at \(epoch)")
            #expect(train.accuracy![epoch + 1] == fixture.history.accuracy_train[epoch])
            #expect(test.accuracy![epoch + 1] == fixture.history.accuracy_test[epoch])
            #expect(isClose(history.weightNorms[0][epoch + 1], fixture.history.W1_norm[epoch], relative: 1e-12))
            #expect(isClose(history.weightNorms[1][epoch + 1], fixture.history.W2_norm[epoch], relative: 1e-12))
        }
    }
}
