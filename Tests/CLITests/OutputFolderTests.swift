import Foundation
import Testing

/// `--out` as a user might get it wrong: every folder whose loss would hurt is refused with one
/// error, before anything runs, and nothing anywhere changes.
@Suite("Output folder refusals")
struct OutputFolderTests {
    /// A scratch folder laid out as a project: `work/experiments` with a data file, a thesis beside
    /// it, a user's folder of notes, a file, and a home folder.
    static func project() throws -> ScratchFolder {
        let scratch = try ScratchFolder()
        try scratch.write(SampleExperiments.moons("moons"), to: "work/experiments/moons.json")
        try scratch.write("""
            {"name": "table", "data": {"source": "csv", "path": "../data/table.csv"}, "model": [{"linear": 1}],
             "loss": "mse", "optimizer": {"name": "sgd", "lr": 0.1}, "training": {"epochs": 2}}
            """, to: "work/experiments/table.json")
        try scratch.write("x,label\n1,0.5\n2,1.5\n3,2.5\n", to: "work/data/table.csv")
        try scratch.write("\\documentclass{article}", to: "work/thesis.tex")
        try scratch.write("my notes", to: "work/notes/todo.md")
        try scratch.write("a file", to: "work/afile")
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("home"), withIntermediateDirectories: true)
        return scratch
    }

    static let refusals: [(out: String, message: String)] = [
        ("experiments", "--out experiments: holds experiments/moons.json, an input of this run; the report needs a folder of its own, such as reports"),
        ("data", "--out data: holds data/table.csv, an input of this run; the report needs a folder of its own, such as reports"),
        (".", "--out .: is the current folder; the report needs a folder of its own, such as reports"),
        ("..", "--out ..: holds the current folder; the report needs a folder of its own, such as reports"),
        ("../..", "--out ../..: holds the current folder; the report needs a folder of its own, such as reports"),
        ("", "--out \"\": expected a folder for the report, got an empty path (the default is reports)"),
        ("/", "--out /: is the root folder; the report needs a folder of its own, such as reports"),
        ("HOME", "is your home folder; the report needs a folder of its own, such as reports"),
        ("afile", "--out afile: is a file, not a folder; the report is a folder of pages and figures"),
        ("notes", "--out notes: holds files this tool did not write (todo.md) and no report marker (.report-manifest.json); "
            + "the tool writes only into a new or empty folder, or one it wrote before: choose another --out"),
        ("afile/report", "cannot create the folder afile/report: not a directory"),
    ]

    @Test("Each dangerous --out is refused with its own message, and nothing changes", arguments: refusals.indices)
    func refusal(_ index: Int) throws {
        let (out, message) = Self.refusals[index]
        let scratch = try Self.project()
        let home = scratch.url.appendingPathComponent("home").path
        let before = scratch.snapshot()
        let arguments = ["experiments", "--out", out == "HOME" ? home : out]
        let outcome = try ReportProcess.run(arguments, in: scratch.url.appendingPathComponent("work"), environment: ["HOME": home])
        #expect(outcome.status == 1, "--out \(out): exit status \(outcome.status)")
        #expect(outcome.standardError.contains(message), "--out \(out): \(outcome.standardError)")
        #expect(outcome.standardError.split(separator: "\n").count == 1, "--out \(out): more than one line: \(outcome.standardError)")
        #expect(scratch.snapshot() == before, "--out \(out) changed files")
    }

    @Test("No experiment files at all is an error that touches nothing, not an empty report")
    func noExperiments() throws {
        let scratch = try Self.project()
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("work/empty"), withIntermediateDirectories: true)
        let first = try ReportProcess.run(["experiments", "--out", "reports"], in: scratch.url.appendingPathComponent("work"))
        #expect(first.status == 0, "\(first.standardError)")
        let before = scratch.snapshot()
        let outcome = try ReportProcess.run(["empty", "--out", "reports"], in: scratch.url.appendingPathComponent("work"))
        #expect(outcome.status == 1)
        #expect(outcome.standardError == "empty: no experiment files (a folder's .json files, schema.json aside); nothing was run or written\n")
        #expect(scratch.snapshot() == before)
    }

    @Test("A link to the experiments folder is seen through")
    func linkedFolder() throws {
        let scratch = try Self.project()
        let work = scratch.url.appendingPathComponent("work")
        try FileManager.default.createSymbolicLink(at: work.appendingPathComponent("linked"), withDestinationURL: work.appendingPathComponent("experiments"))
        let before = scratch.snapshot()
        let outcome = try ReportProcess.run(["experiments", "--out", "linked"], in: work)
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("--out linked: holds experiments/moons.json, an input of this run"))
        #expect(scratch.snapshot() == before)
    }
}
