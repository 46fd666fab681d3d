import Foundation

/// One run's outcome as the store keeps it: every number it computed, and nothing that differs from
/// one machine or one invocation to the next. Its wall times travel beside it, as `RunTiming`.
public struct RunRecord: Sendable {
    /// The outcome with its data index 0 (which data set of an experiment a run uses depends on the
    /// experiment, not on the run); its wall times are not encoded (`TrainingResult`'s coding).
    public private(set) var outcome: RunResult.Outcome
    /// The wall times removed from it.
    public private(set) var timing: RunTiming

    /// The record of `outcome`.
    public init(_ outcome: RunResult.Outcome) {
        var timing = RunTiming()
        if case .training(var training) = outcome {
            timing = RunTiming(training)
            training.dataIndex = 0
            self.outcome = .training(training)
        } else {
            self.outcome = outcome
        }
        self.timing = timing
    }

    /// A record read back, with the wall times stored beside it (none when they were lost).
    init(storedOutcome outcome: RunResult.Outcome, timing: RunTiming?) {
        self.outcome = outcome
        self.timing = timing ?? RunTiming()
    }

    /// The outcome as a run of an experiment whose data set `dataIndex` it used takes it.
    public func outcome(dataIndex: Int?) -> RunResult.Outcome {
        guard case .training(var training) = outcome else { return outcome }
        timing.apply(to: &training)
        training.dataIndex = dataIndex ?? 0
        return .training(training)
    }
}

/// How long a run took where it was computed: metadata, kept beside its record.
public struct RunTiming: Sendable, Codable, Equatable {
    /// The run's wall time.
    public var seconds: Double = 0
    /// Each epoch's wall time, as the history records it, for runs of up to
    /// `TrainingResult.epochSeriesLimit` epochs; a longer run keeps only `epochTimes`.
    public var epochSeconds: [Double] = []
    /// The epoch times summed up.
    public var epochTimes = EpochTimes([])
    /// How many networks trained side by side in the run's lockstep pack (1: alone).
    public var lockstepNetworks = 1

    /// No times: a record read without its timing file.
    public init() {}

    /// The times of `training`.
    init(_ training: TrainingResult) {
        seconds = training.seconds
        let series = training.history.epochSeconds
        epochSeconds = series.count <= TrainingResult.epochSeriesLimit ? series : []
        epochTimes = training.epochTimes
        lockstepNetworks = training.lockstepNetworks
    }

    /// Puts these times back into `training`, read from its record.
    func apply(to training: inout TrainingResult) {
        training.seconds = seconds
        training.history.epochSeconds = epochSeconds
        training.epochTimes = epochTimes
        training.lockstepNetworks = lockstepNetworks
    }
}
