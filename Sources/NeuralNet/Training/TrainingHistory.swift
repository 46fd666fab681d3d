/// Everything recorded while a network trained: per-record metrics of every split, weight norms,
/// and how the run ended.
///
/// Records are taken before training (epoch 0) and after every `evaluateEvery`-th epoch, always
/// including the last one that ran. Series are stored column by column, aligned with `epochs`.
public struct TrainingHistory: Codable, Equatable, Sendable {
    /// The epoch of each record; 0 is the untrained network.
    public var epochs: [Int] = []
    /// The metrics of each split, in the order the splits were given (the training split first).
    public var splits: [SplitHistory] = []
    /// The Frobenius norm ‖W‖ of each weight matrix, first layer first, one value per record.
    public var weightNorms: [[Double]] = []
    /// The mean loss of the mini-batches of each epoch, as the training loop saw them before each
    /// update (for full-batch training, the loss before that epoch's step). Index 0 is epoch 1.
    /// Kept for the first `maximumEpochLosses` epochs only, so that a history stays bounded.
    public var batchLoss: [Double] = []

    /// The wall time of each epoch's steps in seconds, as `batchLoss` is kept (metadata: it varies
    /// from run to run, so it is never part of what must repeat).
    public var epochSeconds: [Double] = []

    /// How many epochs' batch losses a history keeps.
    public static let maximumEpochLosses = 100_000
    /// How the trained network decides each split, class by class (classifiers only, after the
    /// last epoch of a run that did not diverge).
    public var classEvaluations: [ClassEvaluation] = []

    /// The number of parameter updates made.
    public var steps = 0
    /// How the run ended.
    public var outcome: TrainingOutcome = .completed

    /// An empty history.
    public init() {}

    /// Histories are equal when their numbers are: the epochs' wall times are left out.
    public static func == (left: TrainingHistory, right: TrainingHistory) -> Bool {
        left.epochs == right.epochs && left.splits == right.splits && left.weightNorms == right.weightNorms
            && left.batchLoss == right.batchLoss && left.steps == right.steps && left.outcome == right.outcome
            && left.classEvaluations == right.classEvaluations
    }

    /// The series of the split named `name`.
    public func split(_ name: Split) -> SplitHistory? {
        splits.first { $0.name == name }
    }

    /// The same history with only the records whose epoch satisfies `keep`: what the run would
    /// have recorded with a sparser `evaluateEvery`, since a record never changes the training.
    public func keepingRecords(where keep: (Int) -> Bool) -> TrainingHistory {
        let kept = epochs.indices.filter { keep(epochs[$0]) }
        var thinned = self
        thinned.epochs = kept.map { epochs[$0] }
        thinned.weightNorms = weightNorms.map { norms in kept.map { norms[$0] } }
        thinned.splits = splits.map { split in
            SplitHistory(name: split.name, loss: kept.map { split.loss[$0] }, accuracy: split.accuracy.map { values in kept.map { values[$0] } })
        }
        return thinned
    }
}

/// Loss (and accuracy, for classifiers) of one split at each record.
public struct SplitHistory: Codable, Equatable, Sendable {
    /// The split's name.
    public var name: Split
    /// The loss at each record.
    public var loss: [Double] = []
    /// The accuracy at each record, or nil for regression.
    public var accuracy: [Double]?

    /// The series of the split `name`.
    public init(name: Split, loss: [Double] = [], accuracy: [Double]? = nil) {
        self.name = name
        self.loss = loss
        self.accuracy = accuracy
    }
}

/// How a training run ended.
public enum TrainingOutcome: Codable, Equatable, Sendable {
    /// All epochs ran.
    case completed
    /// The loss of a batch became NaN or infinite; training stopped before that batch's update.
    case diverged(epoch: Int, step: Int)

    /// Whether the run diverged.
    public var diverged: Bool {
        if case .diverged = self { return true }
        return false
    }
}
