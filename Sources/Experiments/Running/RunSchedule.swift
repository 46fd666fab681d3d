import NeuralNet

/// The work a set of experiments needs, as jobs for the runner's workers: one job per run, except
/// that a training asked for more than once, in one experiment or several, is one job.
///
/// Two runs share a training when they train the same network on the same data with the same loss,
/// optimizer, loop and seeds, differing at most in how often they record metrics. The job records
/// at the greatest common divisor of their cadences, and each run keeps its own records from it
/// (`TrainingHistory.keepingRecords`). A record reads the network and never changes it, so every
/// run gets the bits it would have had alone. In the shipped suite, seed 004's three experiments
/// ask for four of lr-sweep's 40 trainings again (blobs3-nll's two rates, mse-vs-nll's two losses).
public struct RunSchedule: Sendable {
    /// Where a run is: its experiment's index and its index among that experiment's runs.
    public struct Position: Hashable, Sendable {
        /// The experiment's index in the list scheduled.
        public let experiment: Int
        /// The run's index in `experiment.runs`.
        public let run: Int
    }

    /// One unit of work: a run executed once, for one or more runs.
    public struct Job: Sendable {
        /// The runs that take its result; the first is the one executed.
        public fileprivate(set) var members: [Position]
        /// For a training, how often it records metrics: the greatest common divisor of the members'.
        public fileprivate(set) var evaluateEvery: Int?
        /// Its estimated cost, in multiply-adds.
        public let work: Double

        /// The run executed.
        public var lead: Position { members[0] }
    }

    /// The jobs, longest first, so that the workers finish together.
    public let jobs: [Job]

    /// The estimated cost of all jobs.
    public var totalWork: Double { jobs.reduce(0) { $0 + $1.work } }

    /// Schedules the runs of `experiments` at `positions` (every run when nil).
    public init(_ experiments: [PreparedExperiment], only positions: Set<Position>? = nil) {
        var jobs: [Job] = []
        var keys: [TrainingKey?] = []
        for (experimentIndex, prepared) in experiments.enumerated() {
            for runIndex in prepared.experiment.runs.indices {
                let position = Position(experiment: experimentIndex, run: runIndex)
                if let positions, !positions.contains(position) { continue }
                let key = TrainingKey(prepared, run: runIndex)
                if let key, let shared = keys.firstIndex(of: key) {
                    jobs[shared].members.append(position)
                    jobs[shared].evaluateEvery = greatestCommonDivisor(jobs[shared].evaluateEvery ?? 1, key.evaluateEvery)
                } else {
                    jobs.append(Job(members: [position], evaluateEvery: key?.evaluateEvery,
                                    work: Self.estimatedWork(prepared, run: runIndex)))
                    keys.append(key)
                }
            }
        }
        // A stable sort: equal estimates keep the files' order, so the schedule is the same every time.
        self.jobs = jobs.enumerated().sorted { ($0.element.work, $1.offset) > ($1.element.work, $0.offset) }.map(\.element)
    }

    /// The estimated cost of a run: multiply-adds of its training, 1 for anything else.
    static func estimatedWork(_ prepared: PreparedExperiment, run: Int) -> Double {
        let plan = prepared.experiment.runs[run]
        guard case .training(let setup) = plan.setup, let index = prepared.dataIndices[run] else { return 1 }
        let rows = Double(prepared.datasets[index].indices.train.count)
        let widths = setup.layers.widths(inputWidth: prepared.datasets[index].inputWidth)
        let multiplyAdds = zip(setup.layers, widths).reduce(0.0) { sum, pair in
            sum + Double(pair.1 * (pair.0.linear?.units ?? 0))
        }
        return Double(setup.loop.epochs) * rows * (multiplyAdds + 10)
    }
}

/// What determines a training's result: its setup but for the metrics cadence, and its data as prepared.
private struct TrainingKey: Equatable {
    let setup: TrainingSetup
    let data: PreparedData
    let evaluateEvery: Int

    init?(_ prepared: PreparedExperiment, run: Int) {
        guard case .training(var setup) = prepared.experiment.runs[run].setup,
              let dataIndex = prepared.dataIndices[run] else { return nil }
        evaluateEvery = setup.loop.evaluateEvery
        setup.loop.evaluateEvery = 1
        self.setup = setup
        self.data = prepared.datasets[dataIndex]
    }

    // The cadence is not part of a training's identity.
    static func == (left: TrainingKey, right: TrainingKey) -> Bool {
        left.setup == right.setup && left.data == right.data
    }
}

private func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
    b == 0 ? a : greatestCommonDivisor(b, a % b)
}

extension RunResult.Outcome {
    /// This outcome as a run with `setup` sharing the job gets it: a training keeps the records of
    /// `setup`'s cadence and names `dataIndex` (its own experiment's data set) as its data.
    func taken(by setup: RunSetup, dataIndex: Int?) -> RunResult.Outcome {
        guard case .training(var result) = self, case .training(let training) = setup else { return self }
        let loop = training.loop
        let keeps = { (epoch: Int) in TrainingConfiguration.records(epoch: epoch, every: loop.evaluateEvery, of: loop.epochs) }
        result.history = result.history.keepingRecords(where: keeps)
        result.probes = result.probes.filter { keeps($0.epoch) }
        result.dataIndex = dataIndex ?? result.dataIndex
        return .training(result)
    }
}
