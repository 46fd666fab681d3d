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
        var recorder = HistoryRecorder(
            splits: [NamedData("train", training)] + evaluation, network: network, loss: loss,
            decision: configuration.decision)
        let batchSize = configuration.batching.size(for: training.count)
        // A full batch sees every row in order, so its forward pass is the training metric of the
        // epoch before: no separate record is made before training, and it is never shuffled.
        let isFullBatch = training.count > 0 && batchSize >= training.count
        var engine = stepEngine(for: training, batchSize: batchSize)
        var steps = 0
        if !isFullBatch && configuration.records(epoch: 0) { recorder.record(epoch: 0) }
        var order = Array(0..<training.count)
        for epoch in stride(from: 1, through: configuration.epochs, by: 1) {
            if !isFullBatch && configuration.shuffle { random.shuffle(&order) }
            let result = engine.epoch(order: order) { output, value in
                if configuration.records(epoch: epoch - 1) {
                    recorder.record(epoch: epoch - 1, trainingOutput: output, trainingLoss: value)
                }
            }
            steps += result.steps
            if result.diverged { return recorder.finish(steps: steps, outcome: .diverged(epoch: epoch, step: steps + 1)) }
            recorder.keepEpochLoss(result.loss)
            if !isFullBatch && configuration.records(epoch: epoch) { recorder.record(epoch: epoch) }
            onEpoch?(epoch)
        }
        if recorder.history.epochs.last != configuration.epochs { recorder.record(epoch: configuration.epochs) }
        return recorder.finish(steps: steps, outcome: .completed)
    }

    /// The per-sample C kernel when the network, loss and optimizer allow it, else the general path.
    private func stepEngine(for training: LabeledData, batchSize: Int) -> any StepEngine {
        if batchSize == 1, training.count > 1, configuration.usesTrainingKernel,
           let kernel = SampleKernel(network: network, loss: loss, optimizer: optimizer, inputWidth: training.inputs.columns,
                                     targetWidth: training.targets.columns) {
            return SampleKernelSteps(kernel: kernel, training: training)
        }
        return GeneralSteps(network: network, loss: loss, optimizer: optimizer, training: training, batchSize: batchSize)
    }
}

/// Collects the records of a training run.
private struct HistoryRecorder {
    let splits: [NamedData]
    let network: Sequential
    let loss: any Loss
    let decision: Decision?
    var history = TrainingHistory()

    init(splits: [NamedData], network: Sequential, loss: any Loss, decision: Decision?) {
        self.splits = splits
        self.network = network
        self.loss = loss
        self.decision = decision
        history.splits = splits.map { SplitHistory(name: $0.name, loss: [], accuracy: decision == nil ? nil : []) }
        history.weightNorms = Array(repeating: [], count: network.weights.count)
    }

    /// Records every split at `epoch`; the training split's output and loss may be passed in when
    /// they were just computed with the current weights.
    mutating func record(epoch: Int, trainingOutput: Matrix? = nil, trainingLoss: Double? = nil) {
        history.epochs.append(epoch)
        for (index, split) in splits.enumerated() {
            let output: Matrix
            let value: Double
            if index == 0, let trainingOutput, let trainingLoss {
                (output, value) = (trainingOutput, trainingLoss)
            } else {
                output = network.predict(split.data.inputs)
                value = split.data.count == 0 ? .nan : loss.value(output, split.data.targets)
            }
            history.splits[index].loss.append(value)
            if let decision {
                history.splits[index].accuracy?.append(split.data.count == 0 ? .nan : decision.accuracy(output, split.data.targets))
            }
        }
        for (index, weight) in network.weights.enumerated() {
            history.weightNorms[index].append(weight.value.frobeniusNorm)
        }
    }

    /// Keeps an epoch's batch loss, up to `TrainingHistory.maximumEpochLosses` of them.
    mutating func keepEpochLoss(_ value: Double) {
        if history.batchLoss.count < TrainingHistory.maximumEpochLosses { history.batchLoss.append(value) }
    }

    mutating func finish(steps: Int, outcome: TrainingOutcome) -> TrainingHistory {
        history.steps = steps
        history.outcome = outcome
        return history
    }
}
