import Configuration
import Foundation
import NeuralNet
import Testing
import TestSupport
@testable import Experiments

/// Every registered optimizer, made as an experiment file makes it (its name and PyTorch's keyword
/// arguments as settings), takes PyTorch's twenty steps (`Tests/NeuralNetTests/Fixtures/optimizers.json`).
@Suite("Optimizers, as files name them, against PyTorch")
struct OptimizerRegistryTests {
    struct Fixture: Decodable {
        struct Case: Decodable {
            let optimizer: String
            let options: [String: SettingValue]
            let trajectory: [[[[Double]]]]
        }
        let initial: [[[Double]]]
        let curvature: [[[Double]]]
        let offset: [[[Double]]]
        let cases: [Case]
    }

    static let fixture: Fixture? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("NeuralNetTests/Fixtures/optimizers.json")
        return (try? Data(contentsOf: url)).flatMap { try? JSONDecoder().decode(Fixture.self, from: $0) }
    }()

    @Test("Every registered optimizer has PyTorch fixtures, and every fixture names a registered optimizer")
    func coverage() throws {
        let fixture = try #require(Self.fixture)
        #expect(Set(fixture.cases.map(\.optimizer)) == Set(Registry.optimizers.map { $0.name }))
    }

    @Test("Twenty steps of every configuration follow PyTorch's trajectory", arguments: (Self.fixture?.cases ?? []).indices)
    func trajectory(_ index: Int) throws {
        let fixture = try #require(Self.fixture)
        let reference = fixture.cases[index]
        let kind = try #require(Registry.optimizer(named: reference.optimizer))
        var options = reference.options
        let rate = options.removeValue(forKey: "lr")
        guard case .number(let learningRate) = rate else { Issue.record("lr is missing or not a number"); return }
        // PyTorch's keywords are the settings' keys (an unknown one is refused).
        let setup = try OptimizerSetup(kind, learningRate: learningRate, settings: SettingValues(options))
        let optimizer = setup.makeOptimizer()
        let curvature = fixture.curvature.map { Matrix($0) }
        let offset = fixture.offset.map { Matrix($0) }
        let parameters = fixture.initial.enumerated().map { Parameter(name: "p\($0)", value: Matrix($1), isWeight: true) }
        for (step, expected) in reference.trajectory.enumerated() {
            for (index, parameter) in parameters.enumerated() {
                parameter.gradient = curvature[index].hadamard(parameter.value) + offset[index]
            }
            optimizer.step(parameters)
            for (parameter, values) in zip(parameters, expected) {
                let error = closeness(parameter.value, Matrix(values))
                #expect(error <= 1, "\(setup.summary), step \(step + 1): \(error)")
            }
        }
    }
}
