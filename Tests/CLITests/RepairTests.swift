import Foundation
import Testing

/// A report the user has touched is repaired by the next run, `--check` says how to repair it in
/// the user's own command, a hint leads to a file that runs, and a run that cannot finish writing
/// changes nothing.
@Suite("Repair and advice")
struct RepairTests {
    static func run(_ arguments: [String], in scratch: ScratchFolder) throws -> ReportProcess.Outcome {
        try ReportProcess.run(arguments, in: scratch.url)
    }

    @Test("A page edited by hand and a figure deleted are drawn again by the next run, which trains nothing")
    func rerunRepairs() throws {
        let scratch = try ScratchFolder()
        try SampleExperiments.folder(["alpha", "beta"], in: scratch)
        #expect(try Self.run(["experiments", "--out", "out"], in: scratch).status == 0)
        let written = scratch.snapshot(excluding: [".report-store", "out/run.json", "out/README.md"])
        try scratch.write("edited by hand", to: "out/alpha/README.md")
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("out/beta/figures/history.png"))
        let rerun = try Self.run(["experiments", "--out", "out"], in: scratch)
        #expect(rerun.status == 0, "\(rerun.standardError)")
        #expect(rerun.standardOutput.contains("2 runs: 0 trained, 2 read from the run store"))
        let repaired = scratch.snapshot(excluding: [".report-store", "out/run.json", "out/README.md"])
        for (path, bytes) in written where !path.hasSuffix("README.md") || path.hasPrefix("out/beta") {
            #expect(repaired[path] == bytes, "\(path) is not as the first run wrote it")
        }
        // A page's text above its run metadata is as written (the epoch times below it vary).
        let page = try String(contentsOf: scratch.url.appendingPathComponent("out/alpha/README.md"), encoding: .utf8)
        #expect(page.hasPrefix("# Moons alpha"))
        // Nothing changed since: the third run leaves both folders as they are.
        let third = try Self.run(["experiments", "--out", "out"], in: scratch)
        #expect(third.standardOutput.contains("2 experiments unchanged since out/ was written"), "\(third.standardOutput)")
    }

    @Test("--check's advice is the command that rewrites the report, as this tool was run, with the folders given")
    func checkAdvice() throws {
        let scratch = try ScratchFolder()
        try SampleExperiments.folder(["alpha"], in: scratch)
        #expect(try Self.run(["experiments", "--out", "my report"], in: scratch).status == 0)
        try scratch.write("edited", to: "my report/alpha/README.md")
        let stale = try Self.run(["experiments", "--out", "my report", "--check"], in: scratch)
        #expect(stale.status == 1)
        let tool = ReportProcess.executable.path
        #expect(stale.standardError.contains("my report/ is stale: 1 file differs from a fresh run"), "\(stale.standardError)")
        #expect(stale.standardError.contains("`\(tool) experiments --out 'my report'` (from the package folder, `swift run report experiments --out 'my report'`) rewrites it"),
                "\(stale.standardError)")
        // The advice works.
        #expect(try Self.run(["experiments", "--out", "my report"], in: scratch).status == 0)
        #expect(try Self.run(["experiments", "--out", "my report", "--check"], in: scratch).status == 0)
    }

    @Test("The hint for ±1 labels leads to a file that runs")
    func hintLeadsToAWorkingFile() throws {
        let scratch = try ScratchFolder()
        let rows = (0..<12).map { index -> String in
            let x = Double(index) / 6 - 1
            return "\(x),\(-x),\(x > 0 ? 1 : -1)"
        }
        try scratch.write((["x1,x2,label"] + rows).joined(separator: "\n") + "\n", to: "experiments/pm.csv")
        func file(_ loss: String) -> String {
            """
            {"name": "pm", "data": {"source": "csv", "path": "pm.csv"}, "model": [{"linear": 1}, {"activation": "sigmoid"}],
             "loss": "\(loss)", "optimizer": {"name": "sgd", "lr": 0.1}, "training": {"epochs": 3}}
            """
        }
        try scratch.write(file("bce"), to: "experiments/pm.json")
        let refused = try Self.run(["experiments"], in: scratch)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("its labels are -1 and 1, not class indices from 0: relabel them (-1 as 0, 1 as 1), or fit them as numbers with mse"))
        try scratch.write(file("mse"), to: "experiments/pm.json")
        let fixed = try Self.run(["experiments"], in: scratch)
        #expect(fixed.status == 0, "\(fixed.standardError)")
    }

    @Test("A report that could not be finished changes nothing: a file where the report needs a folder is refused before anything moves")
    func nothingRewrittenOnFailure() throws {
        let scratch = try ScratchFolder()
        try SampleExperiments.folder(["alpha"], in: scratch)
        #expect(try Self.run(["experiments"], in: scratch).status == 0)
        // The user put a file where the figures folder was.
        let figures = scratch.url.appendingPathComponent("reports/alpha/figures")
        try FileManager.default.removeItem(at: figures)
        try scratch.write("not a folder", to: "reports/alpha/figures")
        try scratch.write(SampleExperiments.moons("alpha", epochs: 4), to: "experiments/alpha.json")
        let before = scratch.snapshot(excluding: [".report-store"])
        let outcome = try Self.run(["experiments"], in: scratch)
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("reports/alpha/figures is a file where the report needs a folder"), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("reports/ was left as it was"))
        #expect(scratch.snapshot(excluding: [".report-store"]) == before, "the report folder changed")
    }
}
