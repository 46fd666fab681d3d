import Foundation

/// The shipped suite run by the `report` binary as a user runs it, with a run store: cold (an empty
/// store and report folder), warm (nothing changed), after a text edit of one experiment (its title),
/// after a numeric edit of one (its seed), and from the store into a new report folder. Each is a
/// separate process, timed from launch to exit, with its own peak resident memory.
enum SuiteReruns {
    /// The experiment edited between reruns, and how.
    static let edited = "moons-mlp"

    static func measure(folder: String, jobs: Int, repetitions: Int) throws -> [Measurement] {
        let report = try Launch.reportBinary()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("bench-reruns-\(getpid())")
        try? FileManager.default.removeItem(at: scratch)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let experiments = scratch.appendingPathComponent("experiments")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: folder), to: experiments)
        let arguments = ["experiments", "--out", "reports", "--store", "store", "--jobs", "\(jobs)", "--quiet"]
        func run(_ extra: [String] = []) throws -> Launch.Cost { try Launch.run(report, arguments + extra, in: scratch) }
        let file = experiments.appendingPathComponent("\(edited).json")
        let original = try String(contentsOf: file, encoding: .utf8)

        var cold: [Launch.Cost] = [], warm: [Launch.Cost] = [], text: [Launch.Cost] = [], numbers: [Launch.Cost] = [], fresh: [Launch.Cost] = []
        // Each repetition trains the whole suite once: three are plenty for medians of these sizes.
        for repetition in 0..<min(max(repetitions, 1), 3) {
            for name in ["store", "reports", "elsewhere"] { try? FileManager.default.removeItem(at: scratch.appendingPathComponent(name)) }
            try original.write(to: file, atomically: true, encoding: .utf8)
            cold.append(try run())
            warm.append(try run())
            try original.replacingOccurrences(of: "\"title\": \"", with: "\"title\": \"Edited \(repetition): ").write(to: file, atomically: true, encoding: .utf8)
            text.append(try run())
            try original.replacingOccurrences(of: "\"seed\": ", with: "\"seed\": 1\(repetition)").write(to: file, atomically: true, encoding: .utf8)
            numbers.append(try run())
            fresh.append(try run(["--out", "elsewhere"]))
        }
        let coldMedian = Measurement(name: "", unit: "s", samples: cold.map(\.seconds)).median
        func row(_ name: String, _ costs: [Launch.Cost]) -> [Measurement] {
            let time = Measurement(name: name, unit: "s", samples: costs.map(\.seconds))
            let share = String(format: "%.1f%% of the cold run", 100 * time.median / coldMedian)
            return [Measurement(name: name, unit: "s", median: time.median, min: time.min, note: name.contains("cold") ? nil : share),
                    Measurement(name: "  its peak resident memory", unit: "MB", samples: costs.map(\.megabytes))]
        }
        return row("report binary, cold: empty store and report folder", cold)
            + row("  warm rerun, nothing changed", warm)
            + row("  rerun after \(edited)'s title changed (redrawn, nothing trained)", text)
            + row("  rerun after \(edited)'s seed changed (its runs trained, it alone redrawn)", numbers)
            + row("  into a new report folder from the store (everything drawn, nothing trained)", fresh)
    }
}

/// A benchmark that cannot run.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
