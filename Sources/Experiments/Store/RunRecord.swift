import Foundation

/// One run's outcome as the store keeps it: every number it computed, and nothing that differs from
/// one machine or one invocation to the next. Its wall times travel beside it, as `RunTiming`.
public struct RunRecord: Sendable {
    /// The outcome with its wall times removed and its data index 0 (which data set of an experiment
    /// a run uses depends on the experiment, not on the run).
    public private(set) var outcome: RunResult.Outcome
    /// The wall times removed from it.
    public private(set) var timing: RunTiming

    /// The record of `outcome`.
    public init(_ outcome: RunResult.Outcome) {
        var timing = RunTiming()
        if case .training(var training) = outcome {
            timing = RunTiming(seconds: training.seconds, epochSeconds: training.history.epochSeconds)
            (training.seconds, training.history.epochSeconds, training.dataIndex) = (0, [], 0)
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
        (training.seconds, training.history.epochSeconds) = (timing.seconds, timing.epochSeconds)
        training.dataIndex = dataIndex ?? 0
        return .training(training)
    }
}

/// How long a run took where it was computed: metadata, kept beside its record.
public struct RunTiming: Sendable, Codable, Equatable {
    /// The run's wall time.
    public var seconds: Double = 0
    /// Each epoch's wall time, as the history records it.
    public var epochSeconds: [Double] = []
}
