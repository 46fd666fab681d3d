import Experiments
import Foundation
import Plotting
import Testing
@testable import Reporting

/// Experiments of a student's kind, unlike the shipped ones (`Corpus/`: XOR with tanh and Adam,
/// three spirals in mini-batches, circles over hidden widths, CSV classification with four named
/// columns and regression, NPZ with named arrays, 22 log-spaced rates, a double well, a custom
/// gradient check, a target loss, a sine with probes), run and drawn as the report runs and draws
/// them, and read back as a user would: pages with every placeholder filled and sentences that
/// read, figures with no empty axes, distinct legend labels and pixels drawn.
@Suite("A corpus of student experiments")
struct StudentCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    static func files() throws -> [String] { try ExperimentFiles.find([folder.path]) }

    @Test("The corpus holds at least ten experiments, of every kind")
    func size() throws {
        let experiments = try Self.files().map { try Experiment.load(path: $0) }
        #expect(experiments.count >= 10)
        #expect(Set(experiments.map(\.kind)) == Set(Experiment.Kind.allCases))
    }

    @Test("Each experiment's page and figures read right", arguments: try files().map { ($0 as NSString).lastPathComponent })
    func experiment(_ name: String) throws {
        let experiment = try Experiment.load(path: Self.folder.appendingPathComponent(name).path)
        let prepared = try PreparedExperiment(experiment)
        #expect(Preflight.problems(in: prepared).isEmpty)
        let analyzed = try AnalyzedResult(ExperimentRunner.run([prepared], jobs: 2)[0])
        #expect(AnswerCheck.problems(in: analyzed).isEmpty)
        let figures = FigureBuilder.figures(for: analyzed)
        #expect(figures.count == experiment.figures.count, "one file per figure asked for")
        let page = ExperimentPage(result: analyzed.result, findings: analyzed.findings, figures: figures, formats: ["png"]).markdown
        for fragment in ["{{", "}}", "not reached epochs", "not reached steps", "epochs epochs", "steps steps", " nan", "NaN"] {
            #expect(!page.contains(fragment), "\(name): the page has \"\(fragment)\"")
        }
        for question in experiment.questions { #expect(page.contains(question.question)) }

        for figure in figures {
            #expect(page.contains("figures/\(figure.fileName).png"))
            for (index, axes) in figure.figure.axes.enumerated() where !axes.isBlank {
                #expect(!axes.series.isEmpty, "\(name)/\(figure.fileName): axes \(index) (\(axes.title ?? "untitled")) is empty")
                let labels = axes.series.compactMap(\.label)
                #expect(Set(labels).count == labels.count, "\(name)/\(figure.fileName): repeated legend labels \(labels)")
            }
            try FigureTypeTests.expectDrawnAsData(figure, in: name)
        }
    }

    @Test("The target loss is drawn where the runs' losses cross it, and the page says when each reached it")
    func targetLine() throws {
        let experiment = try Experiment.load(path: Self.folder.appendingPathComponent("target-loss.json").path)
        let analyzed = try AnalyzedResult(ExperimentRunner.run([try PreparedExperiment(experiment)], jobs: 1)[0])
        let history = try #require(FigureBuilder.figures(for: analyzed).first { $0.fileName == "history" })
        let line = try #require(history.figure.axes[0].series.first { $0.label == "target loss 0.3" })
        #expect(line.y == [0.3, 0.3] && line.x == [0, 300])
        #expect(history.caption.contains("the grey dashed line is the target loss, 0.3"))
        let page = ExperimentPage(result: analyzed.result, findings: analyzed.findings, figures: [history], formats: ["png"]).markdown
        #expect(page.contains("Slow: not reached in the 300 epochs (not reached in the 300 steps). Fast: 103 epochs (103 steps)."), "\(page)")
    }

    @Test("An index of experiments that come from no notebook does not speak of a notebook")
    func indexWithoutNotebooks() throws {
        let entries = try Self.files().map { file in
            let experiment = try Experiment.load(path: file)
            return IndexPage.Entry(name: experiment.name, summary: .init(title: experiment.title, notebook: nil, runs: 1, keyResult: "—"), isStale: false)
        }
        let metadata = RunMetadata(jobs: 1, seconds: 0, experiments: [])
        let page = IndexPage(entries: entries, failures: [], sourceFolders: ["Corpus"], metadata: metadata).markdown
        #expect(page.contains("Each page gives the setup, the numbers, the figures and the answers to its questions."), "\(page)")
        #expect(!page.prefix(400).contains("notebook"))
        var withNotebook = entries
        withNotebook[0] = IndexPage.Entry(name: "seed", summary: .init(title: "Seed", notebook: "003", runs: 1, keyResult: "—"), isStale: false)
        #expect(IndexPage(entries: withNotebook, failures: [], sourceFolders: ["Corpus"], metadata: metadata).markdown
            .contains("where the result departs from the notebook's code"))
    }

    @Test("Four named features: the surface of a chosen pair says the other two are held at their mean")
    func featurePair() throws {
        let experiment = try Experiment.load(path: Self.folder.appendingPathComponent("flowers-csv.json").path)
        let analyzed = try AnalyzedResult(ExperimentRunner.run([try PreparedExperiment(experiment)], jobs: 1)[0])
        let surface = try #require(FigureBuilder.figures(for: analyzed).first { $0.fileName == "decision-surface" })
        #expect(surface.caption.contains("over petal_length (standardised) and petal_width (standardised) with the other 2 features held at their mean over the training rows"))
        let axes = surface.figure.axes[0]
        #expect(axes.xLabel == "petal_length (standardised)" && axes.yLabel == "petal_width (standardised)")
        // The points drawn are the petal columns, and the surface separates the species.
        #expect(try #require(analyzed.findings.facts["test_accuracy"]).text.hasSuffix("%"))
    }
}
