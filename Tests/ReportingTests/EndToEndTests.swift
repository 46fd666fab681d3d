import Experiments
import Foundation
import Plotting
import Testing
@testable import Reporting

/// The whole path on a small folder of experiments: files → runs → figures → Markdown and JSON.
@Suite("End to end", .serialized)
struct EndToEndTests {
    static let files: [String: String] = [
        "tiny-train.json": """
            {"name": "tiny-train", "title": "Tiny moons", "seed": 3,
             "data": {"source": "moons", "samples": 80, "noise": 0.1, "split": {"test": 0.25, "validation": 0.2, "method": "stratified"}, "standardize": true},
             "model": [{"linear": 6, "init": "kaiming"}, {"activation": "tanh"}, {"linear": 1}, {"activation": "sigmoid"}],
             "loss": "bce", "optimizer": {"name": "sgd", "lr": 0.5},
             "training": {"epochs": 30, "batch": 16, "evaluate_every": 5},
             "variants": {"plain": {}, "momentum": {"optimizer.momentum": 0.9}},
             "sweep": {"optimizer.lr": [0.1, 0.5]},
             "figures": ["dataset", "history", "panel", {"type": "decision-surface", "split": "test"}, "sweep"],
             "questions": [{"question": "Which is best?", "answer": "Run {{best_run}} with loss {{best_run.final_loss}}."}]}
            """,
        "tiny-curve.json": """
            {"name": "tiny-curve", "seed": 5,
             "data": {"source": "function", "formula": "sin(x)", "range": [-2, 2], "samples": 50, "noise": 0.05},
             "model": [{"linear": 8}, {"activation": "relu"}, {"linear": 1}],
             "loss": "mse", "optimizer": {"name": "adam", "lr": 0.01},
             "training": {"epochs": 20, "batch": 1, "probes": [0, 1]},
             "figures": ["fit", {"type": "extrapolation", "x": [-6, 6]}, "history"]}
            """,
        "tiny-roots.json": """
            {"name": "tiny-roots", "kind": "minimize", "objective": "(x^2 - 5*x + 4)^2", "residual": "x^2 - 5*x + 4",
             "starts": [0, 3], "lr": [0.01], "basins": {"range": [0, 5], "count": 21},
             "figures": ["paths", "objective", "basins"],
             "questions": [{"question": "Second root?", "answer": "From 3: {{start-3.lr-0.01.end}}."}]}
            """,
        "tiny-check.json": #"{"name": "tiny-check", "kind": "gradient-check", "seed": 1}"#,
    ]

    /// Writes the files into a fresh folder and returns it.
    static func folder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("report-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("experiments"), withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: root.appendingPathComponent("experiments/\(name)")) }
        return root
    }

    /// Runs every file of `root/experiments` and writes the report to `root/<out>`.
    static func report(in root: URL, out: String, jobs: Int) throws -> [ExperimentResult] {
        let paths = try ExperimentFiles.find([root.appendingPathComponent("experiments").path])
        let prepared = try paths.map { path throws -> PreparedExperiment in try PreparedExperiment(try Experiment.load(path: path)) }
        let results = ExperimentRunner.run(prepared, jobs: jobs)
        let analyzed = try results.map { result throws(SpecError) in try AnalyzedResult(result) }
        for experiment in analyzed { #expect(AnswerCheck.problems(in: experiment).isEmpty) }
        let metadata = RunMetadata(jobs: jobs, seconds: 1, experiments: [])
        try ReportWriter(formats: [.png, .pdf]).write(analyzed, metadata: metadata, to: root.appendingPathComponent(out))
        return results
    }

    @Test("Every kind runs, every link resolves, results.json holds what it promises, and a second run is byte-identical")
    func wholeReport() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let results = try Self.report(in: root, out: "reports", jobs: 2)
        #expect(results.map(\.experiment.name) == ["tiny-check", "tiny-curve", "tiny-roots", "tiny-train"])
        #expect(results[3].runs.count == 4)

        let reports = root.appendingPathComponent("reports")
        for name in ["README.md", "run.json"] + results.map({ "\($0.experiment.name)/README.md" }) {
            #expect(FileManager.default.fileExists(atPath: reports.appendingPathComponent(name).path), "\(name) missing")
        }
        // Every relative link in every page points at a file that exists.
        for page in ["README.md"] + results.map({ "\($0.experiment.name)/README.md" }) {
            let url = reports.appendingPathComponent(page)
            let text = try String(contentsOf: url, encoding: .utf8)
            let links = Self.links(in: text)
            #expect(!links.isEmpty)
            for link in links {
                let target = url.deletingLastPathComponent().appendingPathComponent(link).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: target.path), "\(page) links to missing \(link)")
            }
        }
        // The figures are real images of the expected size.
        let surface = try RasterImage(contentsOfPNG: reports.appendingPathComponent("tiny-train/figures/decision-surface.png").path)
        #expect(surface.width == 3 * 640 && surface.height == 2 * 520)

        // results.json: configuration, history, parameters before and after, data and splits.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: reports.appendingPathComponent("tiny-train/results.json"))) as! [String: Any]
        let runs = json["runs"] as! [[String: Any]]
        #expect(runs.count == 4)
        #expect((runs[0]["sweep"] as? [String: Double]) == ["optimizer.lr": 0.1])
        #expect(runs[0]["setup"] != nil && runs[0]["initial_parameters"] != nil && runs[0]["final_parameters"] != nil)
        let history = runs[0]["history"] as! [String: Any]
        #expect((history["epochs"] as! [Int]) == [0, 5, 10, 15, 20, 25, 30])
        let datasets = json["datasets"] as! [[String: Any]]
        #expect(datasets.count == 1)
        let split = datasets[0]["split"] as! [String: [Int]]
        #expect(split["train"]!.count + split["validation"]!.count + split["test"]!.count == 80)
        let facts = json["facts"] as! [String: [String: Any]]
        #expect(facts["best_run"]?["text"] as? String != nil)
        #expect(facts["runs"]?["unit"] as? String == "count" && facts["runs"]?["value"] as? Int == 4)

        // The question's placeholders are filled from the results.
        let page = try String(contentsOf: reports.appendingPathComponent("tiny-roots/README.md"), encoding: .utf8)
        #expect(page.contains("From 3: 3.999999"))

        // A single run's results table has no column naming the run.
        let single = try String(contentsOf: reports.appendingPathComponent("tiny-curve/README.md"), encoding: .utf8)
        #expect(single.contains("\n| Epochs |") && !single.contains("| Run |"))

        // Same files, one worker instead of two: the same bytes, run metadata aside.
        _ = try Self.report(in: root, out: "again", jobs: 1)
        #expect(ReportComparison.differences(report: reports, fresh: root.appendingPathComponent("again")) == [])
    }

    @Test("An answer naming a fact the results do not provide is one error with the question's JSON path and a did-you-mean")
    func unknownFact() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("experiments/misspelt.json").path
        try Data(#"""
            {"name": "misspelt", "kind": "gradient-check", "seed": 1,
             "questions": [{"question": "Do they pass?", "answer": "{{passed}} pass."},
                           {"question": "All of them?", "answer": "{{pased}} of {{checks}}."}]}
            """#.utf8).write(to: URL(fileURLWithPath: path))
        let results = ExperimentRunner.run([try PreparedExperiment(try Experiment.load(path: path))], jobs: 1)
        let problems = AnswerCheck.problems(in: try AnalyzedResult(results[0])).map(\.description)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("misspelt.json") == true)
        #expect(problems.first?.contains("questions[1].answer") == true)
        #expect(problems.first?.contains(#"no fact named "pased" (did you mean "passed"?)"#) == true)
    }

    @Test("A comparison notices a changed, a missing and an extra file, each by its right name")
    func comparison() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("report-compare-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for side in ["report", "fresh"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent("\(side)/x"), withIntermediateDirectories: true)
            try Data("same".utf8).write(to: root.appendingPathComponent("\(side)/x/same.txt"))
            try Data("index\n\(IndexPage.footerMarker)\nfooter \(side)".utf8).write(to: root.appendingPathComponent("\(side)/README.md"))
            try Data(side.utf8).write(to: root.appendingPathComponent("\(side)/run.json"))
        }
        let report = root.appendingPathComponent("report"), fresh = root.appendingPathComponent("fresh")
        #expect(ReportComparison.differences(report: report, fresh: fresh) == [])
        try Data("changed".utf8).write(to: root.appendingPathComponent("fresh/x/same.txt"))
        try Data("new".utf8).write(to: root.appendingPathComponent("fresh/x/new.txt"))
        try Data("old".utf8).write(to: root.appendingPathComponent("report/gone.txt"))
        #expect(ReportComparison.differences(report: report, fresh: fresh)
                == ["missing: x/new.txt", "differs: x/same.txt", "extra: gone.txt"])
    }

    @Test("Rewriting keeps no staging folder, replaces the tool's files and keeps the user's")
    func replacement() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let reports = root.appendingPathComponent("reports")
        _ = try Self.report(in: root, out: "reports", jobs: 2)
        try Data("mine".utf8).write(to: reports.appendingPathComponent("notes.md"))
        try Data("mine".utf8).write(to: reports.appendingPathComponent("tiny-roots/mine.txt"))
        try Data("stale".utf8).write(to: reports.appendingPathComponent("tiny-roots/figures/paths.png"))
        _ = try Self.report(in: root, out: "reports", jobs: 2)
        #expect(try String(contentsOf: reports.appendingPathComponent("notes.md"), encoding: .utf8) == "mine")
        #expect(try String(contentsOf: reports.appendingPathComponent("tiny-roots/mine.txt"), encoding: .utf8) == "mine")
        #expect(try Data(contentsOf: reports.appendingPathComponent("tiny-roots/figures/paths.png")) != Data("stale".utf8))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: reports.path).filter { $0.hasPrefix(".") }
        #expect(leftovers == [ReportManifest.fileName])
    }

    /// The targets of Markdown links and images, `](target)`.
    static func links(in text: String) -> [String] {
        var links: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "]("), let close = rest[open.upperBound...].firstIndex(of: ")") {
            links.append(String(rest[open.upperBound..<close]))
            rest = rest[close...]
        }
        return links
    }
}
