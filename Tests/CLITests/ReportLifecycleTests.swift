import Foundation
import Testing

/// The report folder over several runs, as a user lives with it: partial failure, `--only`,
/// `--list`, `--check`, files of the user's own, exit statuses.
@Suite("Report folder over several runs")
struct ReportLifecycleTests {
    static func run(_ arguments: [String], in scratch: ScratchFolder) throws -> ReportProcess.Outcome {
        try ReportProcess.run(arguments, in: scratch.url)
    }

    static func text(_ path: String, in scratch: ScratchFolder) throws -> String {
        try String(contentsOf: scratch.url.appendingPathComponent(path), encoding: .utf8)
    }

    @Test("A failing file keeps its previous page, marked stale; the others are rewritten; the exit status is 1")
    func partialFailure() throws {
        let scratch = try ScratchFolder()
        try SampleExperiments.folder(["alpha", "beta"], in: scratch)
        #expect(try Self.run(["experiments"], in: scratch).status == 0)
        try scratch.write("my own notes", to: "reports/notes.md")
        let betaPage = try Self.text("reports/beta/README.md", in: scratch)

        try scratch.write(SampleExperiments.moons("alpha", epochs: 5), to: "experiments/alpha.json")
        try scratch.write(SampleExperiments.moons("beta").replacingOccurrences(of: "\"epochs\": 3", with: "\"epochs\": \"three\""),
                          to: "experiments/beta.json")
        try scratch.write("{\"name\": \"gamma\",", to: "experiments/gamma.json")
        let outcome = try Self.run(["experiments"], in: scratch)
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("experiments/beta.json:9:16: training.epochs: expected a positive integer, got \"three\""))
        #expect(outcome.standardError.contains("experiments/gamma.json:1:18: is not valid JSON"))
        // The valid experiment was rewritten with its new setup.
        #expect(try Self.text("reports/alpha/README.md", in: scratch).contains("5 epochs"))
        // The failed one kept its page, and the index says it is stale and why.
        #expect(try Self.text("reports/beta/README.md", in: scratch) == betaPage)
        let index = try Self.text("reports/README.md", in: scratch)
        #expect(index.contains("[Moons beta](beta/README.md) | — | 1 | **stale**: its file failed in this run (below)"))
        #expect(index.contains("- `experiments/beta.json:9:16` (beta): training.epochs: expected a positive integer, got \"three\""))
        #expect(index.contains("- `experiments/gamma.json:1:18`: is not valid JSON"))
        #expect(try Self.text("reports/notes.md", in: scratch) == "my own notes")
    }

    @Test("--only replaces that experiment's folder and the index, and nothing else")
    func only() throws {
        let scratch = try ScratchFolder()
        try SampleExperiments.folder(["alpha", "beta"], in: scratch)
        #expect(try Self.run(["experiments"], in: scratch).status == 0)
        try scratch.write("mine", to: "reports/notes.md")
        try scratch.write("mine too", to: "reports/alpha/remarks.txt")
        try scratch.write(SampleExperiments.moons("alpha", epochs: 4), to: "experiments/alpha.json")
        try scratch.write(SampleExperiments.moons("beta", epochs: 9), to: "experiments/beta.json")
        // The run store gains alpha's new run; everything else is the report's.
        let before = scratch.snapshot(excluding: [".report-store"])
        let outcome = try Self.run(["experiments", "--only", "alpha"], in: scratch)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let after = scratch.snapshot(excluding: [".report-store"])
        let changed = Set(after.keys.filter { after[$0] != before[$0] }).union(before.keys.filter { after[$0] == nil })
        #expect(changed.isSubset(of: ["reports/README.md", "reports/run.json", "reports/.report-manifest.json", "reports/alpha/README.md",
                                      "reports/alpha/results.json", "reports/alpha/figures/history.png", "reports/alpha/figures/history.pdf"]),
                "\(changed.sorted())")
        #expect(!changed.contains { $0.hasPrefix("reports/beta") })
        #expect(changed.contains("reports/alpha/README.md"))
        #expect(after["reports/notes.md"] == Data("mine".utf8) && after["reports/alpha/remarks.txt"] == Data("mine too".utf8))

        let unknown = try Self.run(["experiments", "--only", "alpah"], in: scratch)
        #expect(unknown.status == 1)
        #expect(unknown.standardError == "--only alpah: no experiment has this name (did you mean \"alpha\"?); nothing was run or written\n")
    }

    @Test("--list prints the runs and writes nothing")
    func list() throws {
        let scratch = try ScratchFolder()
        try SampleExperiments.folder(["alpha"], in: scratch)
        let outcome = try Self.run(["experiments", "--list"], in: scratch)
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "alpha (experiments/alpha.json): 1 run\n  run\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("reports").path))
    }

    @Test("--check passes on a fresh report from any working folder, ignores the user's files, and names what is missing, extra or changed")
    func check() throws {
        let scratch = try ScratchFolder()
        try SampleExperiments.folder(["alpha", "beta"], in: scratch)
        #expect(try Self.run(["experiments"], in: scratch).status == 0)
        try scratch.write("mine", to: "reports/notes.md")
        let here = try Self.run(["experiments", "--check"], in: scratch)
        #expect(here.status == 0, "\(here.standardError)")
        #expect(here.standardOutput.hasSuffix("reports/ is up to date (2 experiments regenerated and compared).\n"))
        let elsewhere = try ReportProcess.run([scratch.url.appendingPathComponent("experiments").path, "--check",
                                               "--out", scratch.url.appendingPathComponent("reports").path], in: URL(fileURLWithPath: "/"))
        #expect(elsewhere.status == 0, "\(elsewhere.standardError)")

        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("reports/alpha/figures/history.png"))
        try scratch.write("edited", to: "reports/beta/README.md")
        let stale = try Self.run(["experiments", "--check"], in: scratch)
        #expect(stale.status == 1)
        #expect(stale.standardError.contains("\n  missing: alpha/figures/history.png\n"))
        #expect(stale.standardError.contains("\n  differs: beta/README.md\n"))

        #expect(try Self.run(["experiments"], in: scratch).status == 0)
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("experiments/beta.json"))
        let removed = try Self.run(["experiments", "--check"], in: scratch)
        #expect(removed.status == 1)
        #expect(removed.standardError.contains("\n  extra: beta/README.md\n"))
        #expect(!removed.standardError.contains("notes.md"))
    }

    @Test("The command line's own mistakes: --format, --jobs, and the help text")
    func options() throws {
        let scratch = try ScratchFolder()
        try SampleExperiments.folder(["alpha"], in: scratch)
        let empty = try Self.run(["experiments", "--format", ""], in: scratch)
        #expect(empty.status == 64)
        #expect(empty.standardError.contains("--format \"\": expected formats from png, pdf, svg, separated by commas"))
        let unknown = try Self.run(["experiments", "--format", "png,jpeg"], in: scratch)
        #expect(unknown.standardError.contains("--format: unknown format \"jpeg\"; choose from png, pdf, svg"))
        let twice = try Self.run(["experiments", "--format", "png,png"], in: scratch)
        #expect(twice.standardError.contains("--format: png is listed twice"))
        let jobs = try Self.run(["experiments", "--jobs", "0"], in: scratch)
        #expect(jobs.standardError.contains("--jobs must be at least 1, got 0"))
        let help = try Self.run(["--help"], in: scratch)
        #expect(help.status == 0)
        #expect(help.standardOutput.components(separatedBy: "(default: one per core").count == 2)
        #expect(!help.standardOutput.contains("(default: \(ProcessInfo.processInfo.activeProcessorCount))"))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("reports").path))
    }
}

extension ReportLifecycleTests {
    @Test("Two files with one name: the second fails before training, naming the first; the first runs")
    func duplicateNames() throws {
        let scratch = try ScratchFolder()
        try SampleExperiments.folder(["alpha"], in: scratch)
        try scratch.write(SampleExperiments.moons("alpha"), to: "experiments/copy.json")
        let outcome = try Self.run(["experiments"], in: scratch)
        #expect(outcome.status == 1)
        #expect(outcome.standardError.hasPrefix("1 experiment file will not run:\n  experiments/copy.json:2:3: name: \"alpha\" is already "
            + "the name of experiments/alpha.json; each experiment needs a name of its own\n"))
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("reports/alpha/README.md").path))
    }
}
