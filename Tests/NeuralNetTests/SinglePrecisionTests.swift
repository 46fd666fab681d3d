import Foundation
import Testing
@testable import NeuralNet

/// Five epochs of a 16-32-10 ReLU network as PyTorch trained it in float32 and in float64.
struct Float32NetworkFixture: Decodable {
    struct LinearValues: Decodable {
        let weight: [[Double]]
        let bias: [[Double]]
    }
    struct Run: Decodable {
        let losses: [Double]
        let final: [LinearValues]
    }
    let inputs: [[Double]]
    let targets: [Int]
    let initial: [LinearValues]
    let runs: [String: Run]
}

/// `Precision.float32`: Float passes, Double parameters and optimizer.
@Suite("Single precision")
struct SinglePrecisionTests {
    /// The largest |a − b| over the largest |b|: a relative error NaN cannot pass (NaN compares false).
    static func relativeDeviation(_ a: [Double], _ b: [Double]) -> Double {
        guard !a.isEmpty, a.count == b.count, a.allSatisfy(\.isFinite) else { return .infinity }
        let scale = max(b.map(abs).max() ?? 0, 1e-300)
        return largestError(zip(a, b).map { abs($0 - $1) }) / scale
    }

    @Test("Float32 gradients of every parameter agree with float64 central differences to float32's precision")
    func gradients() {
        var random = TestRandom(seed: 11)
        let network = Sequential([Linear(6, 8, random: &random), Tanh(), Linear(8, 8, random: &random), Sigmoid(),
                                  Linear(8, 5, random: &random), ReLU(), Linear(5, 3, random: &random)])
        let inputs = Matrix(rows: 7, columns: 6, elements: (0..<42).map { sin(Double($0) * 0.7) * 1.5 })
        let targets = Matrix.column((0..<7).map { Double($0 % 3) })
        let loss = SoftmaxCrossEntropy()
        let pass = SinglePrecisionPass(network: network)
        let output = pass.forward { $0.assign(inputs) }
        pass.backward(loss.valueAndGradient(output.matrix, targets).gradient)
        for parameter in network.parameters {
            let analytic = parameter.gradient.elements
            let numerical = GradientCheck.numericalGradient(at: parameter.value) { value in
                let saved = parameter.value
                parameter.value = value
                defer { parameter.value = saved }
                return loss.value(network.predict(inputs), targets)
            }
            // Float's unit roundoff is 6e-8, and a pass of four layers stays within a few of them of
            // the gradient's scale; a wrong gradient (a missing term, a transposed product) is off by O(1).
            let deviation = Self.relativeDeviation(analytic, numerical.elements)
            #expect(deviation < 1e-5, "\(parameter.name)")
        }
    }

    @Test("Five mini-batch epochs follow PyTorch: float32 to float32's precision, float64 to the last bits", arguments: Precision.allCases)
    func matchesPyTorch(precision: Precision) throws {
        let reference: Float32NetworkFixture = try fixture("network_float32.json")
        let run = try #require(reference.runs[precision.rawValue])
        let linears = reference.initial.map { Linear(weight: Matrix(fixture: $0.weight), bias: Matrix(fixture: $0.bias)) }
        let network = Sequential([linears[0], ReLU(), linears[1]])
        let data = LabeledData(inputs: Matrix(fixture: reference.inputs), targets: .column(reference.targets.map(Double.init)))
        let trainer = Trainer(network: network, loss: SoftmaxCrossEntropy(), optimizer: SGD(learningRate: 0.1, momentum: 0.9),
                              configuration: TrainingConfiguration(epochs: 5, batching: .miniBatch(10), shuffle: false, precision: precision))
        var random = TestRandom(seed: 0)
        let history = trainer.train(on: data, random: &random)
        // PyTorch float32 keeps its parameters in float32 too; ours stay in float64, so the two
        // drift apart by float32 roundings of the weights, about 1e-6 of their size.
        let tolerance = precision == .float32 ? 2e-5 : 1e-12
        #expect(Self.relativeDeviation(history.batchLoss, run.losses) < tolerance)
        if precision == .float32, let double = reference.runs["float64"] {
            // And the passes really are in Float: the losses leave float64's by more than Double's roundings.
            #expect(Self.relativeDeviation(history.batchLoss, double.losses) > 1e-9)
        }
        for (layer, expected) in zip(linears, run.final) {
            #expect(Self.relativeDeviation(layer.weight.value.elements, Matrix(fixture: expected.weight).elements) < tolerance)
            #expect(Self.relativeDeviation(layer.bias.value.elements, Matrix(fixture: expected.bias).elements) < tolerance)
        }
    }
}
