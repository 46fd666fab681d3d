import ArgumentParser
import Experiments
import Foundation
import Reporting

/// `bench suite`: the shipped experiments end to end, as `report` runs them, and each experiment alone.
struct SuiteBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suite",
        abstract: "Time the shipped experiment suite end to end.",
        discussion: """
            Reads, validates, runs and writes the report of every file in the folder (figures as PNG and \
            PDF, into a temporary folder), with --jobs workers; then prints the total wall time, each \
            experiment's wall time within it, and the peak resident memory of the first run. Then runs \
            the report binary (build it with `swift build -c release --product report`) with a run \
            store: cold, warm, after a text edit and a numeric edit of one file, and into a new folder. The NumPy + \
            matplotlib notebooks take 171 s for the same work on the reference machine, 123 s of it in \
            seed 004's learning-rate sweep. Last, the cold seed suite (the Fashion-MNIST and digits \
            experiments aside) and the learning-rate sweep alone, run by this build and by the commit \
            Benchmarks/suite-baseline.json records (built once under .build/bench-baseline), \
            alternately, with the ratio of their medians.
            """)

    @OptionGroup var output: OutputOptions

    @Argument(help: "The experiments folder.")
    var folder = "experiments"

    @Option(help: "Runs in parallel.")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Measure only the report binary's reruns with a run store (cold, warm, after edits), not the in-process suite.")
    var rerunsOnly = false

    @Flag(help: "Measure only the comparison with the recorded commit.")
    var baselineOnly = false

    @Flag(inversion: .prefixedNo, help: "Compare the cold seed suite and the learning-rate sweep with the recorded commit's.")
    var baseline = true

    @Option(help: "The commit to compare with, instead of the one Benchmarks/suite-baseline.json records.")
    var baselineCommit: String?

    @Option(help: "Rounds of the comparison with the recorded commit (each runs both builds on both workloads).")
    var rounds = 3

    mutating func run() throws {
        if baselineOnly {
            MeasurementPrinter(json: output.json).print(try BaselineComparison.measure(commit: baselineCommit, jobs: jobs, rounds: rounds))
            return
        }
        if rerunsOnly {
            MeasurementPrinter(json: output.json).print(try SuiteReruns.measure(folder: folder, jobs: jobs, repetitions: output.repetitions))
            return
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("bench-suite-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var totals: [Double] = []
        var perExperiment: [String: [Double]] = [:]
        var order: [String] = []
        var sharedRuns: [String: Int] = [:]
        // The notebook's sweep is the 20 MSE runs; the shipped experiment adds 20 NLL runs. Their
        // share: the MSE runs' own times, spread over the workers.
        var mseSweepShares: [Double] = []
        var firstPeakMegabytes = 0.0
        for repetition in 0..<max(output.repetitions, 1) {
            let clock = ContinuousClock()
            var results: [ExperimentResult] = []
            let elapsed = try clock.measure {
                let prepared = try ExperimentFiles.find([folder]).map { try PreparedExperiment(try Experiment.load(path: $0)) }
                results = ExperimentRunner.run(prepared, jobs: jobs)
                try ReportWriter(formats: [.png, .pdf], jobs: jobs)
                    .write(try results.map { result throws(SpecError) in try AnalyzedResult(result) }, metadata: RunMetadata(jobs: jobs, seconds: 0, experiments: []),
                           to: scratch.appendingPathComponent("reports"))
            }
            totals.append(elapsed.seconds)
            // What one `report` run needs. Later repetitions only add glibc's per-thread malloc
            // arenas, which keep freed memory (7 repetitions: 130 MB, with MALLOC_ARENA_MAX=2: 69 MB).
            if repetition == 0 { firstPeakMegabytes = peakResidentMegabytes() }
            if let sweep = results.first(where: { $0.experiment.name == "lr-sweep" }) {
                let mseSeconds = sweep.runs.filter { $0.variant == "mse" }.compactMap(\.training?.seconds).reduce(0, +)
                mseSweepShares.append(mseSeconds / Double(jobs))
            }
            for result in results {
                if perExperiment[result.experiment.name] == nil { order.append(result.experiment.name) }
                perExperiment[result.experiment.name, default: []].append(result.seconds)
                sharedRuns[result.experiment.name] = result.sharedRuns
            }
        }
        var measurements = [Measurement(name: "whole suite, \(jobs) jobs (read, run, figures, report)", unit: "s", samples: totals,
                                         note: String(format: "%.3fx the notebooks' 171 s", Measurement(name: "", unit: "", samples: totals).median / 171))]
        for name in order {
            var measurement = Measurement(name: "  \(name) (runs, wall time within the suite)", unit: "s", samples: perExperiment[name]!)
            let shared = sharedRuns[name, default: 0]
            let sharing = shared > 0 ? "\(shared) run\(shared == 1 ? "" : "s") trained for an earlier one" : ""
            measurement.note = name == "lr-sweep" ? "40 runs: 20 rates x NLL and MSE" + (sharing.isEmpty ? "" : "; " + sharing) : sharing
            measurements.append(measurement)
            if name == "lr-sweep", !mseSweepShares.isEmpty {
                var share = Measurement(name: "  lr-sweep, its 20 MSE runs (run time / jobs)", unit: "s", samples: mseSweepShares)
                share.note = String(format: "%.3fx NumPy's 123 s for the notebook's MSE sweep", share.median / 123)
                measurements.append(share)
            }
        }
        measurements.append(Measurement(name: "peak resident memory, first run", unit: "MB", median: firstPeakMegabytes, min: firstPeakMegabytes))
        measurements += try SuiteReruns.measure(folder: folder, jobs: jobs, repetitions: output.repetitions)
        if baseline { measurements += try BaselineComparison.measure(commit: baselineCommit, jobs: jobs, rounds: rounds) }
        MeasurementPrinter(json: output.json).print(measurements)
    }
}

/// The process's largest resident set so far, in megabytes.
private func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
