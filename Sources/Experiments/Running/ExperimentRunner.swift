import Datasets
import Dispatch
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
        // One OpenBLAS thread per run: the pool supplies the parallelism.
        BLASThreads.set(1)
        let work = experiments.enumerated().flatMap { experimentIndex, prepared in
            prepared.experiment.runs.indices.map { Job(experiment: experimentIndex, run: $0, work: estimatedWork(prepared, run: $0)) }
        }.sorted { $0.work > $1.work }
        let store = ResultStore(experiments.map { $0.experiment.runs.count })
        let next = JobCounter()
        let workers = max(1, min(jobs, work.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let position = next.take(below: work.count) {
                let job = work[position]
                let prepared = experiments[job.experiment]
                let plan = prepared.experiment.runs[job.run]
                let epochs = if case .training(let setup) = plan.setup { setup.loop.epochs } else { 1 }
                board?.start(job: position, experiment: prepared.experiment.name, run: plan.name, epochs: epochs, work: job.work)
                let started = Date()
                let result = runOne(plan, prepared: prepared, runIndex: job.run) { board?.advance(job: position, epoch: $0) }
                let finished = Date()
                store.put(result, experiment: job.experiment, run: job.run, started: started, finished: finished)
                board?.finish(job: position, seconds: finished.timeIntervalSince(started))
            }
        }
        return experiments.enumerated().map { index, prepared in
            ExperimentResult(prepared: prepared, runs: store.results(of: index), seconds: store.seconds(of: index))
        }
    }

    /// The estimated cost of a run, for scheduling and the remaining-time estimate.
    public static func estimatedWork(_ prepared: PreparedExperiment, run: Int) -> Double {
        let plan = prepared.experiment.runs[run]
        guard case .training(let setup) = plan.setup, let index = prepared.dataIndices[run] else { return 1 }
        let rows = Double(prepared.datasets[index].indices.train.count)
        let widths = setup.layers.widths(inputWidth: prepared.datasets[index].inputWidth)
        let multiplyAdds = zip(setup.layers, widths).reduce(0.0) { sum, pair in
            if case .linear(let units, _, _) = pair.0 { sum + Double(pair.1 * units) } else { sum }
        }
        return Double(setup.loop.epochs) * rows * (multiplyAdds + 10)
    }

    private static func runOne(_ plan: RunPlan, prepared: PreparedExperiment, runIndex: Int, progress: (Int) -> Void) -> RunResult {
        let outcome: RunResult.Outcome
        switch plan.setup {
        case .training(let setup):
            let dataIndex = prepared.dataIndices[runIndex] ?? 0
            outcome = .training(TrainingRun.run(setup, data: prepared.datasets[dataIndex], dataIndex: dataIndex, progress: progress))
        case .minimize(let setup):
            outcome = .minimize(MinimizeRun.run(setup))
        case .gradientCheck(let setup):
            var random = RandomState(seed: setup.seed)
            outcome = .gradientCheck(GradientCheck.standardSuite(random: &random, epsilon: setup.epsilon, tolerance: setup.tolerance))
        }
        return RunResult(name: plan.name, variant: plan.variant, sweepValues: plan.sweepValues, setup: plan.setup, outcome: outcome)
    }

    private struct Job {
        let experiment: Int
        let run: Int
        let work: Double
    }
}

/// Hands out job positions to the workers, each exactly once.
private final class JobCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below count: Int) -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
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

    func put(_ result: RunResult, experiment: Int, run: Int, started: Date, finished: Date) {
        lock.withLock {
            slots[experiment][run] = result
            let span = spans[experiment]
            spans[experiment] = (min(span?.start ?? started, started), max(span?.end ?? finished, finished))
        }
    }

    func results(of experiment: Int) -> [RunResult] { lock.withLock { slots[experiment].compactMap { $0 } } }

    func seconds(of experiment: Int) -> Double {
        lock.withLock { spans[experiment].map { $0.end.timeIntervalSince($0.start) } ?? 0 }
    }
}
