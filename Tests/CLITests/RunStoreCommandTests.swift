import Foundation
import Testing

/// The run store and shards as a user meets them: reruns that train nothing, text edits that
/// retrain nothing, shards merged into the single-process report, and `--no-train` naming what is
/// missing.
@Suite("Run store and shards")
struct RunStoreCommandTests {
    static func run(_ arguments: [String], in scratch: ScratchFolder, environment: [String: String] = [:]) throws -> ReportProcess.Outcome {
        try ReportProcess.run(arguments, in: scratch.url, environment: environment)
    }

    /// Two experiments: a sweep of six learning rates and one single run.
    static func sweepFolder(in scratch: ScratchFolder, title: String = "Moons sweep", rates: [Double] = [0.05, 0.1, 0.2, 0.4, 0.8, 1.6]) throws {
        let sweep = SampleExperiments.moons("sweep", epochs: 20)
            .replacingOccurrences(of: "{{final_loss}}", with: "{{best_loss}}, with lr {{best_lr}}")
            .replacingOccurrences(of: "\"title\": \"Moons sweep\"", with: "\"title\": \"\(title)\"")
            .replacingOccurrences(of: "\"training\": {\"epochs\": 20},", with: """
                "training": {"epochs": 20},
                  "sweep": {"optimizer.lr": [\(rates.map { "\($0)" }.joined(separator: ", "))]},
                """)
        try scratch.write(sweep, to: "experiments/sweep.json")
        try scratch.write(SampleExperiments.moons("single", epochs: 5), to: "experiments/single.json")
    }

    /// "7 runs: 2 trained, 5 read from the run store": the counts a run prints.
    static func counts(_ outcome: ReportProcess.Outcome) -> (trained: Int, read: Int)? {
        guard let line = outcome.standardOutput.split(separator: "\n").first(where: { $0.contains(" trained, ") && $0.contains("read from the run store") }) else { return nil }
        let words = line.split(separator: " ")
        guard let trained = words.firstIndex(of: "trained,").map({ Int(words[$0 - 1]) }) ?? nil,
              let read = words.firstIndex(of: "read").map({ Int(words[$0 - 1]) }) ?? nil else { return nil }
        return (trained, read)
    }

    @Test("A rerun trains nothing and writes the same report; a text edit retrains nothing; a changed rate retrains one run")
    func reruns() throws {
        let scratch = try ScratchFolder()
        try Self.sweepFolder(in: scratch)
        let cold = try Self.run(["experiments"], in: scratch)
        #expect(cold.status == 0, "\(cold.standardError)")
        #expect(Self.counts(cold)?.trained == 7 && Self.counts(cold)?.read == 0)
        let report = scratch.snapshot(excluding: [".report-store", "reports/run.json", "reports/README.md"])

        // Nothing changed: nothing is read, trained or drawn.
        let warm = try Self.run(["experiments"], in: scratch)
        #expect(warm.standardOutput.contains("2 experiments unchanged since reports/ was written"), "\(warm.standardOutput)")
        #expect(Self.counts(warm) == nil)
        #expect(scratch.snapshot(excluding: [".report-store", "reports/run.json", "reports/README.md"]) == report)
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("reports/README.md"), encoding: .utf8).contains("2 experiments unchanged, not redrawn"))

        // A figure deleted from the report: that experiment is drawn again, from the store.
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("reports/sweep/figures/history.png"))
        let repaired = try Self.run(["experiments"], in: scratch)
        #expect(repaired.standardOutput.contains("1 experiment unchanged") && Self.counts(repaired)?.read == 6, "\(repaired.standardOutput)")
        #expect(scratch.snapshot(excluding: [".report-store", "reports/run.json", "reports/README.md"]) == report)

        // Another folder is drawn from the store alone: the same report.
        let elsewhere = try Self.run(["experiments", "--out", "elsewhere"], in: scratch)
        #expect(Self.counts(elsewhere)?.trained == 0 && Self.counts(elsewhere)?.read == 7, "\(elsewhere.standardOutput)")
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("elsewhere/README.md"), encoding: .utf8).contains("all from the run store"))
        #expect(try Self.run(["experiments", "--check"], in: scratch).status == 0)

        try Self.sweepFolder(in: scratch, title: "A retitled sweep")
        let retitled = try Self.run(["experiments"], in: scratch)
        #expect(Self.counts(retitled)?.trained == 0, "\(retitled.standardOutput)")
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("reports/sweep/README.md"), encoding: .utf8).hasPrefix("# A retitled sweep"))

        try Self.sweepFolder(in: scratch, title: "A retitled sweep", rates: [0.05, 0.1, 0.2, 0.4, 0.8, 3.2])
        let changed = try Self.run(["experiments"], in: scratch)
        #expect(Self.counts(changed)?.trained == 1 && Self.counts(changed)?.read == 5, "\(changed.standardOutput)")
        #expect(changed.standardOutput.contains("1 experiment unchanged"))

        let uncached = try Self.run(["experiments", "--no-cache"], in: scratch)
        #expect(Self.counts(uncached)?.trained == 7, "\(uncached.standardOutput)")
    }

    @Test("Shards in stores of their own, merged, render the single-process report; shard indices come from Slurm's variables")
    func shards() throws {
        let scratch = try ScratchFolder()
        try Self.sweepFolder(in: scratch)
        #expect(try Self.run(["experiments", "--store", "single-store", "--out", "single"], in: scratch).status == 0)
        // Shard 0 by flag, shard 1 as a Slurm array task numbered from 5 in steps of 2 (IDs 5 and 7).
        let first = try Self.run(["experiments", "--store", "store-0", "--shard", "0/2"], in: scratch)
        let second = try Self.run(["experiments", "--store", "store-1"], in: scratch, environment: [
            "SLURM_ARRAY_TASK_ID": "7", "SLURM_ARRAY_TASK_MIN": "5", "SLURM_ARRAY_TASK_STEP": "2", "SLURM_ARRAY_TASK_COUNT": "2"])
        #expect(first.status == 0 && second.status == 0, "\(first.standardError) \(second.standardError)")
        #expect(second.standardOutput.contains("Shard 1/2 (SLURM_ARRAY_TASK_ID=7 of 2 (min 5, step 2))"), "\(second.standardOutput)")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("reports").path), "a shard renders nothing")
        let trained = [first, second].map { outcome in
            outcome.standardOutput.split(separator: "\n").first { $0.hasPrefix("Shard ") && $0.contains(" trained, ") }
                .flatMap { Int($0.split(separator: " ")[2]) } ?? -1
        }
        #expect(trained.reduce(0, +) == 7 && trained.allSatisfy { $0 > 0 }, "\(trained)")

        // One shard's store alone: --no-train names the missing runs and their shard, and writes nothing.
        let before = scratch.snapshot()
        let missing = try Self.run(["experiments", "--store", "store-0", "--no-train", "--out", "merged"], in: scratch)
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("\(trained[1]) run\(trained[1] == 1 ? " is" : "s are") not in the run store"), "\(missing.standardError)")
        #expect(missing.standardError.contains("shard 1/2"), "\(missing.standardError)")
        #expect(scratch.snapshot() == before)

        // Both stores, named one after the other: the single-process report, byte for byte.
        let merged = try Self.run(["experiments", "--store", "store-0", "--store", "store-1", "--no-train", "--check", "--out", "single"], in: scratch)
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(merged.standardOutput.contains("single/ is up to date"))
        // Copied into one folder, with --jobs 1.
        for store in ["store-0", "store-1"] {
            try FileManager.default.copyItemMerging(from: scratch.url.appendingPathComponent(store), to: scratch.url.appendingPathComponent("merged-store"))
        }
        let copied = try Self.run(["experiments", "--store", "merged-store", "--no-train", "--check", "--out", "single", "--jobs", "1"], in: scratch)
        #expect(copied.status == 0, "\(copied.standardError)")
        // A shard run again finds its runs stored and trains nothing.
        let again = try Self.run(["experiments", "--store", "store-0", "--shard", "0/2"], in: scratch)
        #expect(again.standardOutput.contains("Shard 0/2: 0 trained, \(trained[0]) read"), "\(again.standardOutput)")
    }

    @Test("Shards writing one shared store at the same time, as a Kubernetes Indexed Job's pods on one volume do")
    func sharedStore() throws {
        let scratch = try ScratchFolder()
        try Self.sweepFolder(in: scratch)
        #expect(try Self.run(["experiments", "--store", "single-store", "--out", "single"], in: scratch).status == 0)
        let processes = try (0..<3).map { index in
            try ReportProcess(["experiments", "--store", "shared", "--shard-count", "3"], in: scratch.url, environment: ["JOB_COMPLETION_INDEX": "\(index)"])
        }
        let outcomes = processes.map { $0.wait() }
        #expect(outcomes.allSatisfy { $0.status == 0 }, "\(outcomes.map(\.standardError))")
        let merged = try Self.run(["experiments", "--store", "shared", "--no-train", "--check", "--out", "single"], in: scratch)
        #expect(merged.status == 0, "\(merged.standardError)")
        let leftovers = FileManager.default.enumerator(atPath: scratch.url.appendingPathComponent("shared").path)?
            .compactMap { $0 as? String }.filter { $0.contains(".partial-") } ?? ["unreadable"]
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test("--plan lists every run with its key, cost, store state and shard; --explain shows what a key holds and what changed")
    func planAndExplain() throws {
        let scratch = try ScratchFolder()
        try Self.sweepFolder(in: scratch)
        let plan = try Self.run(["experiments", "--plan", "--json", "--shard-count", "3"], in: scratch)
        #expect(plan.status == 0, "\(plan.standardError)")
        struct Document: Decodable {
            struct Row: Decodable { var key: String; var experiment: String; var run: String; var cost: Double; var stored: Bool; var shard: Int? }
            var plan: String
            var shard_count: Int?
            var runs: [Row]
        }
        let document = try JSONDecoder().decode(Document.self, from: Data(plan.standardOutput.utf8))
        #expect(document.runs.count == 7 && document.shard_count == 3)
        #expect(document.runs.allSatisfy { $0.key.count == 64 && !$0.stored && $0.cost > 1 && (0..<3).contains($0.shard ?? -1) })
        #expect(Set(document.runs.map(\.run)).contains("lr=0.4"), "\(document.runs.map(\.run))")

        #expect(try Self.run(["experiments"], in: scratch).status == 0)
        let stored = try JSONDecoder().decode(Document.self, from: Data(try Self.run(["experiments", "--plan", "--json"], in: scratch).standardOutput.utf8))
        #expect(stored.runs.allSatisfy { $0.stored })

        // A changed rate: its key is missing, and --explain says the closest stored key differs in the rate.
        try Self.sweepFolder(in: scratch, rates: [0.05, 0.1, 0.2, 0.4, 0.8, 3.2])
        let changed = try JSONDecoder().decode(Document.self, from: Data(try Self.run(["experiments", "--plan", "--json"], in: scratch).standardOutput.utf8))
        let new = try #require(changed.runs.first { !$0.stored })
        let explained = try Self.run(["experiments", "--explain", String(new.key.prefix(10))], in: scratch)
        #expect(explained.status == 0, "\(explained.standardError)")
        #expect(explained.standardOutput.contains("runs: sweep / lr=3.2"))
        #expect(explained.standardOutput.contains("in the store: no"))
        #expect(explained.standardOutput.contains("run.optimizer.learning_rate = 3.2"))
        // Each of the six stored rates differs from it in the rate alone.
        #expect(explained.standardOutput.contains("which differs in 1 value:\n  run.optimizer.learning_rate: 3.2 here, "), "\(explained.standardOutput)")
        let unknown = try Self.run(["experiments", "--explain", "ffffffffffff"], in: scratch)
        #expect(unknown.status == 1 && unknown.standardError.contains("--explain ffffffffffff: no run of these files"))
    }

    @Test("A store that cannot be written: the report is written all the same, and one line says why the store lacks the runs")
    func unwritableStore() throws {
        let scratch = try ScratchFolder()
        try Self.sweepFolder(in: scratch)
        try scratch.write("mine", to: "a-file")
        let outcome = try Self.run(["experiments", "--store", "a-file/store"], in: scratch)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("reports/sweep/README.md").path))
        let lines = outcome.standardError.split(separator: "\n").filter { $0.contains("The run store could not keep") }
        #expect(lines.count == 1, "\(outcome.standardError)")
        #expect(lines.first?.contains("The run store could not keep 7 runs (their results are used all the same): cannot create ") == true)
        #expect(lines.first?.contains("a-file is a file, not a folder; give --store a folder (and 6 more like it)") == true, "\(lines)")
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("a-file"), encoding: .utf8) == "mine")
        // As a shard, where the store is the whole point, it fails.
        #expect(try Self.run(["experiments", "--store", "a-file/store", "--shard", "0/1"], in: scratch).status == 1)
    }

    @Test("Bad shard settings are refused before anything runs")
    func badShards() throws {
        let scratch = try ScratchFolder()
        try Self.sweepFolder(in: scratch)
        let cases: [([String], [String: String], String)] = [
            (["--shard", "2/2"], [:], "--shard 2/2: shard 2 is not one of 0 to 1"),
            (["--shard", "1"], [:], "--shard 1: expected I/N"),
            ([], ["JOB_COMPLETION_INDEX": "1"], "give --shard-count with the Job's completions"),
            ([], ["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_COUNT": "2"], "shard 4 is not one of 0 to 1"),
            (["--store", "reports/store"], [:], "--store reports/store and --out reports overlap"),
            (["--no-train", "--no-cache"], [:], "exclude each other"),
        ]
        let before = scratch.snapshot()
        for (arguments, environment, message) in cases {
            let outcome = try Self.run(["experiments"] + arguments, in: scratch, environment: environment)
            #expect(outcome.status != 0 && !outcome.signalled)
            #expect(outcome.standardError.contains(message), "\(arguments) \(environment): \(outcome.standardError)")
        }
        #expect(scratch.snapshot() == before)
    }
}

extension FileManager {
    /// Copies every file under `source` into `destination`, keeping the relative paths, as `cp -R source/. destination/` does.
    func copyItemMerging(from source: URL, to destination: URL) throws {
        guard let walker = enumerator(atPath: source.path) else { return }
        for case let path as String in walker {
            var isFolder: ObjCBool = false
            _ = fileExists(atPath: source.appendingPathComponent(path).path, isDirectory: &isFolder)
            let target = destination.appendingPathComponent(path)
            if isFolder.boolValue {
                try createDirectory(at: target, withIntermediateDirectories: true)
            } else if !fileExists(atPath: target.path) {
                try createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try copyItem(at: source.appendingPathComponent(path), to: target)
            }
        }
    }
}
