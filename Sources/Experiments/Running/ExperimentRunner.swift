import Datasets
import Foundation
import NeuralNet

/// The runs of one experiment with everything they produced.
public struct ExperimentResult: Sendable {
    /// The experiment as prepared.
    public let prepared: PreparedExperiment
    /// One result per run, in the experiment's run order.
    public let runs: [RunResult]
    /// Seconds from the experiment's first run starting to its last finishing (metadata).
    public let seconds: Double
    /// How many of its runs took their result from the same training done for a run before them
    /// (`RunSchedule`), and so took no time here (metadata).
    public var sharedRuns = 0
    /// How many of its runs were read from the run store rather than trained (metadata).
    public var storedRuns = 0

    /// The experiment.
    public var experiment: Experiment { prepared.experiment }
}

/// Runs every run of every experiment on a pool of worker threads.
///
/// Runs are independent (each builds its own network from its own seeds), so the order they are
/// scheduled in cannot change a number: results are stored by position, and `--jobs 1` and
/// `--jobs 8` give the same bytes.
public enum ExperimentRunner {
    /// Runs everything with `jobs` workers, longest runs first so the pool ends together.
    public static func run(_ experiments: [PreparedExperiment], jobs: Int, board: ProgressBoard? = nil) -> [ExperimentResult] {
        run(experiments, schedule: RunSchedule(experiments), jobs: jobs, board: board)
    }

    /// Runs `schedule`'s jobs for `experiments` with `jobs` workers; `board` hears each job's progress.
    ///
    /// The runs the schedule leaves out take their outcome from `known` (from the run store); every
    /// run must be in one or the other. `finished` hears each run's result as its job ends, from the
    /// worker's thread, so that it can be stored before the next job starts.
    public static func run(_ experiments: [PreparedExperiment], schedule: RunSchedule, jobs: Int,
                           known: [RunSchedule.Position: RunResult.Outcome] = [:],
                           board: ProgressBoard? = nil,
                           finished: (@Sendable (RunSchedule.Position, RunResult) -> Void)? = nil) -> [ExperimentResult] {
        // One OpenBLAS thread per run: the pool supplies the parallelism.
        BLASThreads.set(1)
        let work = schedule.jobs
        let store = ResultStore(experiments.map { $0.experiment.runs.count })
        for (position, outcome) in known {
            let plan = experiments[position.experiment].experiment.runs[position.run]
            store.put(RunResult(name: plan.name, variant: plan.variant, sweepValues: plan.sweepValues, setup: plan.setup, outcome: outcome),
                      experiment: position.experiment, run: position.run, span: nil)
        }
        ParallelWork.forEach(work.count, workers: jobs) { position in
            let job = work[position]
            let prepared = experiments[job.lead.experiment]
            var plan = prepared.experiment.runs[job.lead.run]
            if case .training(var setup) = plan.setup, let cadence = job.evaluateEvery {
                setup.loop.evaluateEvery = cadence
                plan.setup = .training(setup)
            }
            let epochs = if case .training(let setup) = plan.setup { setup.loop.epochs } else { 1 }
            let others = job.members.count - 1
            let label = plan.name + (others > 0 ? " (and \(others) more run\(others == 1 ? "" : "s") with the same training)" : "")
            board?.start(job: position, experiment: prepared.experiment.name, run: label, epochs: epochs, work: job.work)
            let started = Date()
            let progress = TrainingRun.Progress(
                epochDone: { board?.advance(job: position, epoch: $0) },
                batchDone: board == nil ? nil : { board?.advance(job: position, batch: $0, of: $1) })
            let outcome = runOne(plan.setup, prepared: prepared, runIndex: job.lead.run, progress: progress)
            let finishedAt = Date()
            for member in job.members {
                let memberPlan = experiments[member.experiment].experiment.runs[member.run]
                let result = RunResult(name: memberPlan.name, variant: memberPlan.variant, sweepValues: memberPlan.sweepValues,
                                       setup: memberPlan.setup,
                                       outcome: outcome.taken(by: memberPlan.setup, dataIndex: experiments[member.experiment].dataIndices[member.run]))
                // Only the run executed took time; the others' experiments are charged nothing.
                store.put(result, experiment: member.experiment, run: member.run,
                          span: member == job.lead ? (started, finishedAt) : nil)
                finished?(member, result)
            }
            board?.finish(job: position, seconds: finishedAt.timeIntervalSince(started))
        }
        return experiments.enumerated().map { index, prepared in
            var result = ExperimentResult(prepared: prepared, runs: store.results(of: index), seconds: store.seconds(of: index))
            result.sharedRuns = work.reduce(0) { count, job in count + job.members.dropFirst().filter { $0.experiment == index }.count }
            return result
        }
    }

    private static func runOne(_ setup: RunSetup, prepared: PreparedExperiment, runIndex: Int, progress: TrainingRun.Progress) -> RunResult.Outcome {
        switch setup {
        case .training(let setup):
            let dataIndex = prepared.dataIndices[runIndex] ?? 0
            return .training(TrainingRun.run(setup, data: prepared.datasets[dataIndex], dataIndex: dataIndex, progress: progress))
        case .minimize(let setup):
            return .minimize(MinimizeRun.run(setup))
        case .gradientCheck(let setup):
            var random = RandomState(seed: setup.seed)
            return .gradientCheck(GradientCheck.standardSuite(random: &random, epsilon: setup.epsilon, tolerance: setup.tolerance))
        }
    }
}

/// Where workers leave their results, by experiment and run position.
private final class ResultStore: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[RunResult?]]
    private var spans: [(start: Date, end: Date)?]

    init(_ counts: [Int]) {
        slots = counts.map { Array(repeating: nil, count: $0) }
        spans = Array(repeating: nil, count: counts.count)
    }

    func put(_ result: RunResult, experiment: Int, run: Int, span: (start: Date, end: Date)?) {
        lock.withLock {
            slots[experiment][run] = result
            guard let span else { return }
            let known = spans[experiment]
            spans[experiment] = (min(known?.start ?? span.start, span.start), max(known?.end ?? span.end, span.end))
        }
    }

    func results(of experiment: Int) -> [RunResult] { lock.withLock { slots[experiment].compactMap { $0 } } }

    func seconds(of experiment: Int) -> Double {
        lock.withLock { spans[experiment].map { $0.end.timeIntervalSince($0.start) } ?? 0 }
    }
}
