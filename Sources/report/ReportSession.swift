import Experiments
import Foundation
import Plotting
import Reporting

/// One invocation of `report`, step by step: find and read the files, check the output folder,
/// check every experiment against its data, run what passed, write. Each step hands plain values
/// to the next; a file that fails at any step is reported once and the others go on.
struct ReportSession {
    let paths: [String]
    let out: String
    let only: [String]
    let formats: [OutputFormat]
    let jobs: Int
    let storage: Storage
    let console: Console

    /// Where runs are kept between invocations, and whether they are read and trained.
    struct Storage {
        /// `--store` folders: read in order, the first written (`.report-store` by default).
        var paths: [String]
        /// False with `--no-cache`: everything trains, and is stored.
        var readsRecords = true
        /// False with `--no-train`: a run the store lacks is an error.
        var trains = true
        /// `--shard-count`: how many shards the missing runs are named by, when the store does not say.
        var shardCount: Int?
        /// False with `--no-lockstep`: every run trains alone, none side by side in lockstep (the
        /// reference path, for comparisons: the records are the same bytes either way).
        var lockstep = true
    }

    /// The experiment files read, and the problems found so far.
    struct Reading {
        var files: [String]
        var experiments: [Experiment]
        var problems = Problems()
    }

    /// Failures as the index lists them, with the console's form of each (paths as typed).
    struct Problems {
        var failures: [ExperimentFailure] = []
        var lines: [String] = []
        /// How many of `lines` have been printed.
        var printed = 0
        var isEmpty: Bool { failures.isEmpty }

        mutating func add(_ error: SpecError, experiment: String?) {
            let message = error.path.isEmpty ? error.message : "\(error.path): \(error.message)"
            failures.append(ExperimentFailure(file: ExperimentFiles.displayPath(of: error.file), experiment: experiment,
                                              location: error.location?.description, message: message))
            lines.append(error.description)
        }

        mutating func add(_ failure: ExperimentFailure) {
            failures.append(failure)
            lines.append("\(failure.file): \(failure.message)")
        }

        /// The lines not printed yet, marked printed.
        mutating func unprinted() -> ArraySlice<String> {
            defer { printed = lines.count }
            return lines[printed...]
        }
    }

    // MARK: Commands

    /// `--list`: the runs each file expands to.
    func listRuns() -> Bool {
        guard let reading = read() else { return false }
        for experiment in reading.experiments {
            print("\(experiment.name) (\(experiment.file)): \(experiment.runs.count) run\(experiment.runs.count == 1 ? "" : "s")")
            for run in experiment.runs { print("  \(run.name)") }
        }
        var problems = reading.problems
        report(problems.unprinted(), heading: "could not be read")
        return problems.isEmpty
    }

    /// `--facts`: the facts each experiment's answers can quote as `{{name}}`, as the analysis of
    /// its runs' shape gives them, before anything trains.
    func listFacts() -> Bool {
        guard var reading = read() else { return false }
        for experiment in reading.experiments {
            do {
                let shape = try AnalyzedResult(ExperimentResult(shapeOf: try PreparedExperiment(experiment)))
                let names = shape.findings.facts.keys.sorted()
                print("\(experiment.name) (\(experiment.file)): \(names.count) fact\(names.count == 1 ? "" : "s")")
                for name in names { print("  {{\(name)}}") }
            } catch { reading.problems.add(error, experiment: experiment.name) }
        }
        report(reading.problems.unprinted(), heading: "could not be read")
        return reading.problems.isEmpty
    }

    /// The default: run everything and write the report into `--out`.
    func writeReport() -> Bool {
        Interruption.shared.install()
        let console = console, out = out
        // Registered first, so it runs last, after the cleanups.
        Interruption.shared.onInterrupt { console.error("\nInterrupted: \(out)/ is as it was before this run.") }
        guard var reading = read() else { return false }
        let destination: ReportDestination
        do {
            destination = try ReportDestination(try OutputFolder(out, inputs: inputs(of: reading)))
        } catch {
            console.error(error.description)
            return false
        }
        defer { destination.finish() }
        guard let store = openStore() else { return false }
        let keys = RunKeyTable(reading.experiments)
        let unchanged = reuse(&reading, keys: keys, store: store, in: destination.folder)
        guard let (results, seconds, plan) = prepareAndRun(&reading, keys: keys, store: store) else { return false }
        if results.isEmpty && unchanged.isEmpty && destination.folder.previous == nil {
            console.error("Nothing was written: no experiment could run, and \(out)/ holds no earlier report to keep.")
            return false
        }
        let scope: ReportWriter.Scope = only.isEmpty ? .everything : .only(Set(only))
        let failures: [ExperimentFailure]
        do {
            failures = try ReportWriter(formats: formats, jobs: jobs)
                .write(results, failures: reading.problems.failures,
                       metadata: metadata(results, seconds: seconds, plan: plan, store: store, unchanged: unchanged),
                       to: destination, scope: scope, unchanged: Set(unchanged.keys))
        } catch {
            console.error(error.leftFolderAsItWas ? "\(error.description); \(out)/ was left as it was." : error.description)
            return false
        }
        for failure in failures.dropFirst(reading.problems.failures.count) { reading.problems.add(failure) }
        console.summary(results.map(\.result))
        if reading.problems.isEmpty {
            console.line("Report written to \(out)/README.md in \(String(format: "%.1f", seconds)) s.")
            return true
        }
        let count = reading.problems.failures.count
        console.error("\(count) experiment file\(count == 1 ? "" : "s") failed; the others were written to \(out)/, whose index lists the failures.")
        report(reading.problems.unprinted(), heading: "could not be written")
        return false
    }

    /// `--check`: regenerate into a temporary folder and compare with `--out`.
    func checkReport() -> Bool {
        Interruption.shared.install()
        let console = console
        Interruption.shared.onInterrupt { console.error("\nInterrupted: nothing was compared.") }
        guard var reading = read(), let store = openStore() else { return false }
        let keys = RunKeyTable(reading.experiments)
        guard let (results, seconds, plan) = prepareAndRun(&reading, keys: keys, store: store) else { return false }
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("report-check-\(getpid())")
        // The temporary folder is tidied away; one that cannot be removed holds only a copy of the report.
        let cleanup = Interruption.shared.onInterrupt { try? FileManager.default.removeItem(at: temporary) }
        defer {
            try? FileManager.default.removeItem(at: temporary)
            Interruption.shared.remove(cleanup)
        }
        let fresh = temporary.appendingPathComponent("reports")
        do {
            let destination = try ReportDestination(try OutputFolder(fresh.path, inputs: []))
            defer { destination.finish() }
            let failures = try ReportWriter(formats: formats, jobs: jobs)
                .write(results, failures: reading.problems.failures, metadata: metadata(results, seconds: seconds, plan: plan, store: store),
                       to: destination)
            for failure in failures.dropFirst(reading.problems.failures.count) { reading.problems.add(failure) }
        } catch {
            console.error(error.description)
            return false
        }
        guard reading.problems.isEmpty else {
            report(reading.problems.unprinted(), heading: "could not be written")
            console.error("\(out)/ cannot be up to date while experiment files fail.")
            return false
        }
        let differences = ReportComparison.differences(report: URL(fileURLWithPath: out), fresh: fresh)
        guard differences.isEmpty else {
            console.error("\(out)/ is stale: \(differences.count) file\(differences.count == 1 ? " differs" : "s differ") from a fresh run "
                + "(missing: a fresh run writes it; extra: \(out)/ has it, a fresh run does not); \(rewriteCommand) rewrites it "
                + "(then commit it, if it is under version control):")
            differences.prefix(30).forEach { console.error("  " + $0) }
            if differences.count > 30 { console.error("  … and \(differences.count - 30) more") }
            return false
        }
        console.line("\(out)/ is up to date (\(results.count) experiments regenerated and compared).")
        return true
    }

    /// The command that writes `--out` as this invocation checked it: the tool as it was invoked,
    /// with the folders and options given, and, for a binary SwiftPM built, the `swift run` form.
    var rewriteCommand: String {
        let invoked = CommandLine.arguments.first ?? "report"
        var words = paths
        if out != "reports" { words += ["--out", out] }
        if !only.isEmpty { words += ["--only"] + only }
        if formats != [.png, .pdf] { words += ["--format", formats.map(\.rawValue).joined(separator: ",")] }
        if storage.paths != [".report-store"] { words += storage.paths.flatMap { ["--store", $0] } }
        let arguments = words.map { word in word.contains(" ") || word.isEmpty ? "'\(word)'" : word }.joined(separator: " ")
        let command = "`\(invoked) \(arguments)`"
        guard invoked.contains(".build/") else { return command }
        let swiftRun = invoked.contains("/release/") ? "swift run -c release report" : "swift run report"
        return command + " (from the package folder, `\(swiftRun) \(arguments)`)"
    }

    // MARK: Steps

    /// Finds and reads the files, refuses duplicate names and applies `--only`; nil (with the error
    /// printed) when there is nothing to run at all.
    func read() -> Reading? {
        let files: [String]
        do { files = try ExperimentFiles.find(paths) } catch {
            console.error(error.description)
            return nil
        }
        guard !files.isEmpty else {
            console.error("\(paths.joined(separator: ", ")): no experiment files (a folder's .json files, schema.json aside); nothing was run or written")
            return nil
        }
        var reading = Reading(files: files, experiments: [])
        for file in files {
            do {
                let experiment = try Experiment.load(path: file)
                if let problem = FigureCatalog.problems(in: experiment).first {
                    reading.problems.add(problem, experiment: experiment.name)
                } else if let other = reading.experiments.first(where: { $0.name == experiment.name }) {
                    let reader = SpecReader(.null, file: file, path: "name", locations: experiment.locations)
                    reading.problems.add(reader.error("\"\(experiment.name)\" is already the name of \(other.file); each experiment needs a name of its own"),
                                         experiment: nil)
                } else {
                    reading.experiments.append(experiment)
                }
            } catch { reading.problems.add(error, experiment: Experiment.nameIfReadable(path: file)) }
        }
        if !only.isEmpty {
            let names = reading.experiments.map(\.name)
            let unknown = only.filter { !names.contains($0) }
            if !unknown.isEmpty {
                for name in unknown {
                    let hint = DidYouMean.suggestion(for: name, among: names).map { " (did you mean \"\($0)\"?)" } ?? ""
                    console.error("--only \(name): no experiment has this name\(hint); nothing was run or written")
                }
                return nil
            }
            reading.experiments = reading.experiments.filter { only.contains($0.name) }
        }
        return reading
    }

    /// Every file the run reads: the output folder may hold none of them.
    private func inputs(of reading: Reading) -> [String] {
        reading.files + reading.experiments.flatMap(\.dataFiles)
    }

    /// Checks every experiment against its data and its figures, reporting every problem before
    /// anything trains; the experiments that passed.
    func prepare(_ reading: inout Reading) -> [PreparedExperiment] {
        var prepared: [PreparedExperiment] = []
        for experiment in reading.experiments {
            do {
                let candidate = try PreparedExperiment(experiment)
                if let problem = Preflight.problems(in: candidate).first {
                    reading.problems.add(problem, experiment: experiment.name)
                } else {
                    prepared.append(candidate)
                }
            } catch { reading.problems.add(error, experiment: experiment.name) }
        }
        report(reading.problems.unprinted(), heading: "will not run")
        return prepared
    }

    /// Prepares the experiments, takes from the store what it has, trains the rest (storing each run
    /// as it finishes) and analyses the results; nil, with the reason printed, when the store cannot
    /// be used or `--no-train` finds runs missing.
    private func prepareAndRun(_ reading: inout Reading, keys: RunKeyTable, store: RunStore)
        -> (results: [AnalyzedResult], seconds: Double, plan: SweepPlan)? {
        let prepared = prepare(&reading)
        let started = Date()
        guard let plan = plan(prepared, keys: keys) else { return nil }
        let stored = StoredRuns(store: store, readsRecords: storage.readsRecords)
        let lookup = stored.lookUp(plan.entries, in: prepared)
        for (entry, reason) in lookup.damaged {
            console.error("\(entry.experiment) / \(entry.run): its stored record \(reason); \(storage.trains ? "training it again" : "it counts as missing")")
        }
        if !storage.trains && !lookup.missing.isEmpty {
            reportMissing(lookup.missing, plan: plan, store: store)
            return nil
        }
        let outcome = train(prepared, plan: plan, lookup: lookup, with: stored)
        if !plan.entries.isEmpty {
            console.line("\(plan.entries.count) run\(plan.entries.count == 1 ? "" : "s"): \(outcome.trained.count) trained, "
                + "\(outcome.stored) read from the run store (\(storage.paths.joined(separator: ", ")))")
        }
        var analyzed: [AnalyzedResult] = []
        for result in outcome.results {
            // Checked before training against the facts the setup provides and the figures the
            // catalog knows; this catches what the analysis did not provide after all.
            do {
                let analysis = try AnalyzedResult(result)
                if let problem = AnswerCheck.problems(in: analysis).first {
                    reading.problems.add(problem, experiment: result.experiment.name)
                } else {
                    analyzed.append(analysis)
                }
            } catch { reading.problems.add(error, experiment: result.experiment.name) }
        }
        return (analyzed, Date().timeIntervalSince(started), plan)
    }

    /// Opens `--store`; nil, with the reason printed, when it overlaps `--out` or cannot be opened.
    func openStore() -> RunStore? {
        let outFolder = URL(fileURLWithPath: out).standardizedFileURL.path
        for path in storage.paths {
            let folder = URL(fileURLWithPath: path).standardizedFileURL.path
            if folder == outFolder || folder.hasPrefix(outFolder + "/") || outFolder.hasPrefix(folder + "/") {
                console.error("--store \(path) and --out \(out) overlap; keep the run store and the report in separate folders")
                return nil
            }
        }
        do { return try RunStore(paths: storage.paths) } catch {
            console.error(error.description)
            return nil
        }
    }

    /// The plan of `prepared`'s runs, with the keys `keys` holds; nil, with the reason printed,
    /// when a run's key cannot be computed.
    func plan(_ prepared: [PreparedExperiment], keys: RunKeyTable = RunKeyTable()) -> SweepPlan? {
        do { return try SweepPlan(prepared, keys: keys) } catch {
            console.error("cannot compute the runs' keys: \(error)")
            return nil
        }
    }

    /// Opens `--store` and plans the runs of `prepared`; nil, with the reason printed, when either fails.
    func openStoreAndPlan(_ prepared: [PreparedExperiment]) -> (RunStore, SweepPlan)? {
        guard let store = openStore(), let plan = plan(prepared) else { return nil }
        return (store, plan)
    }

    /// The run's metadata: each experiment written, with the render key it was drawn from (from
    /// its runs' keys in the plan and the store the run used), and each left as it was (`unchanged`).
    private func metadata(_ results: [AnalyzedResult], seconds: Double, plan: SweepPlan, store: RunStore,
                          unchanged: [String: RunMetadata.Entry] = [:]) -> RunMetadata {
        let written = results.map(\.result).map { result in
            let renderKey = RenderKey.of(result.experiment, runKeys: plan.keys(of: result.experiment.name), store: store, formats: formats)
            return RunMetadata.Entry(name: result.experiment.name, seed: result.experiment.seed, runs: result.runs.count, seconds: result.seconds,
                                     sharedRuns: result.sharedRuns, storedRuns: result.storedRuns, lockstepRuns: result.lockstepRuns,
                                     renderKey: renderKey)
        }
        return RunMetadata(jobs: jobs, seconds: seconds, experiments: (written + unchanged.values).sorted { $0.name < $1.name })
    }

    /// The experiments `--out` holds as they would be drawn now (`ReportReuse`): taken out of
    /// `reading`, to be kept as they are; none with `--no-cache`.
    private func reuse(_ reading: inout Reading, keys: RunKeyTable, store: RunStore, in folder: OutputFolder) -> [String: RunMetadata.Entry] {
        guard storage.readsRecords else { return [:] }
        let unchanged = ReportReuse.unchanged(reading.experiments, keys: keys, in: folder, store: store, formats: formats)
        guard !unchanged.isEmpty else { return [:] }
        reading.experiments.removeAll { unchanged[$0.name] != nil }
        console.line("\(unchanged.count) experiment\(unchanged.count == 1 ? "" : "s") unchanged since \(out)/ was written "
            + "(the same files, runs and tool): left as \(unchanged.count == 1 ? "it is" : "they are")")
        return unchanged
    }

    func report(_ lines: ArraySlice<String>, heading: String) {
        guard !lines.isEmpty else { return }
        console.error("\(lines.count) experiment file\(lines.count == 1 ? "" : "s") \(heading):")
        lines.forEach { console.error("  " + $0) }
    }
}
