import Datasets
import Foundation

/// Every run a set of experiments expands to, with its key and estimated cost, grouped into the jobs
/// that train them (`RunSchedule`), and split into shards: what `--plan` prints, what the store is
/// asked for, and what each `--shard I/N` trains.
public struct SweepPlan: Sendable {
    /// One run of the plan.
    public struct Entry: Sendable {
        /// Where the run is among the experiments.
        public let position: RunSchedule.Position
        /// Its key in the store.
        public let key: RunKey
        /// Its experiment's name.
        public let experiment: String
        /// Its name within the experiment.
        public let run: String
        /// The index of the job that trains it, in `schedule.jobs`.
        public let job: Int
    }

    /// The runs, in the files' order.
    public let entries: [Entry]
    /// Every run's job, longest first.
    public let schedule: RunSchedule

    /// Plans every run of `experiments`, with the keys `keys` holds (those it lacks computed
    /// here); fails only if a setup cannot be encoded as a key.
    public init(_ experiments: [PreparedExperiment], keys table: RunKeyTable = RunKeyTable()) throws {
        let schedule = RunSchedule(experiments)
        var jobOf: [RunSchedule.Position: Int] = [:]
        for (index, job) in schedule.jobs.enumerated() { for member in job.members { jobOf[member] = index } }
        var entries: [Entry] = []
        for (experimentIndex, prepared) in experiments.enumerated() {
            let keys = try table.keys(of: prepared.experiment) ?? prepared.experiment.runKeys()
            for (runIndex, run) in prepared.experiment.runs.enumerated() {
                let position = RunSchedule.Position(experiment: experimentIndex, run: runIndex)
                entries.append(Entry(position: position, key: keys[runIndex], experiment: prepared.experiment.name, run: run.name,
                                     job: jobOf[position]!))
            }
        }
        self.entries = entries
        self.schedule = schedule
    }

    /// The keys of experiment `name`'s runs, in its runs' order.
    public func keys(of name: String) -> [RunKey] { entries.filter { $0.experiment == name }.map(\.key) }

    /// The estimated cost of a run's job, in multiply-adds (1 for a run that trains nothing).
    public func work(of entry: Entry) -> Double { schedule.jobs[entry.job].work }

    /// The plan's identity: the digest of its sorted distinct keys. Shards of the same files agree on it.
    public var digest: String {
        SHA256.hex(of: Data(Set(entries.map(\.key.digest)).sorted().joined(separator: "\n").utf8))
    }

    /// For each job, the shard of `count` that trains it. Jobs are dealt longest first, each to the
    /// shard with the least estimated work so far (the lowest index among equals): the same answer
    /// in every shard, since each computes it from the same plan.
    public func shardOfJobs(count: Int) -> [Int] {
        var loads = [Double](repeating: 0, count: max(count, 1))
        var shards = [Int](repeating: 0, count: schedule.jobs.count)
        // `schedule.jobs` is longest first already, ties in the files' order.
        for (index, job) in schedule.jobs.enumerated() {
            let shard = loads.indices.min { (loads[$0], $0) < (loads[$1], $1) }!
            shards[index] = shard
            loads[shard] += job.work
        }
        return shards
    }

    /// The entries shard `index` of `count` trains.
    public func entries(inShard index: Int, of count: Int) -> [Entry] {
        let shards = shardOfJobs(count: count)
        return entries.filter { shards[$0.job] == index }
    }
}

/// Each experiment's run keys, computed once and handed to every step that needs them (the reuse
/// of an unchanged report, the plan, the render keys in `run.json`).
public struct RunKeyTable: Sendable {
    private var keys: [String: [RunKey]] = [:]

    /// An empty table: every plan computes its keys.
    public init() {}

    /// The keys of each of `experiments` whose data files can be digested. One whose files cannot
    /// be read has none here: preparing it reports why, and it is not planned.
    public init(_ experiments: [Experiment]) {
        for experiment in experiments {
            do { keys[experiment.name] = try experiment.runKeys() } catch { continue }
        }
    }

    /// The keys of `experiment`'s runs, nil when its data files could not be digested.
    public func keys(of experiment: Experiment) -> [RunKey]? { keys[experiment.name] }
}

extension Experiment {
    /// The store key of each of its runs, from its setups and the digests of the data files they
    /// name, without building any data: what says, before anything is prepared, whether the store
    /// has every run.
    public func runKeys() throws -> [RunKey] {
        let directory = (file as NSString).deletingLastPathComponent
        return try runs.map { run in
            guard case .training(let training) = run.setup else { return try RunKey(setup: run.setup, dataFiles: []) }
            let source = training.data.source
            let files = try source.files(directory: directory).map { path throws in try FileDigests.shared.digest(of: path) }
            return try RunKey(setup: run.setup, dataFiles: files)
        }
    }
}
