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
                    recorder.record(epoch: epoch - 1, engine: engine, trainingOutput: output, trainingLoss: value)
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

    /// Single precision when asked for; else the per-sample C kernel when the network, loss and
    /// optimizer allow it, else the general path.
    private func stepEngine(for training: Examples, batchSize: Int) -> any StepEngine {
        if configuration.precision == .float32 {
            return SinglePrecisionSteps(network: network, loss: loss, optimizer: optimizer, training: training, batchSize: batchSize)
        }
        if batchSize == 1, training.count > 1, configuration.usesTrainingKernel,
           let kernel = SampleKernel(network: network, loss: loss, optimizer: optimizer, inputWidth: training.inputWidth,
                                     targetWidth: training.targets.columns) {
            return SampleKernelSteps(kernel: kernel, network: network, training: training.materialized)
        }
        return GeneralSteps(network: network, loss: loss, optimizer: optimizer, training: training, batchSize: batchSize)
    }
}

/// Collects the records of a training run: every split's loss and accuracy, the weight norms.
private struct HistoryRecorder {
    /// Splits up to this many rows are predicted whole (a copy kept for the run); larger ones a
    /// block at a time, so that no split is ever copied whole.
    static let wholeSplitLimit = 8192
    /// The rows predicted at once in a larger split.
    static let blockRows = 2048

    let splits: [(name: Split, examples: Examples)]
    /// The whole-split copies of the small splits.
    private let wholeSplits: [LabeledData?]
    let loss: any Loss
    let decision: Decision?
    var history = TrainingHistory()

    init(splits: [(name: Split, examples: Examples)], loss: any Loss, decision: Decision?, weightCount: Int) {
        self.splits = splits
        wholeSplits = splits.map { $0.examples.count <= Self.wholeSplitLimit ? $0.examples.materialized : nil }
        self.loss = loss
        self.decision = decision
        history.splits = splits.map { SplitHistory(name: $0.name, loss: [], accuracy: decision == nil ? nil : []) }
        history.weightNorms = Array(repeating: [], count: weightCount)
    }

    /// Records every split at `epoch`; the training split's output and loss may be passed in when
    /// they were just computed with the current weights.
    mutating func record(epoch: Int, engine: any StepEngine, trainingOutput: Matrix? = nil, trainingLoss: Double? = nil) {
        history.epochs.append(epoch)
        for index in splits.indices {
            var (value, accuracy) = (Double.nan, Double.nan)
            if index == 0, let trainingOutput, let trainingLoss {
                value = trainingLoss
                if let decision { accuracy = decision.accuracy(trainingOutput, wholeSplits[0]?.targets ?? splits[0].examples.materialized.targets) }
            } else if let whole = wholeSplits[index] {
                if whole.count > 0 {
                    let output = engine.predict(whole.inputs)
                    value = loss.value(output, whole.targets)
                    if let decision { accuracy = decision.accuracy(output, whole.targets) }
                }
            } else {
                (value, accuracy) = blockwise(splits[index].examples, engine: engine)
            }
            history.splits[index].loss.append(value)
            if decision != nil { history.splits[index].accuracy?.append(accuracy) }
        }
        for (index, norm) in engine.weightNorms.enumerated() { history.weightNorms[index].append(norm) }
    }

    /// The loss and accuracy of a large split, predicted `blockRows` rows at a time: each block's
    /// loss weighted by its rows (its terms, for a summed loss), each block's correct count summed.
    private func blockwise(_ examples: Examples, engine: any StepEngine) -> (loss: Double, accuracy: Double) {
        var (lossSum, correct) = (0.0, 0.0)
        forEachBlock(of: examples, engine: engine) { output, targets, rows in
            let blockLoss = loss.value(output, targets)
            lossSum += loss.reduction == .sum ? blockLoss : blockLoss * Double(rows.count)
            if let decision { correct += decision.accuracy(output, targets) * Double(rows.count) }
        }
        let rows = Double(max(examples.count, 1))
        return (loss.reduction == .sum ? lossSum : lossSum / rows, correct / rows)
    }

    /// The network's outputs for a large split, `blockRows` rows at a time, each block handed to
    /// `body` with its targets and its data-set rows.
    private func forEachBlock(of examples: Examples, engine: any StepEngine,
                              _ body: (_ output: Matrix, _ targets: Matrix, _ rows: ArraySlice<Int>) -> Void) {
        var targets = Matrix.empty
        for start in stride(from: 0, to: examples.count, by: Self.blockRows) {
            let rows = examples.indices[start..<min(start + Self.blockRows, examples.count)]
            examples.targets.copyRows(rows, into: &targets)
            body(engine.predict(examples.inputs, rows: rows), targets, rows)
        }
    }

    /// Tallies every split's decisions by class with the trained network (classifiers only).
    mutating func evaluateClasses(engine: any StepEngine, outputColumns: Int, mistakesKept: Int) {
        guard let decision else { return }
        for (index, split) in splits.enumerated() where split.examples.count > 0 {
            guard var tally = ClassTally(split: split.name, decision: decision, outputColumns: outputColumns,
                                             mistakesKept: mistakesKept) else { return }
            if let whole = wholeSplits[index] {
                tally.add(engine.predict(whole.inputs), targets: whole.targets, rows: split.examples.indices[...])
            } else {
                forEachBlock(of: split.examples, engine: engine) { tally.add($0, targets: $1, rows: $2) }
            }
            history.classEvaluations.append(tally.evaluation)
        }
    }

    /// Keeps an epoch's batch loss and wall time, up to `TrainingHistory.maximumEpochLosses` of them.
    mutating func keepEpoch(loss: Double, seconds: Double) {
        guard history.batchLoss.count < TrainingHistory.maximumEpochLosses else { return }
        history.batchLoss.append(loss)
        history.epochSeconds.append(seconds)
    }

    mutating func finish(steps: Int, outcome: TrainingOutcome) -> TrainingHistory {
        history.steps = steps
        history.outcome = outcome
        return history
    }
}
