import ArgumentParser
import Experiments
import Foundation
import Plotting
import Reporting

/// `report`: runs declarative experiment files and writes the Markdown report with its figures.
@main
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Run neural-network experiments described in JSON files and write a Markdown report.",
        discussion: """
            Every file is read and checked before anything trains: a file with a mistake is reported \
            (file, line, JSON path, what was expected) and does not run; the others run and are written. \
            The index lists the files that failed, and an experiment that failed keeps its previous page, \
            marked stale. The exit status is 1 when any file failed.

            The report folder (--out) must be new, empty, or a report this tool wrote: the tool replaces \
            or deletes only the files it wrote there (listed in its .report-manifest.json), never the \
            folder holding the experiment files, the current folder or the home folder. One process \
            writes a folder at a time; Ctrl-C leaves the previous report as it was. \
            The file format is documented in docs/experiments.md.

            Every run is kept in a run store (--store, default .report-store), keyed by everything that \
            determines its numbers; a rerun trains only what the store lacks, and an edit to a page's text \
            trains nothing. A sweep too big for one machine runs as shards (--shard I/N, or the index an \
            array job's engine gives: Slurm, Kubernetes Indexed Jobs, AWS Batch, Cloud Run), each filling \
            a store; the stores merge by copying, and --no-train renders from them.
            """)

    @Argument(help: "Experiment files or folders of them.")
    var paths: [String] = ["experiments"]

    @Option(name: .long, help: "The report folder.")
    var out = "reports"

    @Option(name: .long, parsing: .upToNextOption,
            help: "Run only the experiments with these names; the report's other experiments are kept as they are.")
    var only: [String] = []

    @Option(name: .long, help: "Figure formats, comma-separated, from png, pdf and svg.")
    var format = "png,pdf"

    @Option(name: .long, help: ArgumentHelp("Runs in parallel (default: one per core, \(ProcessInfo.processInfo.activeProcessorCount) here).",
                                            valueName: "n"))
    var jobs: Int?

    @Flag(name: .long, help: "Print the runs the files expand to, without running them.")
    var list = false

    @Option(name: .long, help: ArgumentHelp("A run store: read in the order given, the first also written (default: .report-store).",
                                            valueName: "folder"))
    var store: [String] = []

    @Flag(name: .long, help: "Train every run and read no stored record (what is trained is still stored).")
    var noCache = false

    @Flag(name: .long, help: "Train nothing: render from the run store alone, failing (and writing nothing) if a run is missing.")
    var noTrain = false

    @Flag(name: .long, help: ArgumentHelp("Train every run alone, none side by side with others in lockstep: the reference path, "
                                          + "for comparisons (the results are the same bits either way)."))
    var noLockstep = false

    @Option(name: .long, help: ArgumentHelp("Train only shard I of N (I from 0) of the runs, into the store, and render nothing. "
                                            + "Without it, an array job's index and count are read from the environment.", valueName: "I/N"))
    var shard: String?

    @Option(name: .long, help: ArgumentHelp("The number of shards, where the environment gives only an index (Kubernetes' JOB_COMPLETION_INDEX), "
                                            + "or to name the shards of missing runs with --no-train and --plan.", valueName: "n"))
    var shardCount: Int?

    @Flag(name: .long, help: "Print every run the files expand to, with its key, estimated cost and whether the store has it; run nothing.")
    var plan = false

    @Flag(name: .long, help: "Print the facts each experiment's answers can quote as {{name}}; run nothing.")
    var facts = false

    @Flag(name: .long, help: "With --plan: print JSON.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Print what went into a run's key (a prefix of it will do) and, if the store lacks it, how the closest stored key differs.",
                                            valueName: "key"))
    var explain: String?

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .long, help: "Regenerate into a temporary folder and fail if the report in --out differs (run metadata aside).")
    var check = false

    @Flag(name: .long, help: "Print the JSON Schema of experiment files (experiments/schema.json) and exit.")
    var printSchema = false

    @Flag(name: .long, help: "Print the reference of every key experiment files can hold (docs/keys.md) and exit.")
    var printKeys = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if let shardCount, shardCount < 1 { throw ValidationError("--shard-count must be at least 1, got \(shardCount)") }
        if let shard { _ = try ShardSelection.parse(shard) }
        if json && !plan { throw ValidationError("--json goes with --plan") }
        if noCache && noTrain { throw ValidationError("--no-cache and --no-train exclude each other: one trains everything, the other nothing") }
        let modes = [("--list", list), ("--facts", facts), ("--plan", plan), ("--explain", explain != nil), ("--check", check), ("--shard", shard != nil)].filter(\.1).map(\.0)
        if modes.count > 1 { throw ValidationError("\(modes.joined(separator: " and ")) exclude each other; give one") }
        if shard != nil && noTrain { throw ValidationError("--shard trains a shard's runs; --no-train trains nothing") }
        _ = try formats()
    }

    func run() throws {
        if printSchema || printKeys {
            print(printSchema ? ExperimentSchema.text : KeyReference.markdown, terminator: "")
            return
        }
        let storage = ReportSession.Storage(paths: store.isEmpty ? [".report-store"] : store, readsRecords: !noCache,
                                            trains: !noTrain, shardCount: shardCount, lockstep: !noLockstep)
        let session = ReportSession(paths: paths, out: out, only: only, formats: try formats(),
                                    jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                    storage: storage, console: Console(quiet: quiet))
        let succeeded: Bool
        if list {
            succeeded = session.listRuns()
        } else if facts {
            succeeded = session.listFacts()
        } else if plan {
            succeeded = session.printPlan(json: json)
        } else if let explain {
            succeeded = session.explain(explain)
        } else if let shard = try shardSelection() {
            succeeded = session.trainShard(shard)
        } else {
            succeeded = check ? session.checkReport() : session.writeReport()
        }
        if !succeeded { throw ExitCode.failure }
    }

    /// The shard to train: `--shard`'s, else the one an array job's environment names (not when
    /// rendering from the store or checking, which take every run).
    private func shardSelection() throws -> ShardSelection? {
        if let shard { return try ShardSelection.parse(shard) }
        guard !noTrain && !check else { return nil }
        return try ShardSelection.fromEnvironment(ProcessInfo.processInfo.environment, shardCount: shardCount)
    }

    /// The figure formats of `--format`: at least one, each known, none twice.
    private func formats() throws -> [OutputFormat] {
        let names = format.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let choices = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
        var formats: [OutputFormat] = []
        for name in names {
            guard !name.isEmpty else { throw ValidationError("--format \"\(format)\": expected formats from \(choices), separated by commas") }
            guard let format = OutputFormat(rawValue: name) else {
                throw ValidationError("--format: unknown format \"\(name)\"; choose from \(choices)")
            }
            guard !formats.contains(format) else { throw ValidationError("--format: \(name) is listed twice") }
            formats.append(format)
        }
        return formats
    }
}
