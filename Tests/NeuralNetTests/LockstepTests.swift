import Testing
@testable import NeuralNet

/// Networks trained together in lockstep (`Trainer.trainTogether`) against each trained alone
/// (`Trainer.train`, the reference): the same bits in every history, weight and class evaluation.
@Suite("Lockstep training")
struct LockstepTests {
    /// Networks of one architecture that differ in their seeds, learning rates and losses.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        var rows = 37
        let inputs: Int
        /// The network's output width; class targets when `classes`.
        let outputs: Int
        var classes = false
        var epochs = 6
        var evaluateEvery = 2
        let layers: @Sendable (inout TestRandom) -> [any Layer]
        /// One loss per network, cycled.
        let losses: [any Loss]
        /// One optimizer per network, made afresh for each path.
        let optimizers: [@Sendable () -> any Optimizer]
        var testDescription: String { name }
    }

    static func rates(_ rates: [Double], momentum: Double = 0, dampening: Double = 0, nesterov: Bool = false,
                      weightDecay: Double = 0, velocityForm: Bool = false) -> [@Sendable () -> any Optimizer] {
        rates.map { rate in
            { SGD(learningRate: rate, momentum: momentum, dampening: dampening, nesterov: nesterov, weightDecay: weightDecay,
                  velocityForm: velocityForm) }
        }
    }

    static let cases: [Case] = [
        Case(name: "seed 004's 2-10-10-3 sigmoid network, NLL and one-hot MSE, five rates (two packs)", rows: 300, inputs: 2,
             outputs: 3, classes: true, epochs: 8,
             layers: { random in [Linear(2, 10, random: &random), Sigmoid(), Linear(10, 10, random: &random), Sigmoid(),
                                  Linear(10, 3, random: &random)] },
             losses: [SoftmaxCrossEntropy(), MeanSquaredError(reduction: .batchMean, oneHotTargets: true)],
             optimizers: rates([0.005, 0.0174, 0.03, 0.05, 0.041])),
        Case(name: "Linear(1 → 1): the weight gradient as a dot product in four partial sums", rows: 23, inputs: 1, outputs: 1,
             layers: { random in [Linear(1, 1, random: &random)] }, losses: [MeanSquaredError()],
             optimizers: rates([0.1, 0.2, 0.3])),
        Case(name: "1-16-1 tanh regression with momentum, summed", inputs: 1, outputs: 1,
             layers: { random in [Linear(1, 16, random: &random), Tanh(), Linear(16, 1, random: &random)] },
             losses: [MeanSquaredError(reduction: .sum)], optimizers: rates([1e-3, 2e-3, 5e-3, 1e-2], momentum: 0.9)),
        Case(name: "3-17-7-2 leaky ReLU and identity, logits BCE, Nesterov with weight decay", inputs: 3, outputs: 2,
             layers: { random in [Linear(3, 17, initializer: KaimingNormal(), random: &random), LeakyReLU(slope: 0.1),
                                  Linear(17, 7, random: &random), ReLU(), Linear(7, 2, random: &random), Identity()] },
             losses: [BinaryCrossEntropyWithLogits(), BinaryCrossEntropyWithLogits(reduction: .sum)],
             optimizers: rates([0.05, 0.1, 0.02, 0.07], momentum: 0.8, nesterov: true, weightDecay: 0.01)),
        Case(name: "2-11-1 sigmoid, BCE on probabilities, dampened momentum", inputs: 2, outputs: 1,
             layers: { random in [Linear(2, 11, random: &random), Sigmoid(), Linear(11, 1, random: &random), Sigmoid()] },
             losses: [BinaryCrossEntropy()], optimizers: rates([0.5, 1, 2], momentum: 0.7, dampening: 0.25)),
        Case(name: "5-6-4 ReLU, velocity-form momentum, softmax NLL", inputs: 5, outputs: 4, classes: true,
             layers: { random in [Linear(5, 6, random: &random), ReLU(), Linear(6, 4, random: &random)] },
             losses: [SoftmaxCrossEntropy()], optimizers: rates([0.01, 0.02, 0.04, 0.08, 0.16, 0.32], momentum: 0.9, velocityForm: true)),
        Case(name: "one lane diverges and the others go on", inputs: 2, outputs: 1, epochs: 40, evaluateEvery: 3,
             layers: { random in [Linear(2, 4, random: &random), ReLU(), Linear(4, 1, random: &random)] },
             losses: [MeanSquaredError()], optimizers: rates([0.01, 40, 0.05, 0.1])),
    ]

    /// The data of `testCase`: normal inputs, 0/1 or class targets, and three test rows.
    static func data(_ testCase: Case) -> (training: LabeledData, test: LabeledData) {
        var random = TestRandom(seed: 5)
        let inputs = random.normalMatrix(testCase.rows, testCase.inputs)
        let outputs = testCase.outputs
        let targets = testCase.classes
            ? Matrix(rows: testCase.rows, columns: 1, elements: (0..<testCase.rows).map { _ in Double(Int(random.nextUniform() * Double(outputs))) })
            : Matrix(rows: testCase.rows, columns: outputs,
                     elements: (0..<(testCase.rows * outputs)).map { _ in random.nextUniform() < 0.5 ? 0 : 1 })
        let data = LabeledData(inputs: inputs, targets: targets)
        return (data, data.subset([0, 5, 9]))
    }

    /// Fresh trainers for `testCase`, network i seeded with i.
    static func trainers(_ testCase: Case) -> [Trainer] {
        testCase.optimizers.enumerated().map { index, optimizer in
            var random = TestRandom(seed: UInt64(index))
            return Trainer(network: Sequential(testCase.layers(&random)), loss: testCase.losses[index % testCase.losses.count],
                           optimizer: optimizer(),
                           configuration: TrainingConfiguration(epochs: testCase.epochs, evaluateEvery: testCase.evaluateEvery + index % 2,
                                                                decision: testCase.classes ? .argmax : .threshold(0.5), mistakesKept: 3))
        }
    }

    @Test("Every network trains to the bits it gets alone", arguments: cases)
    func sameBits(testCase: Case) throws {
        let (training, test) = Self.data(testCase)
        let alone = Self.trainers(testCase)
        var unused = TestRandom(seed: 0)
        let aloneHistories = alone.map { $0.train(on: training, evaluating: [NamedData(.test, test)], random: &unused) }
        let together = Self.trainers(testCase)
        let signatures = together.map { $0.lockstepSignature(on: Examples(training)) }
        try #require(signatures.allSatisfy { $0 != nil && $0 == signatures[0] })
        let togetherHistories = Trainer.trainTogether(together, on: Examples(training), evaluating: [(.test, Examples(test))])
        for index in alone.indices {
            #expect(bits(of: togetherHistories[index]) == bits(of: aloneHistories[index]), "network \(index)")
            #expect(togetherHistories[index].outcome == aloneHistories[index].outcome, "network \(index)")
            #expect(togetherHistories[index].classEvaluations == aloneHistories[index].classEvaluations, "network \(index)")
            for (left, right) in zip(together[index].network.parameters, alone[index].network.parameters) {
                #expect(left.value.storage.map(\.bitPattern) == right.value.storage.map(\.bitPattern), "network \(index) \(left.name)")
            }
        }
        if testCase.name.contains("diverges") {
            guard case .diverged(let epoch, _) = togetherHistories[1].outcome else {
                Issue.record("lane 1 was expected to diverge, got \(togetherHistories[1].outcome)")
                return
            }
            #expect(epoch < testCase.epochs)
            #expect(togetherHistories.enumerated().allSatisfy { $0.offset == 1 || $0.element.outcome == .completed })
        }
    }

    @Test("What cannot train in lockstep has no signature, and different rules different ones")
    func signatures() {
        var random = TestRandom(seed: 1)
        let rows = 12
        let data = Examples(LabeledData(inputs: random.normalMatrix(rows, 2), targets: Matrix(rows: rows, columns: 3)))
        func signature(_ layers: [any Layer], _ loss: any Loss = MeanSquaredError(), _ optimizer: any Optimizer = SGD(learningRate: 0.1),
                       batching: Batching = .full, precision: Precision = .float64, on examples: Examples? = nil) -> LockstepSignature? {
            Trainer(network: Sequential(layers), loss: loss, optimizer: optimizer,
                    configuration: TrainingConfiguration(epochs: 3, batching: batching, precision: precision))
                .lockstepSignature(on: examples ?? data)
        }
        let small = { (random: inout TestRandom) -> [any Layer] in [Linear(2, 3, random: &random), Sigmoid()] }
        #expect(signature(small(&random)) != nil)
        #expect(signature(small(&random)) == signature(small(&random), MeanSquaredError(reduction: .sum), SGD(learningRate: 3)))
        #expect(signature(small(&random)) != signature(small(&random), MeanSquaredError(), SGD(learningRate: 0.1, momentum: 0.9)))
        #expect(signature(small(&random), MeanSquaredError(), Adam()) == nil)
        #expect(signature(small(&random), batching: .miniBatch(4)) == nil)
        #expect(signature(small(&random), precision: .float32) == nil)
        #expect(signature([Sigmoid(), Linear(2, 3, random: &random)]) == nil)
        #expect(signature([Linear(2, 3, random: &random), Softmax()]) == nil)
        #expect(signature(small(&random), SoftmaxCrossEntropy()) == nil)
        // Fewer than four rows: the small kernel sums a column in one chain there.
        let three = Examples(LabeledData(inputs: random.normalMatrix(3, 2), targets: Matrix(rows: 3, columns: 3)))
        #expect(signature(small(&random), on: three) == nil)
        // 300 x 40 x 40 is past OpenBLAS's threshold, whose rounding the kernel does not reproduce.
        let wide = Examples(LabeledData(inputs: random.normalMatrix(300, 40), targets: Matrix(rows: 300, columns: 40)))
        #expect(signature([Linear(40, 40, random: &random)], on: wide) == nil)
    }

    /// Every number of a history as bits, so that NaNs compare too.
    func bits(of history: TrainingHistory) -> [UInt64] {
        let series = history.splits.flatMap { $0.loss + ($0.accuracy ?? []) } + history.weightNorms.flatMap { $0 } + history.batchLoss
        return series.map(\.bitPattern) + history.epochs.map { UInt64($0) } + [UInt64(history.steps)]
    }
}
