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
            Every file is validated before anything runs; a file with a mistake is reported (file, JSON path, \
            what was expected) and the others still run, but the report is only replaced when all succeed. \
            The report is built in a staging folder and moved into place when complete. \
            The file format is documented in docs/experiments.md.
            """)

    @Argument(help: "Experiment files or folders of them.")
    var paths: [String] = ["experiments"]

    @Option(name: .long, help: "The report folder.")
    var out = "reports"

    @Option(name: .long, parsing: .upToNextOption, help: "Run only the experiments with these names (others already in the report are kept).")
    var only: [String] = []

    @Option(name: .long, help: "Figure formats, comma-separated: png, pdf, svg.")
    var format = "png,pdf"

    @Option(name: .long, help: "Runs in parallel (default: one per core).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Print the runs the files expand to, without running them.")
    var list = false

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .long, help: "Regenerate into a temporary folder and fail if the report in --out differs (run metadata aside).")
    var check = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        _ = try formats()
    }

    func run() throws {
        let console = Console(quiet: quiet)
        var failures: [String] = []
        var experiments: [Experiment] = []
        let files: [String]
        do { files = try ExperimentFiles.find(paths) } catch {
            console.error(error.description)
            throw ExitCode.failure
        }
        for file in files {
            do {
                let experiment = try Experiment.load(path: file)
                if let other = experiments.first(where: { $0.name == experiment.name }) {
                    failures.append("\(file): name: \"\(experiment.name)\" is already the name of \(other.file)")
                } else {
                    experiments.append(experiment)
                }
            } catch { failures.append(error.description) }
        }
        if !only.isEmpty {
            let names = experiments.map(\.name)
            for name in only where !names.contains(name) {
                let hint = DidYouMean.suggestion(for: name, among: names).map { " (did you mean \"\($0)\"?)" } ?? ""
                failures.append("--only \(name): no experiment has this name\(hint)")
            }
            experiments = experiments.filter { only.contains($0.name) }
        }
        if list {
            printRuns(experiments, console: console)
            failures.forEach { console.error($0) }
            if !failures.isEmpty { throw ExitCode.failure }
            return
        }
        var prepared: [PreparedExperiment] = []
        for experiment in experiments {
            do { prepared.append(try PreparedExperiment(experiment)) } catch { failures.append(error.description) }
        }

        let started = Date()
        let schedule = RunSchedule(prepared)
        let board = ProgressBoard(runs: schedule.jobs.count, totalWork: schedule.totalWork)
        let display = ProgressDisplay(board: board, console: console)
        display.start()
        let results = ExperimentRunner.run(prepared, schedule: schedule, jobs: jobs, board: board)
        display.stop()
        let seconds = Date().timeIntervalSince(started)

        let analyzed = results.map(AnalyzedResult.init)
        for experiment in analyzed {
            failures += AnswerCheck.problems(in: experiment).map(\.description)
        }
        console.summary(results)
        guard failures.isEmpty else {
            console.error("\(failures.count) experiment\(failures.count == 1 ? "" : "s") failed; \(out)/ was left as it was:")
            failures.forEach { console.error("  " + $0) }
            throw ExitCode.failure
        }
        let metadata = RunMetadata(jobs: jobs, seconds: seconds, experiments: results.map {
            RunMetadata.Entry(name: $0.experiment.name, seed: $0.experiment.seed, runs: $0.runs.count, seconds: $0.seconds,
                              sharedRuns: $0.sharedRuns)
        })
        let output = URL(fileURLWithPath: out)
        if check {
            try checkReport(analyzed, metadata: metadata, against: output, console: console)
        } else {
            try ReportWriter(output: output, formats: try formats(), jobs: jobs).write(analyzed, metadata: metadata, keepOthers: !only.isEmpty)
            console.line("Report written to \(out)/README.md in \(String(format: "%.1f", seconds)) s.")
        }
    }

    private func formats() throws -> [OutputFormat] {
        try format.split(separator: ",").map { name in
            guard let format = OutputFormat(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw ValidationError("--format: unknown format \"\(name)\"; choose from png, pdf, svg")
            }
            return format
        }
    }

    private func checkReport(_ results: [AnalyzedResult], metadata: RunMetadata, against output: URL, console: Console) throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("report-check-\(ProcessInfo.processInfo.processIdentifier)/reports")
        defer { try? FileManager.default.removeItem(at: temporary.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: temporary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try ReportWriter(output: temporary, formats: try formats(), jobs: jobs).write(results, metadata: metadata, keepOthers: false)
        let differences = ReportComparison.differences(expected: output, actual: temporary)
        guard differences.isEmpty else {
            console.error("\(out)/ is stale: \(differences.count) file\(differences.count == 1 ? "" : "s") differ from a fresh run; run `swift run report` and commit:")
            differences.prefix(30).forEach { console.error("  " + $0) }
            throw ExitCode.failure
        }
        console.line("\(out)/ is up to date (\(results.count) experiments regenerated and compared).")
    }

    private func printRuns(_ experiments: [Experiment], console: Console) {
        for experiment in experiments {
            print("\(experiment.name) (\(experiment.file)): \(experiment.runs.count) run\(experiment.runs.count == 1 ? "" : "s")")
            for run in experiment.runs { print("  \(run.name)") }
        }
    }
}
