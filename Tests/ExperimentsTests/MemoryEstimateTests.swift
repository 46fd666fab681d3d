import Foundation
import Testing
@testable import Experiments

/// The memory a run is refused for is the memory it would take, part by part: what the optimizer
/// really keeps with its settings, and the parameters counted once for each copy a run holds.
@Suite("Memory estimates")
struct MemoryEstimateTests {
    /// The parts of the estimate for a 100-10 network trained on 1000 rows by `optimizer`.
    static func parts(_ optimizer: String) throws -> [String: Double] {
        let experiment = try Experiment(json: Data("""
            {"name": "m", "data": {"source": "moons", "samples": 1000}, "model": [{"linear": 10}], "loss": "nll",
             "optimizer": \(optimizer), "training": {"epochs": 1, "batch": 10}}
            """.utf8), file: "m.json")
        guard case .training(let setup) = experiment.runs[0].setup else { throw CancellationError() }
        let estimate = MemoryEstimate.training(setup, rows: 1000, inputWidth: 100, evaluatedRows: 1000)
        return Dictionary(uniqueKeysWithValues: estimate.parts.map { ($0.name, $0.bytes) })
    }

    @Test("Plain SGD keeps no optimizer state; momentum adds one buffer, weight decay another, Adam four")
    func optimizerState() throws {
        let parameters = 101.0 * 10
        #expect(try Self.parts(#"{"name": "sgd", "lr": 0.1}"#)["optimizer state"] == 0)
        #expect(try Self.parts(#"{"name": "sgd", "lr": 0.1, "momentum": 0.9}"#)["optimizer state"] == 8 * parameters)
        #expect(try Self.parts(#"{"name": "sgd", "lr": 0.1, "momentum": 0.9, "weight_decay": 0.01}"#)["optimizer state"] == 16 * parameters)
        #expect(try Self.parts(#"{"name": "adam", "lr": 0.1}"#)["optimizer state"] == 32 * parameters)
    }

    @Test("Parameters are counted as the run holds them: values and gradients, and the two copies the results keep")
    func parameters() throws {
        let parts = try Self.parts(#"{"name": "sgd", "lr": 0.1}"#)
        #expect(parts["parameters and gradients"] == Double(8 * 2 * 1010))
        #expect(parts["initial and final parameters"] == Double(8 * 2 * 1010))
        #expect(MemoryEstimate(parts: [("parameters and gradients", 3e9), ("optimizer state", 0)]).description == "3.0 GB for its parameters and gradients")
    }
}
