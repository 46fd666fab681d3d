/// Collects the records of a training run: every split's loss and accuracy, the weight norms.
struct HistoryRecorder {
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
    mutating func record(epoch: Int, engine: any NetworkPredictor, trainingOutput: Matrix? = nil, trainingLoss: Double? = nil) {
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
    private func blockwise(_ examples: Examples, engine: any NetworkPredictor) -> (loss: Double, accuracy: Double) {
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
    private func forEachBlock(of examples: Examples, engine: any NetworkPredictor,
                              _ body: (_ output: Matrix, _ targets: Matrix, _ rows: ArraySlice<Int>) -> Void) {
        var targets = Matrix.empty
        for start in stride(from: 0, to: examples.count, by: Self.blockRows) {
            let rows = examples.indices[start..<min(start + Self.blockRows, examples.count)]
            examples.targets.copyRows(rows, into: &targets)
            body(engine.predict(examples.inputs, rows: rows), targets, rows)
        }
    }

    /// Tallies every split's decisions by class with the trained network (classifiers only).
    mutating func evaluateClasses(engine: any NetworkPredictor, outputColumns: Int, mistakesKept: Int) {
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
