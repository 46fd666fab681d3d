import Testing
@testable import NeuralNet

/// Per-sample and full-batch training through the C kernel (`TrainingKernel`) against the general
/// path: the same bits, or the general path when the kernel cannot run a network exactly.
@Suite("Training kernels")
struct TrainingKernelTests {
    /// A network, loss and optimizer to train one sample at a time, built
    /// afresh (same seed, same weights) for each path.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        var batching: Batching = .perSample
        let widths: (inputs: Int, outputs: Int)
        let epochs: Int
        let shuffle: Bool
        /// Whether the targets are class indices (one column) rather than 0/1 values as wide as the output.
        var classes = false
        let layers: @Sendable (inout TestRandom) -> [any Layer]
        let loss: any Loss
        let optimizer: @Sendable () -> any Optimizer
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "1-100-1 ReLU, MSE, velocity-form momentum (seed 001)", widths: (1, 1), epochs: 3, shuffle: false,
             layers: { random in [Linear(1, 100, initializer: Normal(std: 0.1), random: &random), ReLU(),
                                  Linear(100, 1, initializer: Normal(std: 0.1), random: &random)] },
             loss: MeanSquaredError(), optimizer: { SGD(learningRate: 1e-3, momentum: 0.9, velocityForm: true) }),
        Case(name: "2-8-1 tanh, sigmoid, BCE, Nesterov with weight decay, shuffled", widths: (2, 1), epochs: 4, shuffle: true,
             layers: { random in [Linear(2, 8, random: &random), Tanh(), Linear(8, 1, random: &random), Sigmoid()] },
             loss: BinaryCrossEntropy(),
             optimizer: { SGD(learningRate: 0.1, momentum: 0.5, nesterov: true, weightDecay: 0.01) }),
        Case(name: "3-5-2 leaky ReLU, logits BCE summed, dampened momentum", widths: (3, 2), epochs: 3, shuffle: true,
             layers: { random in [Linear(3, 5, initializer: KaimingNormal(), random: &random), LeakyReLU(slope: 0.1),
                                  Linear(5, 2, initializer: XavierNormal(), random: &random), Identity()] },
             loss: BinaryCrossEntropyWithLogits(reduction: .sum),
             optimizer: { SGD(learningRate: 0.05, momentum: 0.8, dampening: 0.3) }),
        Case(name: "2-1-5 through a one-unit layer, MSE per row, plain SGD", widths: (2, 5), epochs: 3, shuffle: false,
             layers: { random in [Linear(2, 1, random: &random), Sigmoid(), Linear(1, 5, random: &random)] },
             loss: MeanSquaredError(reduction: .batchMean), optimizer: { SGD(learningRate: 0.02) }),
        Case(name: "an activation first, then 3-20-4", widths: (3, 4), epochs: 2, shuffle: true,
             layers: { random in [Tanh(), Linear(3, 20, random: &random), Sigmoid(), Linear(20, 4, random: &random)] },
             loss: MeanSquaredError(), optimizer: { SGD(learningRate: 0.1, momentum: 0.9) }),
        Case(name: "3-6-4 sigmoid, softmax cross-entropy, one sample at a time", widths: (3, 4), epochs: 2, shuffle: true,
             classes: true, layers: { random in [Linear(3, 6, random: &random), Sigmoid(), Linear(6, 4, random: &random)] },
             loss: SoftmaxCrossEntropy(), optimizer: { SGD(learningRate: 0.1, momentum: 0.9) }),
        Case(name: "a rate that diverges", widths: (1, 1), epochs: 50, shuffle: false,
             layers: { random in [Linear(1, 4, random: &random), ReLU(), Linear(4, 1, random: &random)] },
             loss: MeanSquaredError(), optimizer: { SGD(learningRate: 3) }),
        Case(name: "full batch: 2-10-10-3 sigmoid, softmax cross-entropy (seed 004)", batching: .full, widths: (2, 3), epochs: 5,
             shuffle: false, classes: true,
             layers: { random in [Linear(2, 10, random: &random), Sigmoid(), Linear(10, 10, random: &random), Sigmoid(),
                                  Linear(10, 3, random: &random)] },
             loss: SoftmaxCrossEntropy(), optimizer: { SGD(learningRate: 0.5) }),
        Case(name: "full batch: Linear(1 → 1), a dot product's weight gradient, with momentum", batching: .full, widths: (1, 1), epochs: 4,
             shuffle: false, layers: { random in [Linear(1, 1, random: &random)] },
             loss: MeanSquaredError(), optimizer: { SGD(learningRate: 0.1, momentum: 0.9, nesterov: true) }),
        Case(name: "full batch: 3-7-2 tanh, logits BCE, weight decay", batching: .full, widths: (3, 2), epochs: 4, shuffle: false,
             layers: { random in [Linear(3, 7, random: &random), Tanh(), Linear(7, 2, random: &random)] },
             loss: BinaryCrossEntropyWithLogits(), optimizer: { SGD(learningRate: 0.2, weightDecay: 0.05) }),
        Case(name: "full batch: a rate that diverges", batching: .full, widths: (1, 1), epochs: 60, shuffle: false,
             layers: { random in [Linear(1, 4, random: &random), ReLU(), Linear(4, 1, random: &random)] },
             loss: MeanSquaredError(), optimizer: { SGD(learningRate: 9) }),
    ]

    /// Trains a fresh copy of `testCase` twice in a row (the second call continues from the first's
    /// weights and optimizer state), through the kernel or the general loop.
    func train(_ testCase: Case, kernel: Bool) -> (histories: [TrainingHistory], network: Sequential) {
        var random = TestRandom(seed: 11)
        let network = Sequential(testCase.layers(&random))
        let rows = 37
        let inputs = random.normalMatrix(rows, testCase.widths.inputs)
        let outputs = testCase.widths.outputs
        let targets = testCase.classes
            ? Matrix(rows: rows, columns: 1, elements: (0..<rows).map { _ in Double(Int(random.nextUniform() * Double(outputs))) })
            : Matrix(rows: rows, columns: outputs, elements: (0..<(rows * outputs)).map { _ in random.nextUniform() < 0.5 ? 0 : 1 })
        let trainer = Trainer(
            network: network, loss: testCase.loss, optimizer: testCase.optimizer(),
            configuration: TrainingConfiguration(epochs: testCase.epochs, batching: testCase.batching, shuffle: testCase.shuffle,
                                                 evaluateEvery: 2, decision: testCase.classes ? .argmax : nil,
                                                 usesTrainingKernel: kernel))
        let data = LabeledData(inputs: inputs, targets: targets)
        let test = [NamedData(.test, data.subset([0, 5, 9]))]
        var order = TestRandom(seed: 3)
        let first = trainer.train(on: data, evaluating: test, random: &order)
        let second = trainer.train(on: data, evaluating: test, random: &order)
        return ([first, second], network)
    }

    @Test("The kernel trains to the general loop's bits: weights, gradients, history and optimizer state",
          arguments: cases)
    func sameBits(testCase: Case) throws {
        var random = TestRandom(seed: 0)
        let rows = if case .full = testCase.batching { 37 } else { 1 }
        #expect(TrainingKernel(network: Sequential(testCase.layers(&random)), loss: testCase.loss,
                               optimizer: testCase.optimizer(), inputWidth: testCase.widths.inputs,
                               targetWidth: testCase.classes ? 1 : testCase.widths.outputs, rows: rows) != nil)
        let general = train(testCase, kernel: false)
        let kernel = train(testCase, kernel: true)
        for (generalHistory, kernelHistory) in zip(general.histories, kernel.histories) {
            #expect(bits(of: kernelHistory) == bits(of: generalHistory))
            #expect(kernelHistory.outcome == generalHistory.outcome)
        }
        for (generalParameter, kernelParameter) in zip(general.network.parameters, kernel.network.parameters) {
            #expect(kernelParameter.value.storage.map(\.bitPattern) == generalParameter.value.storage.map(\.bitPattern))
            #expect(kernelParameter.gradient.storage.map(\.bitPattern) == generalParameter.gradient.storage.map(\.bitPattern))
        }
    }

    @Test("A diverging run stops through the kernels, before the step that would use a non-finite loss",
          arguments: cases.filter { $0.name.contains("diverges") })
    func divergence(diverging: Case) throws {
        let history = train(diverging, kernel: true).histories[0]
        guard case .diverged(let epoch, let step) = history.outcome else {
            Issue.record("expected divergence, got \(history.outcome)")
            return
        }
        #expect(epoch > 1 && epoch < diverging.epochs)
        #expect(step == history.steps + 1)
    }

    @Test("What the kernel cannot run exactly goes to the general loop")
    func fallsBack() {
        var random = TestRandom(seed: 1)
        let small = { (random: inout TestRandom) in Sequential([Linear(2, 3, random: &random), Sigmoid()]) }
        func steps(_ network: Sequential, _ loss: any Loss = MeanSquaredError(), _ optimizer: any Optimizer = SGD(learningRate: 0.1),
                   inputs: Int = 2, targets: Int = 3) -> TrainingKernel? {
            TrainingKernel(network: network, loss: loss, optimizer: optimizer, inputWidth: inputs, targetWidth: targets)
        }
        #expect(steps(small(&random)) != nil)
        #expect(steps(small(&random), MeanSquaredError(), Adam()) == nil)
        #expect(steps(small(&random), SoftmaxCrossEntropy(), targets: 1) != nil)
        #expect(steps(small(&random), SoftmaxCrossEntropy(), targets: 3) == nil)
        #expect(steps(small(&random), MeanSquaredError(oneHotTargets: true), targets: 1) != nil)
        #expect(steps(Sequential([Linear(2, 3, random: &random), Softmax()])) == nil)
        #expect(steps(small(&random), inputs: 4) == nil)
        // 400 x 400 is past OpenBLAS's threshold, whose rounding the kernel does not reproduce.
        #expect(steps(Sequential([Linear(400, 400, random: &random)]), inputs: 400, targets: 400) == nil)
        // A later layer 300 wide: its g·Wᵀ reads a transposed B deeper than the small kernel copies.
        #expect(steps(Sequential([Linear(2, 3, random: &random), Linear(3, 300, random: &random)]), targets: 300) == nil)
    }

    /// Every number of a history as bits, so that NaNs compare too.
    func bits(of history: TrainingHistory) -> [UInt64] {
        let series = history.splits.flatMap { $0.loss + ($0.accuracy ?? []) } + history.weightNorms.flatMap { $0 } + history.batchLoss
        return series.map(\.bitPattern) + history.epochs.map { UInt64($0) } + [UInt64(history.steps)]
    }
}
