/// How the training set is cut into batches within an epoch.
public enum Batching: Sendable, Equatable, Codable {
    /// One step per epoch on all examples (seeds 003 and 004).
    case full
    /// One step per example (seeds 000 and 001's stochastic gradient descent).
    case perSample
    /// Steps on consecutive batches of this many examples; the last batch may be smaller.
    case miniBatch(Int)

    /// Encoded as an experiment file writes it: `"full"`, `1` or the mini-batch size.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .full: try container.encode("full")
        case .perSample: try container.encode(1)
        case .miniBatch(let size): try container.encode(size)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        // A batch size or the word "full": not a number is read as the word, whose error is the one reported.
        if let size = try? container.decode(Int.self) {
            self = size == 1 ? .perSample : .miniBatch(size)
        } else {
            guard try container.decode(String.self) == "full" else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected \"full\" or a batch size")
            }
            self = .full
        }
    }

    /// The batch size for a training set of `count` examples.
    public func size(for count: Int) -> Int {
        switch self {
        case .full: return Swift.max(count, 1)
        case .perSample: return 1
        case .miniBatch(let size): return Swift.max(1, Swift.min(size, count))
        }
    }
}

/// The settings of a training loop.
public struct TrainingConfiguration: Sendable, Equatable {
    /// Number of passes over the training set.
    public var epochs: Int
    /// How each epoch is cut into batches.
    public var batching: Batching
    /// Whether the examples are put in a new random order every epoch (not for full batches).
    public var shuffle: Bool
    /// Metrics are recorded after every this many epochs (and after the last).
    public var evaluateEvery: Int
    /// How outputs become classes for accuracy; nil for regression.
    public var decision: Decision?
    /// Whether per-sample and full-batch steps run through the C training kernel
    /// (`TrainingKernel`) when the network, loss and optimizer allow it. The results are the same
    /// bits either way; turning it off is for comparing the two paths in tests and benchmarks.
    public var usesTrainingKernel: Bool
    /// The precision of the forward and backward passes.
    public var precision: Precision
    /// How many of a classifier's surest wrong decisions each split's final evaluation keeps.
    public var mistakesKept: Int

    /// Creates a configuration.
    public init(epochs: Int, batching: Batching = .full, shuffle: Bool = false, evaluateEvery: Int = 1,
                decision: Decision? = nil, usesTrainingKernel: Bool = true, precision: Precision = .float64, mistakesKept: Int = 0) {
        self.precision = precision
        self.mistakesKept = Swift.max(0, mistakesKept)
        self.epochs = epochs
        self.batching = batching
        self.shuffle = shuffle
        self.evaluateEvery = Swift.max(1, evaluateEvery)
        self.decision = decision
        self.usesTrainingKernel = usesTrainingKernel
    }

    /// Whether metrics are recorded after `epoch` (0 = before training).
    public func records(epoch: Int) -> Bool {
        Self.records(epoch: epoch, every: evaluateEvery, of: epochs)
    }

    /// Whether a run of `epochs` epochs that records every `every` records after `epoch`: at the
    /// multiples of `every` and at the last epoch.
    public static func records(epoch: Int, every: Int, of epochs: Int) -> Bool {
        epoch % every == 0 || epoch == epochs
    }
}
