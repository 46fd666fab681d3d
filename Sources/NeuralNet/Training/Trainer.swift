import Dispatch

/// Trains a network on a data set and records its history.
///
/// One step is: forward pass on a batch, loss and ∂L/∂output, backward pass, optimizer update.
/// A batch whose loss is NaN or infinite ends the run (recorded as diverged), before its update.
public struct Trainer {
    /// The network being trained.
    public let network: Sequential
    /// The loss minimised.
    public let loss: any Loss
    /// The optimizer that applies the updates.
    public let optimizer: any Optimizer
    /// The loop's settings.
    public let configuration: TrainingConfiguration

    /// Creates a trainer.
    public init(network: Sequential, loss: any Loss, optimizer: any Optimizer, configuration: TrainingConfiguration) {
        self.network = network
        self.loss = loss
        self.optimizer = optimizer
        self.configuration = configuration
    }

    /// Trains on `training` and records metrics of it and of every split in `evaluation`.
    ///
    /// `random` orders the examples when shuffling; `onEpoch` is called after each epoch with the
    /// number of epochs done (for progress display).
    public func train<Random: RandomSource>(
        on training: LabeledData, evaluating evaluation: [NamedData] = [],
        random: inout Random, onEpoch: ((Int) -> Void)? = nil
    ) -> TrainingHistory {
        train(on: Examples(training), evaluating: evaluation.map { ($0.name, Examples($0.data)) }, random: &random, onEpoch: onEpoch)
    }

    /// Trains on `training` and records metrics of it and of every named split of `evaluation`;
    /// examples are read a batch at a time, never copied whole. The network must fit the examples'
    /// width (`Sequential.outputWidth(forInputWidth:)`), as the experiments' model check makes sure
    /// before anything trains.
    public func train<Random: RandomSource>(
        on training: Examples, evaluating evaluation: [(name: Split, examples: Examples)] = [],
        random: inout Random, onEpoch: ((Int) -> Void)? = nil, onBatch: ((Int, Int) -> Void)? = nil
    ) -> TrainingHistory {
        let outputColumns: Int
        switch network.outputWidth(forInputWidth: training.inputWidth) {
        case .success(let width): outputColumns = width
        case .failure(let problem):
            preconditionFailure("layer \(problem.index) (\(problem.name)) cannot take inputs of width \(problem.inputWidth): check a model against its data before training it")
        }
        let batchSize = configuration.batching.size(for: training.count)
        let engine = stepEngine(for: training, batchSize: batchSize)
        var recorder = HistoryRecorder(splits: [(.train, training)] + evaluation, loss: loss, decision: configuration.decision,
                                       weightCount: network.weights.count)
        // A full batch sees every row in order, so its forward pass is the training metric of the
        // epoch before: no separate record is made before training, and it is never shuffled.
        let isFullBatch = training.count > 0 && batchSize >= training.count
        var steps = 0
        if !isFullBatch && configuration.records(epoch: 0) { recorder.record(epoch: 0, engine: engine) }
        var order = Array(0..<training.count)
        for epoch in stride(from: 1, through: configuration.epochs, by: 1) {
            if !isFullBatch && configuration.shuffle { random.shuffle(&order) }
            let started = DispatchTime.now()
            let result = engine.epoch(order: order, onBatch: onBatch) { output, value in
                if configuration.records(epoch: epoch - 1) {
                    recorder.record(epoch: epoch - 1, engine: engine, trainingOutput: output(), trainingLoss: value)
                }
            }
            steps += result.steps
            if result.diverged {
                return recorder.finish(steps: steps, outcome: .diverged(epoch: epoch, step: steps + 1))
            }
            recorder.keepEpoch(loss: result.loss, seconds: Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)
            if !isFullBatch && configuration.records(epoch: epoch) { recorder.record(epoch: epoch, engine: engine) }
            onEpoch?(epoch)
        }
        if recorder.history.epochs.last != configuration.epochs { recorder.record(epoch: configuration.epochs, engine: engine) }
        recorder.evaluateClasses(engine: engine, outputColumns: outputColumns, mistakesKept: configuration.mistakesKept)
        return recorder.finish(steps: steps, outcome: .completed)
    }

    /// Single precision when asked for; else the C training kernel, per sample or for full
    /// batches, when the network, loss and optimizer allow it, else the general path.
    private func stepEngine(for training: Examples, batchSize: Int) -> any StepEngine {
        if configuration.precision == .float32 {
            return SinglePrecisionSteps(network: network, loss: loss, optimizer: optimizer, training: training, batchSize: batchSize)
        }
        if batchSize == 1, training.count > 1, configuration.usesTrainingKernel,
           let kernel = TrainingKernel(network: network, loss: loss, optimizer: optimizer, inputWidth: training.inputWidth,
                                       targetWidth: training.targets.columns) {
            return KernelSteps(kernel: kernel, network: network, training: training.materialized)
        }
        if batchSize >= training.count, training.count > 1, configuration.usesTrainingKernel,
           let kernel = TrainingKernel(network: network, loss: loss, optimizer: optimizer, inputWidth: training.inputWidth,
                                       targetWidth: training.targets.columns, rows: training.count) {
            return KernelSteps(kernel: kernel, network: network, training: training.materialized)
        }
        return GeneralSteps(network: network, loss: loss, optimizer: optimizer, training: training, batchSize: batchSize)
    }
}
