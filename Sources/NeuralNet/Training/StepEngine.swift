/// How the steps of an epoch are taken: through the network's layers, the loss and the
/// optimizer (`GeneralSteps`), or for per-sample SGD through one C call (`SampleKernelSteps`).
/// `Trainer` runs one loop over either.
protocol StepEngine {
    /// Takes one epoch's steps on the training rows in `order`. A step that sees every row in
    /// their order with the weights the epoch started from (a full batch) hands its output and
    /// loss to `wholeSet` before its update: they are the training metrics after the epoch before.
    mutating func epoch(order: [Int], wholeSet: (_ output: Matrix, _ loss: Double) -> Void) -> EpochSteps
}

/// What an epoch's steps did.
struct EpochSteps {
    /// The loss the loop saw: a full batch's before its update, else the mean of the batches'.
    var loss: Double
    /// The updates made.
    var steps: Int
    /// Whether a batch's loss was NaN or infinite; the epoch stopped there, before that update.
    var diverged: Bool
}

/// Steps through the network's `forward` and `backward`, the loss and the optimizer, a batch of
/// `batchSize` rows at a time (a full batch reads the rows where they are, without a copy).
struct GeneralSteps: StepEngine {
    let network: Sequential
    let loss: any Loss
    let optimizer: any Optimizer
    let training: LabeledData
    let batchSize: Int
    private let parameters: [Parameter]
    private var gradient = Matrix.empty
    private var batch = LabeledData(inputs: .empty, targets: .empty)

    init(network: Sequential, loss: any Loss, optimizer: any Optimizer, training: LabeledData, batchSize: Int) {
        self.network = network
        self.loss = loss
        self.optimizer = optimizer
        self.training = training
        self.batchSize = batchSize
        parameters = network.parameters
    }

    mutating func epoch(order: [Int], wholeSet: (Matrix, Double) -> Void) -> EpochSteps {
        if batchSize >= training.count {
            let output = network.forward(training.inputs)
            let value = loss.evaluate(output, training.targets, gradient: &gradient, computeGradient: true)
            wholeSet(output, value)
            guard value.isFinite else { return EpochSteps(loss: value, steps: 0, diverged: true) }
            network.backward(gradient)
            optimizer.step(parameters)
            return EpochSteps(loss: value, steps: 1, diverged: false)
        }
        var (lossSum, steps) = (0.0, 0)
        for start in stride(from: 0, to: training.count, by: batchSize) {
            let end = Swift.min(start + batchSize, training.count)
            training.inputs.copyRows(order[start..<end], into: &batch.inputs)
            training.targets.copyRows(order[start..<end], into: &batch.targets)
            let output = network.forward(batch.inputs)
            let value = loss.evaluate(output, batch.targets, gradient: &gradient, computeGradient: true)
            guard value.isFinite else { return EpochSteps(loss: value, steps: steps, diverged: true) }
            lossSum += value * Double(end - start)
            network.backward(gradient)
            optimizer.step(parameters)
            steps += 1
        }
        return EpochSteps(loss: lossSum / Double(Swift.max(training.count, 1)), steps: steps, diverged: false)
    }
}

/// Per-sample SGD steps, an epoch per call of the C kernel (`SampleKernel`).
struct SampleKernelSteps: StepEngine {
    let kernel: SampleKernel
    let training: LabeledData

    mutating func epoch(order: [Int], wholeSet: (Matrix, Double) -> Void) -> EpochSteps {
        let result = kernel.trainEpoch(on: training, order: order)
        return EpochSteps(loss: result.lossSum / Double(Swift.max(training.count, 1)), steps: result.steps, diverged: result.diverged)
    }
}
