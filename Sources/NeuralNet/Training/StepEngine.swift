/// How a network's steps are taken and its predictions made while it trains: through the
/// network's layers, the loss and the optimizer (`GeneralSteps`), through the C training kernel for
/// per-sample and full-batch SGD (`KernelSteps`), or in single precision (`SinglePrecisionSteps`).
/// `Trainer` runs one loop over any of them.
protocol StepEngine: NetworkPredictor {
    /// Takes one epoch's steps on the training rows in `order`. A step that sees every row in
    /// their order with the weights the epoch started from (a full batch) hands its output and
    /// loss to `wholeSet` before its update: they are the training metrics after the epoch before
    /// (the output as a function, made only when it is read).
    /// `onBatch` hears the batches done and the batches in the epoch.
    func epoch(order: [Int], onBatch: ((Int, Int) -> Void)?, wholeSet: (_ output: () -> Matrix, _ loss: Double) -> Void) -> EpochSteps
}

/// What a training's history is recorded from: the network, and its predictions with the weights
/// it has now (in the precision it trains in).
protocol NetworkPredictor: AnyObject {
    /// The network trained.
    var network: Sequential { get }
    /// The network's outputs for `inputs`, with the weights as they are now.
    func predict(_ inputs: Matrix) -> Matrix
    /// The network's outputs for the rows `rows` of `table`, scaled as the table scales them.
    func predict(_ table: InputTable, rows: ArraySlice<Int>) -> Matrix
}

extension NetworkPredictor {
    /// The Frobenius norm of each weight matrix now, first layer first.
    var weightNorms: [Double] { network.weights.map(\.value.frobeniusNorm) }

    func predict(_ table: InputTable, rows: ArraySlice<Int>) -> Matrix {
        var inputs = Matrix.empty
        table.copyRows(rows, into: &inputs)
        return predict(inputs)
    }
}

/// The mini-batch loop of the engines that step layer by layer: consecutive slices of `order`,
/// each batch's loss from `forward` (which also leaves the loss gradient ready); a NaN or infinite
/// loss stops the epoch before its update, else `update` backpropagates and steps the optimizer.
func miniBatchEpoch(order: [Int], batchSize: Int, onBatch: ((Int, Int) -> Void)?,
                    forward: (_ positions: ArraySlice<Int>) -> Double, update: () -> Void) -> EpochSteps {
    var (lossSum, steps) = (0.0, 0)
    let batches = (order.count + batchSize - 1) / batchSize
    for start in stride(from: 0, to: order.count, by: batchSize) {
        let end = Swift.min(start + batchSize, order.count)
        let value = forward(order[start..<end])
        guard value.isFinite else { return EpochSteps(loss: value, steps: steps, diverged: true) }
        lossSum += value * Double(end - start)
        update()
        steps += 1
        onBatch?(steps, batches)
    }
    return EpochSteps(loss: lossSum / Double(Swift.max(order.count, 1)), steps: steps, diverged: false)
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
/// `batchSize` rows at a time, gathered from the examples as it is formed (a full batch is
/// gathered once, for the whole run).
final class GeneralSteps: StepEngine {
    let network: Sequential
    let loss: any Loss
    let optimizer: any Optimizer
    let training: Examples
    let batchSize: Int
    private let parameters: [Parameter]
    private let wholeSet: LabeledData?
    private var gradient = Matrix.empty
    private var batch = LabeledData(inputs: .empty, targets: .empty)

    init(network: Sequential, loss: any Loss, optimizer: any Optimizer, training: Examples, batchSize: Int) {
        self.network = network
        self.loss = loss
        self.optimizer = optimizer
        self.training = training
        self.batchSize = batchSize
        parameters = network.parameters
        wholeSet = batchSize >= training.count ? training.materialized : nil
    }

    func epoch(order: [Int], onBatch: ((Int, Int) -> Void)?, wholeSet report: (() -> Matrix, Double) -> Void) -> EpochSteps {
        if let whole = wholeSet {
            let output = network.forward(whole.inputs)
            let value = loss.evaluate(output, whole.targets, gradient: &gradient, computeGradient: true)
            report({ output }, value)
            guard value.isFinite else { return EpochSteps(loss: value, steps: 0, diverged: true) }
            network.backward(gradient)
            optimizer.step(parameters)
            onBatch?(1, 1)
            return EpochSteps(loss: value, steps: 1, diverged: false)
        }
        return miniBatchEpoch(order: order, batchSize: batchSize, onBatch: onBatch) { positions in
            training.copyBatch(positions, inputs: &batch.inputs, targets: &batch.targets)
            return loss.evaluate(network.forward(batch.inputs), batch.targets, gradient: &gradient, computeGradient: true)
        } update: {
            network.backward(gradient)
            optimizer.step(parameters)
        }
    }

    func predict(_ inputs: Matrix) -> Matrix { network.predict(inputs) }
}

/// SGD steps through the C kernel (`TrainingKernel`), on examples small enough to be gathered
/// once: a per-sample epoch a call when the kernel takes one row a step, else a full-batch step as
/// a forward and a backward call.
final class KernelSteps: StepEngine {
    let kernel: TrainingKernel
    let network: Sequential
    let training: LabeledData

    init(kernel: TrainingKernel, network: Sequential, training: LabeledData) {
        self.kernel = kernel
        self.network = network
        self.training = training
    }

    func epoch(order: [Int], onBatch: ((Int, Int) -> Void)?, wholeSet report: (() -> Matrix, Double) -> Void) -> EpochSteps {
        if kernel.rows == 1 {
            let result = kernel.trainEpoch(on: training, order: order)
            return EpochSteps(loss: result.lossSum / Double(Swift.max(training.count, 1)), steps: result.steps, diverged: result.diverged)
        }
        let value = kernel.forward(on: training)
        report({ kernel.output }, value)
        guard value.isFinite else { return EpochSteps(loss: value, steps: 0, diverged: true) }
        kernel.backward(on: training)
        onBatch?(1, 1)
        return EpochSteps(loss: value, steps: 1, diverged: false)
    }

    func predict(_ inputs: Matrix) -> Matrix { network.predict(inputs) }
}
