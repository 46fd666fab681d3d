import Foundation

/// A plan run against a run store: every run the store has is read, the others are trained and
/// stored as each finishes (so that an interrupted run, run again, resumes where it stopped).
public struct StoredRuns: Sendable {
    /// Where records are read and written.
    public let store: RunStore
    /// Whether records are read (`--no-cache` trains everything, and still stores what it trained).
    public let readsRecords: Bool

    /// A store run, reading records unless `readsRecords` is false.
    public init(store: RunStore, readsRecords: Bool = true) {
        self.store = store
        self.readsRecords = readsRecords
    }

    /// What the store has of some runs.
    public struct Lookup: Sendable {
        /// The outcomes read, by run.
        public var known: [RunSchedule.Position: RunResult.Outcome] = [:]
        /// The runs the store lacks.
        public var missing: [SweepPlan.Entry] = []
        /// Records that did not read back (counted among `missing`), with why.
        public var damaged: [(entry: SweepPlan.Entry, reason: String)] = []
    }

    /// Reads the records of `entries`, runs of `experiments`.
    public func lookUp(_ entries: [SweepPlan.Entry], in experiments: [PreparedExperiment]) -> Lookup {
        var lookup = Lookup()
        guard readsRecords else {
            lookup.missing = entries
            return lookup
        }
        var read: [RunKey: RunRecord] = [:]
        for entry in entries {
            let dataIndex = experiments[entry.position.experiment].dataIndices[entry.position.run]
            if let record = read[entry.key] {
                lookup.known[entry.position] = record.outcome(dataIndex: dataIndex)
                continue
            }
            switch store.record(entry.key) {
            case .found(let record):
                read[entry.key] = record
                lookup.known[entry.position] = record.outcome(dataIndex: dataIndex)
            case .missing:
                lookup.missing.append(entry)
            case .damaged(let path, let reason):
                lookup.missing.append(entry)
                lookup.damaged.append((entry, "\(path): \(reason)"))
            }
        }
        return lookup
    }

    /// What a store run did.
    public struct Outcome: Sendable {
        /// Every experiment's results (complete when the lookup covered every run of the plan).
        public var results: [ExperimentResult]
        /// The runs trained here.
        public var trained: [SweepPlan.Entry]
        /// The runs read from the store.
        public var stored: Int
        /// Records that could not be written, with why (the results stand; the store lacks them).
        public var storeErrors: [String]
    }

    /// The jobs that train what `lookup` found missing.
    public func schedule(_ experiments: [PreparedExperiment], lookup: Lookup) -> RunSchedule {
        RunSchedule(experiments, only: Set(lookup.missing.map(\.position)))
    }

    /// Trains the runs `lookup` found missing (`schedule`'s jobs), with `jobs` workers, storing each;
    /// `board` hears the training. The results hold the runs `lookup` covers, read or trained.
    public func run(_ experiments: [PreparedExperiment], plan: SweepPlan, lookup: Lookup, schedule: RunSchedule,
                    jobs: Int, lockstep: Bool = true, board: ProgressBoard? = nil) -> Outcome {
        let keys = Dictionary(plan.entries.map { ($0.position, $0.key) }, uniquingKeysWith: { first, _ in first })
        let errors = ErrorList()
        let store = store
        var results = ExperimentRunner.run(experiments, schedule: schedule, jobs: jobs, lockstep: lockstep, known: lookup.known,
                                           board: board) { position, result in
            guard let key = keys[position] else { return }
            do throws(StoreError) { try store.save(RunRecord(result.outcome), key: key) } catch { errors.append(error.description) }
        }
        for index in results.indices {
            results[index].storedRuns = lookup.known.keys.filter { $0.experiment == index }.count
        }
        return Outcome(results: results, trained: lookup.missing, stored: lookup.known.count, storeErrors: errors.values)
    }
}

/// Messages gathered from worker threads.
private final class ErrorList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func append(_ message: String) { lock.withLock { list.append(message) } }
    var values: [String] { lock.withLock { list } }
}
