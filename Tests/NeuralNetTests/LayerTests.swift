import Testing
@testable import NeuralNet

/// One layer's forward and backward pass as PyTorch computed it.
struct LayerCase: Decodable {
    let input: [[Double]]
    let upstream: [[Double]]
    let output: [[Double]]
    let input_gradient: [[Double]]
    let weight: [[Double]]?
    let bias: [[Double]]?
    let weight_gradient: [[Double]]?
    let bias_gradient: [[Double]]?
}

@Suite("Layers against PyTorch")
struct LayerTests {
    let cases: [String: LayerCase]

    init() throws { cases = try fixture("layers.json") }

    func run(_ layer: any Layer, _ name: String) throws {
        let reference = try #require(cases[name])
        let input = Matrix(fixture: reference.input)
        let output = layer.forward(input)
        #expect(closeness(output, Matrix(fixture: reference.output)) <= 1, "\(name) forward")
        let inputGradient = layer.backward(input: input, output: output, outputGradient: Matrix(fixture: reference.upstream))
        #expect(closeness(inputGradient, Matrix(fixture: reference.input_gradient)) <= 1, "\(name) ∂L/∂x")
    }

    @Test("Linear: output, ∂L/∂x, ∂L/∂W and ∂L/∂b")
    func linear() throws {
        let reference = try #require(cases["linear"])
        let layer = Linear(weight: Matrix(fixture: reference.weight!), bias: Matrix(fixture: reference.bias!))
        try run(layer, "linear")
        #expect(closeness(layer.weight.gradient, Matrix(fixture: reference.weight_gradient!)) <= 1)
        #expect(closeness(layer.bias.gradient, Matrix(fixture: reference.bias_gradient!)) <= 1)
    }

    @Test("Activations, on ordinary and on extreme inputs (±700)", arguments: ["", "_wide"])
    func activations(suffix: String) throws {
        try run(Sigmoid(), "sigmoid" + suffix)
        try run(ReLU(), "relu" + suffix)
        try run(LeakyReLU(), "leaky_relu" + suffix)
        try run(LeakyReLU(slope: 0.2), "leaky_relu_0.2" + suffix)
        try run(Tanh(), "tanh" + suffix)
        try run(Softmax(), "softmax" + suffix)
        try run(Identity(), "identity" + suffix)
    }

    @Test("Every layer passes the numerical gradient check")
    func gradientCheck() {
        var random = TestRandom(seed: 7)
        let layers: [any Layer] = [
            Linear(3, 4, initializer: Normal(std: 1), biasInitializer: Normal(std: 1), random: &random),
            Sigmoid(), ReLU(), LeakyReLU(slope: 0.1), Tanh(), Softmax(), Identity(),
        ]
        for layer in layers {
            let width = layer is Linear ? 3 : 4
            let input = random.normalMatrix(6, width).map { abs($0) < 0.01 ? 0.5 : $0 }
            let weights = random.normalMatrix(6, layer.outputWidth(forInputWidth: width)!)
            for result in GradientCheck.check(layer: layer, input: input, outputWeights: weights) {
                #expect(result.maxAbsoluteDeviation < 1e-8, "\(result.component) \(result.parameter): \(result.maxAbsoluteDeviation)")
            }
        }
    }

    @Test("Layers report the input widths they accept")
    func widths() {
        let layer = Linear(weight: Matrix(rows: 3, columns: 2), bias: Matrix(rows: 1, columns: 2))
        #expect(layer.outputWidth(forInputWidth: 3) == 2)
        #expect(layer.outputWidth(forInputWidth: 4) == nil)
        let network = Sequential([layer, Sigmoid(), Linear(weight: Matrix(rows: 3, columns: 1), bias: Matrix(rows: 1, columns: 1))])
        #expect(network.outputWidth(forInputWidth: 3) == .failure(IncompatibleLayer(index: 2, name: "Linear(3 → 1)", inputWidth: 2)))
    }
}

@Suite("Initialisers")
struct InitializerTests {
    @Test("Draws follow NumPy's layout: randn(inputs, outputs) * std in row-major order")
    func layoutAndScale() {
        var first = TestRandom(seed: 3), second = TestRandom(seed: 3)
        let weight = KaimingNormal().weight(inputs: 2, outputs: 8, random: &first)
        let expected = (0..<16).map { _ in second.nextStandardNormal() * (2.0 / 2).squareRoot() }
        #expect(weight.rows == 2 && weight.columns == 8)
        #expect(weight.elements == expected)
    }

    @Test("Each scheme has the standard deviation or bound it is named for")
    func spread() {
        var random = TestRandom(seed: 4)
        func std(_ matrix: Matrix) -> Double {
            let mean = matrix.sum / Double(matrix.count)
            return (matrix.elements.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(matrix.count)).squareRoot()
        }
        let (inputs, outputs) = (200, 300)
        let kaiming = KaimingNormal().weight(inputs: inputs, outputs: outputs, random: &random)
        let xavier = XavierNormal().weight(inputs: inputs, outputs: outputs, random: &random)
        let lecun = LeCunNormal().weight(inputs: inputs, outputs: outputs, random: &random)
        let uniform = PyTorchDefault().weight(inputs: inputs, outputs: outputs, random: &random)
        #expect(abs(std(kaiming) / (2.0 / 200).squareRoot() - 1) < 0.02)
        #expect(abs(std(xavier) / (2.0 / 500).squareRoot() - 1) < 0.02)
        #expect(abs(std(lecun) / (1.0 / 200).squareRoot() - 1) < 0.02)
        let bound = 1 / 200.0.squareRoot()
        #expect(uniform.elements.allSatisfy { abs($0) <= bound })
        #expect(abs(std(uniform) / (bound / 3.0.squareRoot()) - 1) < 0.02)
        #expect(KaimingNormal().defaultBias is Zeros)
        #expect(PyTorchDefault().defaultBias is PyTorchDefault)
    }
}
