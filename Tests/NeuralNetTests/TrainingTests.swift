import Testing
@testable import NeuralNet

/// Fifty epochs of a 2-10-10-3 sigmoid network as PyTorch trained it.
struct NetworkFixture: Decodable {
    struct LinearValues: Decodable {
        let weight: [[Double]]
        let bias: [[Double]]
    }
    let inputs: [[Double]]
    let targets: [Int]
    let learning_rate: Double
    let momentum: Double
    let initial: [LinearValues]
    let losses: [Double]
    let final: [LinearValues]
    let final_loss: Double
}

@Suite("Training loops")
struct TrainingTests {
    @Test("50 full-batch epochs of a 2-10-10-3 sigmoid network with softmax cross-entropy follow PyTorch")
    func matchesPyTorch() throws {
        let reference: NetworkFixture = try fixture("network.json")
        let linears = reference.initial.map { Linear(weight: Matrix(fixture: $0.weight), bias: Matrix(fixture: $0.bias)) }
        let network = Sequential([linears[0], Sigmoid(), linears[1], Sigmoid(), linears[2]])
        let data = LabeledData(inputs: Matrix(fixture: reference.inputs), targets: .column(reference.targets.map(Double.init)))
        let trainer = Trainer(
            network: network, loss: SoftmaxCrossEntropy(),
            optimizer: SGD(learningRate: reference.learning_rate, momentum: reference.momentum),
            configuration: TrainingConfiguration(epochs: 50, decision: .argmax))
        var random = TestRandom(seed: 0)
        let history = trainer.train(on: data, random: &random)

        #expect(history.outcome == .completed)
        #expect(history.steps == 50)
        #expect(history.batchLoss.count == 50)
        for (epoch, (ours, theirs)) in zip(history.batchLoss, reference.losses).enumerated() {
            #expect(isClose(ours, theirs), "epoch \(epoch + 1): \(ours) vs \(theirs)")
        }
        // Record e is the network after e epochs: its training loss is the loss seen before step e + 1.
        let train = try #require(history.split(.train))
        #expect(history.epochs == Array(0...50))
        #expect(Array(train.loss.prefix(50)) == history.batchLoss)
        #expect(isClose(train.loss[50], reference.final_loss))
        for (layer, expected) in zip(linears, reference.final) {
            #expect(closeness(layer.weight.value, Matrix(fixture: expected.weight)) <= 1)
            #expect(closeness(layer.bias.value, Matrix(fixture: expected.bias)) <= 1)
        }
        #expect(history.weightNorms.count == 3)
        #expect(history.weightNorms[2].last == linears[2].weight.value.frobeniusNorm)
    }

    func regressionSetup(learningRate: Double, batching: Batching, epochs: Int = 40) -> (Trainer, LabeledData) {
        var random = TestRandom(seed: 5)
        let xs = (0..<64).map { Double($0) / 16 - 2 }
        let data = LabeledData(inputs: .column(xs), targets: .column(xs.map { 3 * $0 + 1 }))
        let network = Sequential([Linear(1, 1, initializer: Zeros(), random: &random)])
        let trainer = Trainer(network: network, loss: MeanSquaredError(), optimizer: SGD(learningRate: learningRate),
                              configuration: TrainingConfiguration(epochs: epochs, batching: batching, shuffle: true))
        return (trainer, data)
    }

    @Test("Mini-batch and per-sample loops fit a line; full-batch records every epoch",
          arguments: [Batching.full, .miniBatch(10), .perSample])
    func fitsALine(batching: Batching) throws {
        let (trainer, data) = regressionSetup(learningRate: batching == .full ? 0.3 : 0.02, batching: batching)
        var random = TestRandom(seed: 9)
        let history = trainer.train(on: data, evaluating: [NamedData(.test, data.subset([0, 10, 20]))], random: &random)
        let linear = try #require(trainer.network.layers[0] as? Linear)
        #expect(abs(linear.weight.value[0, 0] - 3) < 1e-3)
        #expect(abs(linear.bias.value[0, 0] - 1) < 1e-3)
        #expect(history.epochs == Array(0...40))
        #expect(history.split(.test)?.loss.count == 41)
        #expect(history.split(.train)?.accuracy == nil)
        let expectedSteps = switch batching { case .full: 40; case .miniBatch: 40 * 7; case .perSample: 40 * 64 }
        #expect(history.steps == expectedSteps)
    }

    @Test("Prediction in blocks of rows gives the whole-batch forward pass's bits")
    func blockedPrediction() {
        var random = TestRandom(seed: 9)
        let network = Sequential([Linear(weight: random.normalMatrix(2, 16), bias: random.normalMatrix(1, 16)), Tanh(),
                                  Linear(weight: random.normalMatrix(16, 1), bias: random.normalMatrix(1, 1))])
        // One row past two full blocks: cut naively, the last block would be a single row, whose
        // one-column product the kernel rounds differently.
        let rows = 2 * Sequential.predictionBlockRows + 1
        let input = random.normalMatrix(rows, 2)
        let small = random.normalMatrix(5, 2)
        let tape = network.forward(small)
        let predicted = network.predict(input)
        #expect(predicted == network.forward(input))
        #expect(network.predict(small) == tape)
        #expect(network.predict(Matrix(rows: 0, columns: 2)).columns == 1)
    }

    @Test("Shuffled runs with the same seed give the same numbers")
    func determinism() {
        func run() -> TrainingHistory {
            let (trainer, data) = regressionSetup(learningRate: 0.02, batching: .miniBatch(7))
            var random = TestRandom(seed: 42)
            return trainer.train(on: data, random: &random)
        }
        #expect(run() == run())
    }

    @Test("A diverging run stops, says when, and does not crash")
    func divergence() {
        // The loss's curvature is 2·mean(x²) ≈ 2.7, so a rate of 5 multiplies the error by about 12 a step.
        let (trainer, data) = regressionSetup(learningRate: 5, batching: .full, epochs: 1000)
        var random = TestRandom(seed: 1)
        let history = trainer.train(on: data, random: &random)
        guard case .diverged(let epoch, let step) = history.outcome else {
            Issue.record("expected divergence, got \(history.outcome)")
            return
        }
        #expect(epoch > 100 && epoch < 1000)
        #expect(step == epoch)
        #expect(history.steps == epoch - 1)
        #expect(history.batchLoss.allSatisfy { $0.isFinite })
    }

    @Test("Metrics can be recorded every k epochs, always including the last")
    func evaluateEvery() {
        var (trainer, data) = regressionSetup(learningRate: 0.3, batching: .full)
        trainer = Trainer(network: trainer.network, loss: trainer.loss, optimizer: trainer.optimizer,
                          configuration: TrainingConfiguration(epochs: 25, evaluateEvery: 10))
        var random = TestRandom(seed: 1)
        let history = trainer.train(on: data, random: &random)
        #expect(history.epochs == [0, 10, 20, 25])
        #expect(history.batchLoss.count == 25)
    }

    @Test("A history stays bounded: batch losses are kept for the first 100,000 epochs, in the kernel and the general loop",
          arguments: [true, false])
    func boundedHistory(usesKernel: Bool) {
        var (trainer, data) = regressionSetup(learningRate: 0.01, batching: .full)
        let epochs = TrainingHistory.maximumEpochLosses + 7
        trainer = Trainer(network: trainer.network, loss: trainer.loss, optimizer: trainer.optimizer,
                          configuration: TrainingConfiguration(epochs: epochs, evaluateEvery: 50_000, usesTrainingKernel: usesKernel))
        var random = TestRandom(seed: 1)
        let history = trainer.train(on: data, random: &random)
        #expect(history.steps == epochs)
        #expect(history.batchLoss.count == TrainingHistory.maximumEpochLosses)
        #expect(history.epochs == [0, 50_000, 100_000, epochs])
    }

    @Test("Accuracy by threshold and by argmax")
    func accuracy() {
        #expect(Decision.threshold(0.5).accuracy(Matrix([[0.2], [0.7], [0.5]]), Matrix([[0], [1], [1]])) == 2.0 / 3)
        #expect(Decision.argmax.accuracy(Matrix([[0.1, 0.9], [2, 1]]), Matrix([[1], [1]])) == 0.5)
    }
}
