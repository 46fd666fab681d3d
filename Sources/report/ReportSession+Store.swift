import Experiments
import Foundation
import Reporting

/// The session's steps and commands around the run store: training what is missing, one shard of
/// a sweep, the plan, a key's material, and the runs `--no-train` found missing.
extension ReportSession {
    /// Trains what `lookup` found missing, with the progress display, storing every run.
    func train(_ prepared: [PreparedExperiment], plan: SweepPlan, lookup: StoredRuns.Lookup, with stored: StoredRuns) -> StoredRuns.Outcome {
        let schedule = stored.schedule(prepared, lookup: lookup)
        let board = ProgressBoard(runs: schedule.jobs.count, totalWork: schedule.totalWork)
        let display = ProgressDisplay(board: board, console: console)
        display.start()
        let outcome = stored.run(prepared, plan: plan, lookup: lookup, schedule: schedule, jobs: jobs,
                                 lockstep: storage.lockstep, board: board)
        display.stop()
        if let first = outcome.storeErrors.first {
            let others = outcome.storeErrors.count - 1
            console.error("The run store could not keep \(outcome.storeErrors.count) run\(outcome.storeErrors.count == 1 ? "" : "s") "
                + "(their results are used all the same): \(first)" + (others > 0 ? " (and \(others) more like it)" : ""))
        }
        return outcome
    }

    /// `--shard I/N`: trains the shard's runs that the store lacks, stores them and renders nothing.
    func trainShard(_ shard: ShardSelection) -> Bool {
        Interruption.shared.install()
        let console = console
        Interruption.shared.onInterrupt { console.error("\nInterrupted: the runs that finished are in the store; run the shard again to resume.") }
        guard var reading = read() else { return false }
        let prepared = prepare(&reading)
        guard let (store, plan) = openStoreAndPlan(prepared) else { return false }
        let started = Date()
        let entries = plan.entries(inShard: shard.index, of: shard.count)
        let stored = StoredRuns(store: store, readsRecords: storage.readsRecords)
        let lookup = stored.lookUp(entries, in: prepared)
        console.line("Shard \(shard.label) (\(shard.origin)) of the plan \(plan.digest.prefix(16)): \(entries.count) of \(plan.entries.count) runs, "
            + "\(lookup.missing.count) to train, \(entries.count - lookup.missing.count) already in \(storage.paths[0])")
        let outcome = train(prepared, plan: plan, lookup: lookup, with: stored)
        var succeeded = reading.problems.isEmpty && outcome.storeErrors.isEmpty
        if outcome.storeErrors.isEmpty {
            do throws(StoreError) {
                try store.save(ShardManifest(plan: plan.digest, shard: shard.index, count: shard.count, keys: entries.map(\.key.digest)))
            } catch {
                console.error(error.description)
                succeeded = false
            }
        }
        console.line("Shard \(shard.label): \(outcome.trained.count) trained, \(outcome.stored) read, in \(String(format: "%.1f", Date().timeIntervalSince(started))) s; "
            + "records in \(storage.paths[0])/")
        if !reading.problems.isEmpty {
            console.error("\(reading.problems.failures.count) experiment file\(reading.problems.failures.count == 1 ? "" : "s") could not be planned; their runs are in no shard.")
        }
        return succeeded
    }

    /// `--plan`: every run with its key, cost, shard and whether the store has it.
    func printPlan(json: Bool) -> Bool {
        guard var reading = read() else { return false }
        let prepared = prepare(&reading)
        guard let (store, plan) = openStoreAndPlan(prepared) else { return false }
        let count = shardCount(of: store.shardManifests(of: plan.digest).manifests)
        let shards = count.map { plan.shardOfJobs(count: $0) }
        let rows = plan.entries.map { entry in
            PlanRow(key: entry.key.digest, experiment: entry.experiment, run: entry.run, cost: plan.work(of: entry),
                    stored: storage.readsRecords && store.contains(entry.key), shard: shards?[entry.job])
        }
        if json {
            let document = PlanDocument(plan: plan.digest, shardCount: count, runs: rows)
            do { print(String(decoding: try PlanDocument.encoder.encode(document), as: UTF8.self)) } catch {
                console.error("cannot write the plan as JSON: \(error)")
                return false
            }
        } else {
            let header = ["key", "cost", "store"] + (count == nil ? [] : ["shard"]) + ["experiment", "run"]
            let cells = rows.map { row in
                [String(row.key.prefix(16)), PlanRow.costText(row.cost), row.stored ? "stored" : "missing"]
                    + (row.shard.map { ["\($0)/\(count!)"] } ?? []) + [row.experiment, row.run]
            }
            TextTable(header: header, rows: cells).lines(ruled: false).forEach { print($0) }
            let missing = rows.filter { !$0.stored }.count
            print("\(rows.count) runs (\(Set(rows.map(\.key)).count) distinct keys), \(missing) missing from \(storage.paths.joined(separator: ", ")); "
                + "plan \(plan.digest.prefix(16)); cost in multiply-adds, estimated")
        }
        report(reading.problems.unprinted(), heading: "could not be planned")
        return reading.problems.isEmpty
    }

    /// `--explain KEY`: what went into a key, and, when the store lacks it, how the closest stored key differs.
    func explain(_ prefix: String) -> Bool {
        guard var reading = read() else { return false }
        let prepared = prepare(&reading)
        guard let (store, plan) = openStoreAndPlan(prepared) else { return false }
        let planned = plan.entries.filter { $0.key.digest.hasPrefix(prefix.lowercased()) }
        let plannedKeys = Set(planned.map(\.key.digest))
        let storedOnly = store.materials(withPrefix: prefix.lowercased()).filter { !plannedKeys.contains($0.digest) }
        let candidates = Set(plannedKeys).union(storedOnly.map(\.digest))
        guard candidates.count == 1, let digest = candidates.first else {
            console.error(candidates.isEmpty
                ? "--explain \(prefix): no run of these files and no record in \(storage.paths.joined(separator: ", ")) has a key starting so; `report --plan` lists the keys"
                : "--explain \(prefix): \(candidates.count) keys start so (\(candidates.sorted().prefix(4).map { String($0.prefix(16)) }.joined(separator: ", "))…); give more digits")
            return false
        }
        let material = planned.first?.key.material ?? storedOnly.first!.material
        print("key \(digest)")
        if planned.isEmpty {
            print("not a run of these files; a record in the store")
        } else {
            print("runs: " + planned.map { "\($0.experiment) / \($0.run)" }.joined(separator: "; "))
        }
        let isStored = store.contains(digest: digest)
        print("in the store: \(isStored ? "yes" : "no")")
        print("material (its SHA-256 is the key):")
        print(KeyMaterialText.lines(of: material).map { "  " + $0 }.joined(separator: "\n"))
        if !isStored {
            let others = store.allMaterials().filter { $0.digest != digest }.map { KeyMaterialText.Leaves(digest: $0.digest, material: $0.material) }
            if let (closest, differences) = KeyMaterialText.closest(to: material, among: others) {
                print("closest record in the store: \(closest.prefix(16)), which differs in \(differences.count) value\(differences.count == 1 ? "" : "s"):")
                differences.prefix(20).forEach { print("  " + $0) }
            } else {
                print("the store has no record to compare with")
            }
        }
        return true
    }

    /// How many shards the plan is cut into: `--shard-count`, else the most its finished shards name.
    private func shardCount(of manifests: [ShardManifest]) -> Int? {
        storage.shardCount ?? manifests.map(\.count).max()
    }

    /// Prints every missing run with the shard that trains it, for `--no-train`.
    func reportMissing(_ missing: [SweepPlan.Entry], plan: SweepPlan, store: RunStore) {
        let (manifests, unreadable) = store.shardManifests(of: plan.digest)
        for line in unreadable { console.error("A shard's manifest cannot be read, so its shard counts as unfinished: \(line)") }
        let count = shardCount(of: manifests)
        let shards = count.map { plan.shardOfJobs(count: $0) }
        console.error("\(missing.count) run\(missing.count == 1 ? " is" : "s are") not in the run store (\(storage.paths.joined(separator: ", "))), "
            + "and --no-train trains nothing; nothing was written:")
        for entry in missing {
            let shard = shards.map { "shard \($0[entry.job])/\(count!)" } ?? "no shard of this plan has finished"
            console.error("  \(entry.experiment) / \(entry.run)  key \(entry.key.short)  \(shard)")
        }
        explainCodeMismatch(missing, store: store)
        if let count, let shards {
            let needed = Set(missing.map { shards[$0.job] }).sorted()
            let finished = Set(manifests.filter { $0.count == count }.map(\.shard))
            let unfinished = needed.filter { !finished.contains($0) }
            let advice = unfinished.isEmpty ? "" : "Shard\(unfinished.count == 1 ? "" : "s") \(unfinished.map(String.init).joined(separator: ", ")) of \(count) did not finish. "
            console.error("\(advice)Run each with `report \(paths.joined(separator: " ")) --store STORE --shard I/\(count)` (a shard skips what is stored), "
                + "merge the stores, or render without --no-train to train them here.")
        } else {
            console.error("Train them with `report \(paths.joined(separator: " ")) --store STORE --shard I/N`, one process per shard, or render without --no-train.")
        }
    }
}

extension ReportSession {
    /// When the store has the missing runs computed by other code (another numeric version, another
    /// OpenBLAS kernel), says so and what to do: the commonest reason a merged store lacks runs.
    func explainCodeMismatch(_ missing: [SweepPlan.Entry], store: RunStore) {
        let stored = store.allMaterials().map { KeyMaterialText.Leaves(digest: $0.digest, material: $0.material) }
        guard !stored.isEmpty else { return }
        var blas: Set<String> = [], sources = false
        for entry in missing.prefix(50) {
            guard let (_, differences) = KeyMaterialText.closest(to: entry.key.material, among: stored),
                  !differences.isEmpty, differences.allSatisfy({ $0.hasPrefix("code.") }) else { continue }
            for difference in differences {
                if difference.hasPrefix("code.blas:"), let theirs = difference.components(separatedBy: " here, ").last {
                    blas.insert(theirs.replacingOccurrences(of: " in the store", with: ""))
                }
                if difference.hasPrefix("code.sources:") { sources = true }
            }
        }
        if sources {
            console.error("The store has these runs computed by another version of the numeric code (code.sources in `report --explain KEY`); "
                + "build the same commit everywhere, or let them train again.")
        }
        for theirs in blas.sorted() {
            let kernel = theirs.components(separatedBy: "(").last?.components(separatedBy: " ").first ?? "KERNEL"
            console.error("The store has these runs computed with \(theirs); this machine uses \(CodeIdentity.blas). OpenBLAS's kernels differ "
                + "in the last bits, so records are shared between machines that use the same ones: run with OPENBLAS_CORETYPE=\(kernel) here.")
        }
    }
}

/// One line of `--plan`.
struct PlanRow: Encodable {
    var key: String
    var experiment: String
    var run: String
    var cost: Double
    var stored: Bool
    var shard: Int?

    /// "3.1e9"-style, or "—" for runs that train nothing.
    static func costText(_ cost: Double) -> String { cost <= 1 ? "—" : String(format: "%.2g", cost) }
}

/// `--plan --json`.
struct PlanDocument: Encodable {
    var plan: String
    var shardCount: Int?
    var runs: [PlanRow]

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }
}
