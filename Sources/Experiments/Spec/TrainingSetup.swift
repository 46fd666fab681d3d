import NeuralNet

/// Everything one training run needs, resolved: data, network, loss, optimizer, loop and seeds.
public struct TrainingSetup: Sendable, Equatable, Codable {
    /// The examples.
    public var data: DataSetup
    /// The layers, first to last.
    public var layers: [LayerSetup]
    /// The loss minimised.
    public var loss: LossSetup
    /// How the loss combines examples.
    public var reduction: Reduction
    /// The optimizer.
    public var optimizer: OptimizerSetup
    /// Epochs, batches, evaluation.
    public var loop: LoopSetup
    /// The NumPy seeds of each random stream.
    public var seeds: Seeds
}

/// The training loop's settings.
public struct LoopSetup: Sendable, Equatable, Codable {
    /// The most records of metrics a run keeps, however many epochs it has.
    public static let maximumRecords = 10_000

    /// Passes over the training set.
    public var epochs: Int
    /// Examples per step.
    public var batching: Batching
    /// Whether examples are visited in a new random order each epoch.
    public var shuffle: Bool
    /// Metrics are recorded every this many epochs (and after the last).
    public var evaluateEvery: Int
    /// The file's `evaluate_every`, when it would have recorded more than `maximumRecords` times
    /// and `evaluateEvery` was raised to keep the history bounded; nil otherwise.
    public var requestedEvaluateEvery: Int?
    /// Inputs at which the network's prediction is recorded after every evaluation (seed 001's x = 1, 2, −1, −2).
    public var probes: [Double]
    /// A training loss the report measures time to reach (steps and epochs), if any.
    public var targetLoss: Double?
    /// The precision of the forward and backward passes.
    public var precision: Precision
}

/// The seed of every random stream a run draws from, as NumPy `RandomState` seeds.
///
/// A file may give any of them (to reproduce a notebook's `random_state=42`); the others are
/// derived from the experiment's `seed` and the stream's name, so they are independent.
public struct Seeds: Sendable, Equatable, Codable {
    /// Generates the data set.
    public var data: UInt32
    /// Chooses the split.
    public var split: UInt32
    /// Draws the initial weights.
    public var initialization: UInt32
    /// Orders examples each epoch.
    public var shuffle: UInt32
}
