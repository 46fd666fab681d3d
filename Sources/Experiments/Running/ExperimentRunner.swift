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
    /// How many of its runs trained side by side with others in lockstep (`LockstepPacking`), each
    /// taking an equal share of their wall time (metadata).
    public var lockstepRuns = 0

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
    /// With `lockstep`, trainings that can train side by side do (`LockstepPacking`); without it,
    /// each trains alone, the reference path: the results are the same bits either way.
    ///
    /// The runs the schedule leaves out take their outcome from `known` (from the run store); every
    /// run must be in one or the other. `finished` hears each run's result as its job ends, from the
    /// worker's thread, so that it can be stored before the next job starts.
    public static func run(_ experiments: [PreparedExperiment], schedule: RunSchedule, jobs: Int, lockstep: Bool = true,
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
        let packing = LockstepPacking(schedule, experiments: experiments, workers: jobs, packs: lockstep)
        board?.plan(totalWork: packing.work.reduce(0, +))
        ParallelWork.forEach(packing.units.count, workers: jobs) { unitIndex in
            let unit = packing.units[unitIndex].map { work[$0] }
            let lead = unit[0].lead
            let prepared = experiments[lead.experiment]
            let plans = unit.map { job in Self.plan(of: job, in: experiments) }
            let epochs = if case .training(let setup) = plans[0].setup { setup.loop.epochs } else { 1 }
            board?.start(job: unitIndex, experiment: prepared.experiment.name, run: Self.label(of: unit, plans: plans), epochs: epochs,
                         work: packing.work[unitIndex])
            let started = Date()
            let progress = TrainingRun.Progress(
                epochDone: { board?.advance(job: unitIndex, epoch: $0) },
                batchDone: board == nil ? nil : { board?.advance(job: unitIndex, batch: $0, of: $1) })
            let outcomes = runUnit(plans, leads: unit.map(\.lead), experiments: experiments, progress: progress)
            let finishedAt = Date()
            for (job, outcome) in zip(unit, outcomes) {
                for member in job.members {
                    let memberPlan = experiments[member.experiment].experiment.runs[member.run]
                    let result = RunResult(name: memberPlan.name, variant: memberPlan.variant, sweepValues: memberPlan.sweepValues,
                                           setup: memberPlan.setup,
                                           outcome: outcome.taken(by: memberPlan.setup, dataIndex: experiments[member.experiment].dataIndices[member.run]))
                    // Only the runs executed took time; the others' experiments are charged nothing.
                    store.put(result, experiment: member.experiment, run: member.run,
                              span: member == job.lead ? (started, finishedAt) : nil)
                    finished?(member, result)
                }
            }
            board?.finish(job: unitIndex, seconds: finishedAt.timeIntervalSince(started), runs: unit.count)
        }
        return experiments.enumerated().map { index, prepared in
            var result = ExperimentResult(prepared: prepared, runs: store.results(of: index), seconds: store.seconds(of: index))
            result.sharedRuns = work.reduce(0) { count, job in count + job.members.dropFirst().filter { $0.experiment == index }.count }
            result.lockstepRuns = packing.units.filter { $0.count > 1 }.joined().filter { work[$0].lead.experiment == index }.count
            return result
        }
    }

    /// The plan a job executes: its lead run's, recording at the cadence every member needs.
    private static func plan(of job: RunSchedule.Job, in experiments: [PreparedExperiment]) -> RunPlan {
        var plan = experiments[job.lead.experiment].experiment.runs[job.lead.run]
        if case .training(var setup) = plan.setup, let cadence = job.evaluateEvery {
            setup.loop.evaluateEvery = cadence
            plan.setup = .training(setup)
        }
        return plan
    }

    /// How the progress display names a unit: its first run, and how many share or join its training.
    private static func label(of unit: [RunSchedule.Job], plans: [RunPlan]) -> String {
        let shared = unit[0].members.count - 1
        var label = plans[0].name
        if unit.count > 1 { label += " (and \(unit.count - 1) more trained with it in lockstep)" }
        if shared > 0 { label += " (and \(shared) more run\(shared == 1 ? "" : "s") with the same training)" }
        return label
    }

    /// The outcomes of a unit's plans, whose lead runs are `leads`: one run, or trainings that share
    /// their data and train together.
    private static func runUnit(_ plans: [RunPlan], leads: [RunSchedule.Position], experiments: [PreparedExperiment],
                                progress: TrainingRun.Progress) -> [RunResult.Outcome] {
        let prepared = experiments[leads[0].experiment]
        let dataIndex = prepared.dataIndices[leads[0].run] ?? 0
        if plans.count > 1 {
            let setups = plans.map { plan -> TrainingSetup in
                guard case .training(let setup) = plan.setup else { preconditionFailure("Only trainings train in lockstep") }
                return setup
            }
            return TrainingRun.runTogether(setups, data: prepared.datasets[dataIndex], dataIndex: dataIndex, progress: progress)
                .map { .training($0) }
        }
        switch plans[0].setup {
        case .training(let setup):
            return [.training(TrainingRun.run(setup, data: prepared.datasets[dataIndex], dataIndex: dataIndex, progress: progress))]
        case .minimize(let setup):
            return [.minimize(MinimizeRun.run(setup))]
        case .gradientCheck(let setup):
            var random = RandomState(seed: setup.seed)
            return [.gradientCheck(GradientCheck.standardSuite(random: &random, epsilon: setup.epsilon, tolerance: setup.tolerance))]
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
