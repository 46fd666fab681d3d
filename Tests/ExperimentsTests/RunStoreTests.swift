import Foundation
import NeuralNet
import Testing
@testable import Experiments

@Suite("The run store")
struct RunStoreTests {
    /// A scratch folder, removed when the test ends.
    final class Scratch {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("run-store-test-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    /// A moons classifier, a minimisation whose descents diverge (NaN ends) and a gradient check.
    static func experiments(lr: Double = 0.5, title: String = "Moons") throws -> [PreparedExperiment] {
        let moons = """
            {"name": "moons", "title": "\(title)", "seed": 3,
             "data": {"source": "moons", "samples": 60, "noise": 0.2, "split": {"test": 0.25}},
             "model": [{"linear": 6}, {"activation": "tanh"}, {"linear": 2}],
             "loss": "nll", "optimizer": {"name": "adam", "lr": \(lr)},
             "training": {"epochs": 12, "batch": 16}}
            """
        let roots = """
            {"name": "roots", "seed": 1, "kind": "minimize",
             "objective": "(x^2 - 2)^2", "starts": [-3, 0.5, 3], "lr": [0.01, 0.5], "max_iterations": 50}
            """
        let check = #"{"name": "check", "seed": 5, "kind": "gradient-check"}"#
        return try [moons, roots, check].enumerated().map { index, json in
            try PreparedExperiment(try Experiment(json: Data(json.utf8), file: "file\(index).json"))
        }
    }

    @Test("Wall times travel beside the record: each epoch's for short runs, a summary for long ones, and the lockstep pack's size")
    func timingBesideTheRecord() throws {
        var history = TrainingHistory()
        history.batchLoss = (0..<1500).map { 1 / Double($0 + 1) }
        history.epochSeconds = (0..<1500).map { 1e-6 * Double($0 % 7 + 1) }
        let long = TrainingResult(history: history, initialParameters: [], finalParameters: [], probes: [], dataIndex: 2, seconds: 0.25,
                                  lockstepNetworks: 4)
        let record = RunRecord(.training(long))
        // The timing file is all that knows the times; the record's bytes are those of the same run timed otherwise.
        var untimed = long
        (untimed.seconds, untimed.history.epochSeconds, untimed.lockstepNetworks) = (9, [], 1)
        #expect(try record.encoded() == (try RunRecord(.training(untimed)).encoded()))
        let timing = try CanonicalJSON.decoder().decode(RunTiming.self, from: try CanonicalJSON.encoder().encode(record.timing))
        guard case .training(let back) = try RunRecord(decoding: try record.encoded(), timing: timing).outcome(dataIndex: 2) else {
            Issue.record("not a training")
            return
        }
        #expect(back.history.batchLoss == history.batchLoss)
        #expect(back.history.epochSeconds.isEmpty)
        #expect(back.epochTimes == EpochTimes(history.epochSeconds))
        #expect(back.epochTimes.count == 1500 && back.epochTimes.fastest == 1e-6 && back.epochTimes.slowest == 7e-6)
        #expect(back.seconds == 0.25 && back.lockstepNetworks == 4 && back.dataIndex == 2)

        history.batchLoss.removeLast(600)
        history.epochSeconds.removeLast(600)
        let short = TrainingResult(history: history, initialParameters: [], finalParameters: [], probes: [], dataIndex: 0, seconds: 0.1)
        #expect(RunRecord(.training(short)).timing.epochSeconds == history.epochSeconds)
    }

    @Test("A record reads back to the same bits, NaN and -0 included, and encodes to the same bytes")
    func roundTrip() throws {
        let prepared = try Self.experiments()
        let results = ExperimentRunner.run(prepared, jobs: 1)
        var outcomes = results.flatMap(\.runs).map(\.outcome)
        // Values JSON text mangles when done carelessly: -0, NaN, infinities, subnormals, the extremes.
        if case .training(var training) = outcomes[0] {
            training.history.batchLoss += [-0.0, .nan, .infinity, -.infinity, 5e-324, .greatestFiniteMagnitude, 0.1 + 0.2]
            training.finalParameters[0].values[0] = -0.0
            training.finalParameters[0].values[1] = .nan
            outcomes.append(.training(training))
        }
        #expect(outcomes.count == 4)
        for outcome in outcomes {
            let record = RunRecord(outcome)
            let bytes = try record.encoded()
            let read = try RunRecord(decoding: bytes, timing: record.timing)
            #expect(try read.encoded() == bytes)
            #expect(try RunRecord(read.outcome(dataIndex: 0)).encoded() == bytes)
            if case .training(let original) = outcome, case .training(let back) = read.outcome(dataIndex: original.dataIndex) {
                for (a, b) in zip(original.finalParameters + original.initialParameters, back.finalParameters + back.initialParameters) {
                    #expect(a.values.map(\.bitPattern) == b.values.map(\.bitPattern))
                    #expect(a.shape == b.shape && a.name == b.name)
                }
                #expect(original.history.batchLoss.map(\.bitPattern) == back.history.batchLoss.map(\.bitPattern))
                #expect(original.history.epochSeconds == back.history.epochSeconds)
                #expect(original.seconds == back.seconds)
            }
        }
        // The minimisation's diverged descents keep their NaN ends.
        guard case .minimize(let minimize) = try RunRecord(decoding: try RunRecord(outcomes[1]).encoded(), timing: nil).outcome else {
            Issue.record("the minimisation did not read back as one")
            return
        }
        #expect(minimize.basins.flatMap(\.ends).contains { $0.isNaN })
    }

    @Test("A record's bytes do not depend on wall times, and a damaged or truncated one is refused")
    func integrity() throws {
        let results = ExperimentRunner.run(try Self.experiments(), jobs: 1)
        let first = try RunRecord(results[0].runs[0].outcome).encoded()
        let again = try RunRecord(ExperimentRunner.run(try Self.experiments(), jobs: 2)[0].runs[0].outcome).encoded()
        #expect(first == again)
        var flipped = first
        flipped[flipped.count - 3] ^= 0x10
        #expect(throws: RunRecord.ReadError.self) { try RunRecord(decoding: flipped, timing: nil) }
        #expect(throws: RunRecord.ReadError.self) { try RunRecord(decoding: first.prefix(first.count - 8), timing: nil) }
        #expect(throws: RunRecord.ReadError.self) { try RunRecord(decoding: Data("report-run-record 0\n".utf8) + first, timing: nil) }
    }

    @Test("Keys change with what computes the numbers, and with nothing else")
    func keys() throws {
        let base = try SweepPlan(try Self.experiments()).entries.map(\.key)
        #expect(Set(base).count == 3)
        // The same files again, and with another title: the same keys.
        #expect(try SweepPlan(try Self.experiments()).entries.map(\.key) == base)
        #expect(try SweepPlan(try Self.experiments(title: "Two moons, retitled")).entries.map(\.key) == base)
        // Another learning rate: the moons run's key changes, the others' do not.
        let changed = try SweepPlan(try Self.experiments(lr: 0.25)).entries.map(\.key)
        #expect(changed[0] != base[0])
        #expect(Array(changed[1...]) == Array(base[1...]))
        // The material names the numeric code and the BLAS, and no machine path.
        let material = String(decoding: base[0].material, as: UTF8.self)
        #expect(material.contains(CodeIdentity.sources) && CodeIdentity.sources.count == 64)
        #expect(material.contains("\"blas\":\"OpenBLAS "))
        #expect(!material.contains(FileManager.default.temporaryDirectory.path) && !material.contains(FileManager.default.currentDirectoryPath))
    }

    @Test("A data file's key follows its content, not its folder")
    func fileContent() throws {
        let scratch = try Scratch()
        func experiment(in folder: String, rows: String) throws -> RunKey {
            try FileManager.default.createDirectory(atPath: scratch.path(folder), withIntermediateDirectories: true)
            try Data("x,y,label\n\(rows)".utf8).write(to: URL(fileURLWithPath: scratch.path("\(folder)/points.csv")))
            let json = """
                {"name": "csv", "seed": 2, "data": {"source": "csv", "path": "points.csv", "label": "label"},
                 "model": [{"linear": 1}, {"activation": "sigmoid"}], "loss": "bce", "optimizer": {"name": "sgd", "lr": 0.1}, "training": {"epochs": 2}}
                """
            let file = scratch.path("\(folder)/csv.json")
            try Data(json.utf8).write(to: URL(fileURLWithPath: file))
            return try SweepPlan([try PreparedExperiment(try Experiment.load(path: file))]).entries[0].key
        }
        let rows = "0,0,0\n1,1,1\n0,1,0\n1,0,1\n"
        let here = try experiment(in: "a", rows: rows)
        #expect(try experiment(in: "b/c", rows: rows) == here)
        #expect(try experiment(in: "d", rows: rows + "2,2,1\n") != here)
    }

    @Test("The files a key digests are the files the data is read from, for every shipped experiment that reads files")
    func keyFilesAreDataFiles() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let files = try ExperimentFiles.find([root.appendingPathComponent("experiments").path])
        var checked = 0
        for file in files {
            let experiment = try Experiment.load(path: file)
            guard experiment.dataFiles.count > 0, !experiment.name.hasPrefix("fashion-width") else { continue }
            if experiment.name.hasPrefix("fashion"), !FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist") { continue }
            let prepared = try PreparedExperiment(experiment)
            let keys = try experiment.runKeys()
            for (index, key) in keys.enumerated() {
                let data = try #require(prepared.dataIndices[index].map { prepared.datasets[$0] })
                let material = String(decoding: key.material, as: UTF8.self)
                #expect(!data.files.isEmpty)
                for digest in data.files { #expect(material.contains("\"sha256\":\"\(digest.sha256)\""), "\(experiment.name): \(digest.path)") }
                #expect(material.components(separatedBy: "\"sha256\"").count - 1 == data.files.count)
            }
            checked += 1
        }
        #expect(checked >= 1)
    }

    @Test("Records are found in any of the stores given and written to the first; damaged ones count as missing")
    func lookups() throws {
        let scratch = try Scratch()
        let prepared = try Self.experiments()
        let plan = try SweepPlan(prepared)
        let first = try RunStore(paths: [scratch.path("one")])
        #expect(!FileManager.default.fileExists(atPath: scratch.path("one")), "a store is created by its first record")
        let outcome = StoredRuns(store: first).run(prepared, plan: plan, lookup: StoredRuns(store: first).lookUp(plan.entries, in: prepared),
                                                   schedule: RunSchedule(prepared), jobs: 2)
        #expect(outcome.trained.count == 3 && outcome.stored == 0 && outcome.storeErrors.isEmpty)
        // Another folder merged in front: everything is found, nothing is written there.
        try FileManager.default.createDirectory(atPath: scratch.path("two"), withIntermediateDirectories: true)
        let merged = try RunStore(paths: [scratch.path("two"), scratch.path("one")])
        let lookup = StoredRuns(store: merged).lookUp(plan.entries, in: prepared)
        #expect(lookup.missing.isEmpty && lookup.known.count == 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("two")).isEmpty)
        // The same results as training.
        for (index, result) in outcome.results.enumerated() {
            let known = try #require(lookup.known[.init(experiment: index, run: 0)])
            #expect(try RunRecord(known).encoded() == (try RunRecord(result.runs[0].outcome).encoded()))
        }
        // A truncated record is damaged, and counts as missing; saving again repairs it.
        let url = first.recordURL(plan.entries[0].key, in: first.folders[0])
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(100).write(to: url)
        let damaged = StoredRuns(store: first).lookUp(plan.entries, in: prepared)
        #expect(damaged.missing.map(\.key) == [plan.entries[0].key] && damaged.damaged.count == 1)
        try first.save(RunRecord(outcome.results[0].runs[0].outcome), key: plan.entries[0].key)
        #expect(try Data(contentsOf: url) == bytes)
        // --no-cache reads nothing.
        #expect(StoredRuns(store: first, readsRecords: false).lookUp(plan.entries, in: prepared).missing.count == 3)
    }

    @Test("Many writers of one key leave one whole record and no temporary file")
    func concurrentWriters() throws {
        let scratch = try Scratch()
        let prepared = try Self.experiments()
        let plan = try SweepPlan(prepared)
        let record = RunRecord(ExperimentRunner.run(prepared, jobs: 1)[0].runs[0].outcome)
        let expected = try record.encoded()
        let store = try RunStore(paths: [scratch.path("shared")])
        let failures = Counter()
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            do { try store.save(record, key: plan.entries[0].key) } catch { failures.increment() }
        }
        #expect(failures.value == 0)
        let url = store.recordURL(plan.entries[0].key, in: store.folders[0])
        #expect(try Data(contentsOf: url) == expected)
        let names = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path).sorted()
        #expect(names == [".record", ".key.json", ".timing.json"].map { plan.entries[0].key.digest + $0 }.sorted())
    }

    @Test("Shards cover every job once, agree between calls and balance the estimated work")
    func shards() throws {
        let lines = (1...9).map { #"{"optimizer.lr": \#(Double($0) / 10)}"# }
        let variants = lines.enumerated().map { "\"v\($0.offset)\": \($0.element)" }.joined(separator: ", ")
        let json = """
            {"name": "sweep", "seed": 4, "data": {"source": "moons", "samples": 40},
             "model": [{"linear": 4}, {"activation": "tanh"}, {"linear": 2}], "loss": "nll",
             "optimizer": {"name": "sgd", "lr": 0.1}, "training": {"epochs": 3}, "variants": {\(variants)},
             "sweep": {"training.epochs": [3, 30, 300]}}
            """
        let plan = try SweepPlan([try PreparedExperiment(try Experiment(json: Data(json.utf8), file: "sweep.json"))])
        #expect(plan.entries.count == 27)
        for count in [1, 2, 4, 7, 27, 40] {
            let shards = plan.shardOfJobs(count: count)
            #expect(shards == plan.shardOfJobs(count: count))
            let pieces = (0..<count).map { plan.entries(inShard: $0, of: count) }
            #expect(pieces.map(\.count).reduce(0, +) == plan.entries.count)
            #expect(Set(pieces.flatMap { $0.map(\.key) }) == Set(plan.entries.map(\.key)))
            let loads = (0..<count).map { shard in plan.schedule.jobs.indices.filter { shards[$0] == shard }.reduce(0.0) { $0 + plan.schedule.jobs[$1].work } }
            let largest = plan.schedule.jobs.map(\.work).max() ?? 0
            #expect(loads.max()! - loads.min()! <= largest, "loads \(loads)")
        }
    }
}

/// A count shared by threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
