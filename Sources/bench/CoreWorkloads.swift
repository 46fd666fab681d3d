import Datasets
import NeuralNet

/// The training workloads the core benchmark times, built the way the experiments build them.
enum CoreWorkloads {
    /// A 2-10-10-3 sigmoid network with softmax cross-entropy, full batch on 300 rows (seed 004's
    /// architecture), set up to run `epochs` steps.
    static func threeClassNetwork(epochs: Int, learningRate: Double = 0.05) -> (Trainer, LabeledData) {
        var random = RandomState(seed: 4)
        let rows = 300
        let labels = (0..<rows).map { Double($0 % 3) }
        let inputs = Matrix(rows: rows, columns: 2, elements: (0..<(rows * 2)).map { index in
            labels[index / 2] * 0.4 + 0.15 * random.nextStandardNormal()
        })
        let network = Sequential([
            Linear(2, 10, initializer: Normal(std: 0.1), random: &random), Sigmoid(),
            Linear(10, 10, initializer: Normal(std: 0.1), random: &random), Sigmoid(),
            Linear(10, 3, initializer: Normal(std: 0.1), random: &random),
        ])
        let trainer = Trainer(
            network: network, loss: SoftmaxCrossEntropy(), optimizer: SGD(learningRate: learningRate),
            configuration: TrainingConfiguration(epochs: epochs, evaluateEvery: epochs, decision: .argmax))
        return (trainer, LabeledData(inputs: inputs, targets: .column(labels)))
    }

    /// A 1-100-1 ReLU network fitting y = x² one sample at a time with momentum (seed 001).
    static func squareRegression(samples: Int, epochs: Int, sampleKernel: Bool = true) -> (Trainer, LabeledData) {
        var random = RandomState(seed: 1)
        let xs = (0..<samples).map { _ in random.nextUniform(low: -3, high: 3) }
        let network = Sequential([
            Linear(1, 100, initializer: Normal(std: 0.1), random: &random), ReLU(),
            Linear(100, 1, initializer: Normal(std: 0.1), random: &random),
        ])
        let trainer = Trainer(
            network: network, loss: MeanSquaredError(),
            optimizer: SGD(learningRate: 1e-5, momentum: 0.9, velocityForm: true),
            configuration: TrainingConfiguration(epochs: epochs, batching: .perSample, evaluateEvery: epochs,
                                                 usesTrainingKernel: sampleKernel))
        return (trainer, LabeledData(inputs: .column(xs), targets: .column(xs.map { $0 * $0 })))
    }

    static let threeClassStepName = "step 2-10-10-3 sigmoid, softmax CE, 300 rows"
    static let threeClassLockstepStepName = "step 2-10-10-3 as above, 4 rates in lockstep, per network"
    static let squareStepName = "step 1-100-1 ReLU, per-sample momentum"
    static let squareGeneralLoopStepName = "step 1-100-1 ReLU, per-sample momentum, general loop"

    /// Microseconds per full-batch step of the 2-10-10-3 network.
    static func measureThreeClassStep(repetitions: Int) -> Measurement {
        let epochs = 1000
        let (trainer, data) = threeClassNetwork(epochs: epochs)
        var random = RandomState(seed: 0)
        return Measurement.microseconds(threeClassStepName, repetitions: repetitions, operations: epochs) {
            _ = trainer.train(on: data, random: &random)
        }
    }

    /// Microseconds per network and full-batch step of four 2-10-10-3 networks with different
    /// learning rates trained together (`Trainer.trainTogether`), as a sweep's networks are.
    static func measureThreeClassLockstepStep(repetitions: Int) -> Measurement {
        let epochs = 1000
        let lanes = Trainer.lockstepLanes
        return Measurement.microseconds(threeClassLockstepStepName, repetitions: repetitions, operations: epochs * lanes) {
            let members = (0..<lanes).map { threeClassNetwork(epochs: epochs, learningRate: 0.01 * Double($0 + 1)) }
            _ = Trainer.trainTogether(members.map(\.0), on: Examples(members[0].1))
        }
    }

    /// Microseconds per per-sample step of the 1-100-1 network.
    static func measureSquareStep(repetitions: Int) -> Measurement {
        measureSquareStep(repetitions: repetitions, sampleKernel: true)
    }

    /// The same steps through the trainer's general loop (`usesTrainingKernel` off), which the
    /// per-sample kernel replaces: the reference for its speed-up.
    static func measureSquareStepGeneralLoop(repetitions: Int) -> Measurement {
        measureSquareStep(repetitions: repetitions, sampleKernel: false)
    }

    private static func measureSquareStep(repetitions: Int, sampleKernel: Bool) -> Measurement {
        // The NumPy reference's 2000 samples (Benchmarks/numpy_core.py), 100 epochs of them. The
        // trainer's records before and after (a prediction on every sample) are about 1% of it.
        let (samples, epochs) = (2000, 100)
        let (trainer, data) = squareRegression(samples: samples, epochs: epochs, sampleKernel: sampleKernel)
        var random = RandomState(seed: 0)
        let name = sampleKernel ? squareStepName : squareGeneralLoopStepName
        return Measurement.microseconds(name, repetitions: repetitions, operations: samples * epochs) {
            _ = trainer.train(on: data, random: &random)
        }
    }
}
