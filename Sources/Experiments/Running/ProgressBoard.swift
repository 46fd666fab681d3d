import Foundation

/// What is running and how far it is, shared between the worker threads and whoever displays it.
public final class ProgressBoard: @unchecked Sendable {
    /// One run in flight.
    public struct ActiveRun: Sendable {
        /// The experiment's name.
        public var experiment: String
        /// The run's name.
        public var run: String
        /// Epochs done.
        public var epoch: Int
        /// Epochs in all.
        public var epochs: Int
        /// Batches done in the epoch under way, and the batches an epoch has (0 until the first
        /// batch of a mini-batch run reports).
        public var batch = 0
        public var batches = 0
        /// When it started.
        public var started: Date

        /// Seconds since it started.
        public var elapsed: Double { Date().timeIntervalSince(started) }

        /// Seconds left, extrapolated from its epochs so far; nil before its first epoch.
        public var remaining: Double? {
            guard epochsDone > 0 else { return nil }
            return elapsed * (Double(epochs) - epochsDone) / epochsDone
        }

        /// Epochs done, counting the part of the epoch under way.
        public var epochsDone: Double {
            Double(epoch) + (batches > 0 ? Double(batch) / Double(batches) : 0)
        }
    }

    /// A consistent view of the board at one moment.
    public struct Snapshot: Sendable {
        /// Runs in flight.
        public var active: [ActiveRun]
        /// Runs finished.
        public var finishedRuns: Int
        /// Runs in all.
        public var totalRuns: Int
        /// Estimated work done and in all (epochs weighted by rows), for the remaining-time estimate.
        public var doneWork: Double
        public var totalWork: Double
        /// Seconds since the board was created.
        public var elapsed: Double

        /// Remaining seconds, extrapolated from the rate so far; nil until something has been done.
        public var remaining: Double? {
            guard doneWork > 0, elapsed > 0.5 else { return nil }
            return elapsed * (totalWork - doneWork) / doneWork
        }
    }

    private let lock = NSLock()
    private var active: [Int: ActiveRun] = [:]
    private var workPerEpoch: [Int: Double] = [:]
    private var finished = 0
    private var done = 0.0
    private var total: Double
    private let runs: Int
    private let started = Date()
    /// Called (on a worker thread) when a run finishes: experiment, run, seconds.
    public var onRunFinished: (@Sendable (String, String, Double) -> Void)?

    /// A board for `runs` runs whose estimated work sums to `totalWork`.
    public init(runs: Int, totalWork: Double) {
        self.runs = runs
        self.total = totalWork
    }

    /// Sets the estimated work in all, once the runner knows how its jobs are packed.
    func plan(totalWork: Double) {
        lock.withLock { total = totalWork }
    }

    func start(job: Int, experiment: String, run: String, epochs: Int, work: Double) {
        lock.withLock {
            active[job] = ActiveRun(experiment: experiment, run: run, epoch: 0, epochs: epochs, started: Date())
            workPerEpoch[job] = work / Double(max(epochs, 1))
        }
    }

    func advance(job: Int, epoch: Int) {
        lock.withLock {
            guard let previous = active[job]?.epochsDone else { return }
            active[job]?.epoch = epoch
            active[job]?.batch = 0
            done += (Double(epoch) - previous) * (workPerEpoch[job] ?? 0)
        }
    }

    /// Records `batch` of `batches` done in the epoch after the `epoch`s done.
    func advance(job: Int, batch: Int, of batches: Int) {
        lock.withLock {
            guard let previous = active[job]?.epochsDone else { return }
            active[job]?.batch = batch
            active[job]?.batches = batches
            done += ((active[job]?.epochsDone ?? previous) - previous) * (workPerEpoch[job] ?? 0)
        }
    }

    /// Records job `job`, which trained `runs` runs, finished after `seconds`.
    func finish(job: Int, seconds: Double, runs: Int = 1) {
        let run = lock.withLock { () -> ActiveRun? in
            let run = active.removeValue(forKey: job)
            if let run { done += (Double(run.epochs) - run.epochsDone) * (workPerEpoch[job] ?? 0) }
            finished += runs
            return run
        }
        if let run { onRunFinished?(run.experiment, run.run, seconds) }
    }

    /// The board now.
    public func snapshot() -> Snapshot {
        lock.withLock {
            Snapshot(active: active.keys.sorted().compactMap { active[$0] }, finishedRuns: finished, totalRuns: runs,
                     doneWork: done, totalWork: total, elapsed: Date().timeIntervalSince(started))
        }
    }
}
