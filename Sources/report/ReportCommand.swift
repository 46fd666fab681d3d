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
        _ = try formats()
    }

    func run() throws {
        if printSchema || printKeys {
            print(printSchema ? ExperimentSchema.text : KeyReference.markdown, terminator: "")
            return
        }
        let session = ReportSession(paths: paths, out: out, only: only, formats: try formats(),
                                    jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                    console: Console(quiet: quiet))
        let succeeded = list ? session.listRuns() : check ? session.checkReport() : session.writeReport()
        if !succeeded { throw ExitCode.failure }
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
