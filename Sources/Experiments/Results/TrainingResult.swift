import NeuralNet

/// A trained network's record: its history, its parameters before and after, and its probes, with
/// the wall times it took where it was computed.
///
/// Encoded (as the run store keeps it), it holds the numbers alone: the wall times, which differ
/// from one computation to the next, travel beside it (`RunTiming`). In a record, the batch losses
/// go to the record's block of numbers, as the parameters do (`NumberBlock`).
public struct TrainingResult: Sendable {
    /// Metrics at every evaluated epoch.
    public var history: TrainingHistory
    /// Every parameter before training, in layer order.
    public var initialParameters: [NamedMatrix]
    /// Every parameter after training.
    public var finalParameters: [NamedMatrix]
    /// Predictions at the probe inputs, one row per evaluated epoch (epoch 0 first).
    public var probes: [ProbeRecord]
    /// Which prepared data set it used (an index into the experiment's data sets).
    public var dataIndex: Int
    /// Wall time of the run in seconds (metadata: never written where bytes must repeat).
    public var seconds: Double
    /// Its epochs' wall times summed up, over every epoch the history timed (metadata).
    public var epochTimes: EpochTimes
    /// How many networks trained side by side in its lockstep pack, itself included; 1 when it
    /// trained alone. Its times are its equal share of the pack's (metadata).
    public var lockstepNetworks: Int

    /// A result; its epoch times are summed up from the history's.
    public init(history: TrainingHistory, initialParameters: [NamedMatrix], finalParameters: [NamedMatrix], probes: [ProbeRecord],
                dataIndex: Int, seconds: Double, lockstepNetworks: Int = 1) {
        self.history = history
        self.initialParameters = initialParameters
        self.finalParameters = finalParameters
        self.probes = probes
        self.dataIndex = dataIndex
        self.seconds = seconds
        self.epochTimes = EpochTimes(history.epochSeconds)
        self.lockstepNetworks = lockstepNetworks
    }

    /// The most epochs whose every time the run store and results.json keep; a longer run keeps
    /// the summary (`epochTimes`), and results.json drops its batch losses too.
    public static let epochSeriesLimit = 1000
}

extension TrainingResult: Codable {
    private enum CodingKeys: String, CodingKey {
        case history, initialParameters, finalParameters, probes, dataIndex, batchLossFrom, batchLossCount
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var numbers = history
        numbers.epochSeconds = []
        if let block = encoder.userInfo[NumberBlock.userInfoKey] as? NumberBlock {
            try container.encode(block.append(numbers.batchLoss), forKey: .batchLossFrom)
            try container.encode(numbers.batchLoss.count, forKey: .batchLossCount)
            numbers.batchLoss = []
        }
        try container.encode(numbers, forKey: .history)
        try container.encode(initialParameters, forKey: .initialParameters)
        try container.encode(finalParameters, forKey: .finalParameters)
        try container.encode(probes, forKey: .probes)
        try container.encode(dataIndex, forKey: .dataIndex)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var history = try container.decode(TrainingHistory.self, forKey: .history)
        if let start = try container.decodeIfPresent(Int.self, forKey: .batchLossFrom) {
            let count = try container.decode(Int.self, forKey: .batchLossCount)
            guard let block = decoder.userInfo[NumberBlock.userInfoKey] as? NumberBlock, let losses = block.numbers(from: start, count: count) else {
                throw DecodingError.dataCorruptedError(forKey: .batchLossFrom, in: container, debugDescription: "the record's number block is too short")
            }
            history.batchLoss = losses
        }
        self.init(history: history, initialParameters: try container.decode([NamedMatrix].self, forKey: .initialParameters),
                  finalParameters: try container.decode([NamedMatrix].self, forKey: .finalParameters),
                  probes: try container.decode([ProbeRecord].self, forKey: .probes),
                  dataIndex: try container.decode(Int.self, forKey: .dataIndex), seconds: 0)
    }
}

/// A run's epoch wall times, summed up: what a page says of them.
public struct EpochTimes: Sendable, Codable, Equatable {
    /// The epochs timed.
    public var count: Int
    /// The median, fastest and slowest epoch, and all of them together, in seconds.
    public var median: Double
    public var fastest: Double
    public var slowest: Double
    public var total: Double

    /// The summary of `seconds`, one per epoch (zeros for none).
    public init(_ seconds: [Double]) {
        let sorted = seconds.sorted()
        count = sorted.count
        median = sorted.isEmpty ? 0 : (sorted[(sorted.count - 1) / 2] + sorted[sorted.count / 2]) / 2
        (fastest, slowest) = (sorted.first ?? 0, sorted.last ?? 0)
        total = sorted.reduce(0, +)
    }
}
