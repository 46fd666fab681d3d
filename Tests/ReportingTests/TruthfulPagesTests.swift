import Experiments
import Foundation
import Testing
@testable import Plotting
@testable import Reporting

/// Every sentence, cell and figure of a page says what happened: a run whose loss blew up is not
/// "completed", a run that did not learn is not "best", a diverged run has no "final" loss, a
/// descent sitting at a minimum is said to have reached it, and words agree in number.
@Suite("Pages that say what happened")
struct TruthfulPagesTests {
    /// A tanh network on moons over seven rates: 512 and more blow up (the loss passes 1000 times
    /// its start and comes back finite), 32 ends above where it started.
    static let unstableSweep = """
        {"name": "unstable", "seed": 3,
         "data": {"source": "moons", "samples": 200, "noise": 0.2, "split": {"test": 0.25}},
         "model": [{"linear": 16}, {"activation": "tanh"}, {"linear": 2}],
         "loss": "nll", "optimizer": {"name": "sgd", "lr": 0.1}, "training": {"epochs": 200},
         "sweep": {"optimizer.lr": [0.5, 2, 8, 32, 512]},
         "figures": ["history", "sweep"]}
        """

    @Test("A run whose loss blew up and came back is unstable, in the facts, the table, the findings and the index; best and soonest skip it")
    func unstableRuns() throws {
        let analyzed = try PageRendering.analyzed(Self.unstableSweep)
        let facts = analyzed.findings.facts
        #expect(facts["unstable_runs"]?.text == "1")
        #expect(facts["diverged_runs"]?.text == "0")
        #expect(facts["lr-512.outcome"]?.text.hasPrefix("unstable: the training loss reached ") == true)
        #expect(facts["lr-512.peak_loss"].map { Double($0.text) ?? 0 } ?? 0 > 1000)
        #expect(facts["best_lr"]?.text == "8")
        let sentence = try #require(analyzed.findings.sentences.first)
        #expect(sentence.hasPrefix("The lowest final training loss"))
        #expect(sentence.contains("1 of the 5 was unstable, their training loss rising above 1000 times its start (lr = 512: "))
        #expect(sentence.contains("with lr = 32 the final training loss is not below 90% of its start: that run did not learn"))
        #expect(!sentence.contains("none of the 5 values diverged"))
        let page = ExperimentPage(result: analyzed.result, findings: analyzed.findings, figures: [], formats: ["png"]).markdown
        let row = try #require(page.split(separator: "\n").first { $0.hasPrefix("| 512 |") })
        #expect(row.hasSuffix("at epoch 3) |") && row.contains("**unstable** ("))
        let idle = try #require(page.split(separator: "\n").first { $0.hasPrefix("| 32 |") })
        #expect(idle.hasSuffix("| did not learn |"))
        #expect(page.contains("*did not learn*: the final training loss is above 90% of its start"))
        #expect(page.contains("*unstable*: the training loss rose above 1000 times its start"))
    }

    @Test("The history's loss axis fits the runs that stayed bounded, and the clipped run is named in its legend and caption")
    func historyClipsTheBlowUp() throws {
        let analyzed = try PageRendering.analyzed(Self.unstableSweep)
        let history = try #require(FigureBuilder.figures(for: analyzed).first { $0.fileName == "history" })
        let loss = history.figure.axes[0]
        let limits = try #require(loss.yLimits)
        let peak = try #require(Double(analyzed.findings.facts["lr-512.peak_loss"]?.text ?? ""))
        #expect(limits.upperBound < peak / 10, "the axis reaches \(limits.upperBound), the peak is \(peak)")
        let bounded = analyzed.result.runs.filter { $0.name != "lr=512" }.flatMap { $0.training!.history.splits[0].loss }
        #expect(limits.upperBound >= bounded.max()! && limits.lowerBound <= bounded.min()!)
        #expect(loss.series.compactMap(\.label).contains("lr=512 (clipped)"))
        #expect(!history.figure.axes[1].series.compactMap(\.label).contains { $0.contains("clipped") })
        #expect(history.caption.contains("cuts off lr=512, whose training loss reached"))
        // In the picture, the bounded runs fill the plot: their curves are drawn where they map.
        try FigureTypeTests.expectDrawnAsData(history, in: "unstable")
    }

    /// A line through two points with a huge rate: the loss is infinite by the fourth epoch.
    static let diverging = """
        {"name": "diverging", "seed": 1,
         "data": {"source": "function", "formula": "3*x", "samples": 30},
         "model": [{"linear": 1}], "loss": "mse", "optimizer": {"name": "sgd", "lr": 1e6},
         "training": {"epochs": 200, "evaluate_every": 50}}
        """

    @Test("A diverged run shows the epochs it completed and no final loss; its facts say why and give the last finite loss")
    func divergedRun() throws {
        let analyzed = try PageRendering.analyzed(Self.diverging)
        let facts = analyzed.findings.facts
        let epoch = try #require(Int(facts["diverged_at_epoch"]?.text ?? ""))
        #expect(epoch > 1 && epoch < 50)
        #expect(facts["final_loss"]?.text == "none (the run diverged at epoch \(epoch))")
        #expect(facts["epochs"]?.text == "\(epoch - 1)")
        let last = try #require(Double(facts["last_finite_loss"]?.text ?? ""))
        #expect(last.isFinite && last > Double(facts["initial_loss"]?.text ?? "") ?? .infinity)
        let page = ExperimentPage(result: analyzed.result, findings: analyzed.findings, figures: [], formats: ["png"]).markdown
        let header = try #require(page.split(separator: "\n").first { $0.hasPrefix("| Epochs |") })
        #expect(header == "| Epochs | train loss | Outcome |")
        let row = try #require(page.split(separator: "\n").first { $0.hasPrefix("| \(epoch - 1) |") })
        #expect(row.contains("| — | **diverged** at epoch \(epoch), step \(epoch)"))
        #expect(row.contains("last finite training loss"))
        #expect(page.contains("*—*: no final value, since the run diverged"))
    }

    @Test("Class names, when the file gives them, name the classes in the dataset's and the decision surface's legends")
    func classNamesInLegends() throws {
        let analyzed = try PageRendering.analyzed("""
            {"name": "named", "seed": 1, "data": {"source": "blobs", "samples": 60, "classes": ["cat", "dog", "owl"]},
             "model": [{"linear": 3}], "loss": "nll", "optimizer": {"name": "sgd", "lr": 0.1}, "training": {"epochs": 5},
             "figures": ["dataset", "decision-surface"]}
            """)
        for figure in FigureBuilder.figures(for: analyzed) {
            let labels = figure.figure.axes.flatMap { $0.series.compactMap(\.label) }
            #expect(labels.contains("cat") && labels.contains("dog") && labels.contains("owl"), "\(figure.fileName): \(labels)")
            #expect(!labels.contains { $0.hasPrefix("class ") }, "\(figure.fileName): \(labels)")
        }
    }

    @Test("A title is the figure's title, over its one plot or over all its panels, and its caption's first sentence, for every figure type",
          arguments: [
              ("dataset", false), ("history", true), ("panel", true), ("decision-surface", false), ("fit", false),
              ("extrapolation", false), ("sweep", true), ("paths", true), ("objective", true), ("basins", false),
          ])
    func titles(type: String, panels: Bool) throws {
        let file: String
        switch type {
        case "paths", "objective", "basins":
            file = """
                {"name": "t", "kind": "minimize", "objective": "(x - 1)^2", "starts": [0, 3], "lr": [0.1, 0.5],
                 "figures": [{"type": "\(type)", "title": "My title"}]}
                """
        case "fit", "extrapolation":
            file = """
                {"name": "t", "seed": 1, "data": {"source": "function", "formula": "x^2", "samples": 30},
                 "model": [{"linear": 4}, {"activation": "tanh"}, {"linear": 1}], "loss": "mse", "optimizer": {"name": "sgd", "lr": 0.1},
                 "training": {"epochs": 5}, "figures": [{"type": "\(type)", "title": "My title"}]}
                """
        default:
            file = """
                {"name": "t", "seed": 1, "data": {"source": "moons", "samples": 40, "split": {"test": 0.25}},
                 "model": [{"linear": 4}, {"activation": "tanh"}, {"linear": 2}], "loss": "nll", "optimizer": {"name": "sgd", "lr": 0.1},
                 "training": {"epochs": 5}\(type == "sweep" ? #", "sweep": {"optimizer.lr": [0.1, 0.2]}"# : ""),
                 "figures": [{"type": "\(type)", "title": "My title"}]}
                """
        }
        let figures = try PageRendering.figures(file)
        #expect(!figures.isEmpty)
        for figure in figures {
            #expect(figure.caption.hasPrefix("My title. "), "\(type): \(figure.caption)")
            if panels {
                #expect(figure.figure.title == "My title", "\(type)")
                // Drawn above the panels: the band over the first plot holds ink.
                let pixels = try FigurePixels(figure)
                let top = Int(pixels.layouts.map(\.box.top).min() ?? 0)
                var inked = 0
                for y in 0..<max(top - 20, 1) {
                    for x in 0..<pixels.image.width where pixels.image.color(x: x, y: y).distance(to: .white) > 0.5 { inked += 1 }
                }
                #expect(inked > 30, "\(type): \(inked) dark pixels above the panels")
            } else {
                #expect(figure.figure.axes.filter { !$0.isBlank }.first?.title == "My title", "\(type)")
            }
        }
    }

    /// A double well, stopped by |f| < tol: its minima are not roots, so every descent that finds
    /// one stops at the iteration limit.
    static let doubleWell = """
        {"name": "well", "kind": "minimize", "objective": "x^4 - 4*x^2 + x", "starts": [-2.5, 2.5], "lr": [0.01, 0.2],
         "max_iterations": 300, "basins": {"count": 51}, "figures": ["objective", "basins"]}
        """

    @Test("A descent that sits at a minimum the stopping rule cannot accept has reached it, on the page, in the facts and in the basin map")
    func minimaReached() throws {
        let analyzed = try PageRendering.analyzed(Self.doubleWell)
        let facts = analyzed.findings.facts
        #expect(facts["start-2.5.lr-0.01.outcome"]?.text == "max-iterations")
        #expect(facts["start-2.5.lr-0.01.reached"]?.text == "1.347")
        #expect(facts["start--2.5.lr-0.01.reached"]?.text == "-1.473")
        #expect(facts["reached"]?.text == "-1.473 and 1.347")
        let basins = try #require(facts["lr-0.01.basins"]?.text)
        #expect(basins.hasPrefix("starts [-3.5, 0] reach -1.473; [0.14, 3.5] reach 1.347"), "\(basins)")
        #expect(!basins.contains("run out of iterations"))
        let page = ExperimentPage(result: analyzed.result, findings: analyzed.findings, figures: [], formats: ["png"]).markdown
        #expect(page.contains("| Stops when | \\|f\\| < 1e-6 after an update (converged); x or f is not finite (diverged); "))
        #expect(page.contains("| -2.5 | 0.01 | -1.47299760111403"))
        let figure = try #require(FigureBuilder.figures(for: analyzed).first { $0.fileName == "basins" })
        let labels = figure.figure.axes[0].series.compactMap(\.label)
        #expect(labels.first == "reaches -1.473" && labels.contains("reaches 1.347"), "\(labels)")
        #expect(!labels.contains("max-iterations"))
        try FigureTypeTests.expectDrawnAsData(figure, in: "well")
    }

    @Test("The objective's axis fits the descents that did not diverge, and the caption names those it cuts off")
    func objectiveRange() throws {
        let analyzed = try PageRendering.analyzed(Self.doubleWell)
        let figure = try #require(FigureBuilder.figures(for: analyzed).first { $0.fileName == "objective" })
        let diverging = figure.figure.axes[1]
        let limits = try #require(diverging.yLimits)
        #expect(limits.upperBound < 1e3, "\(limits)")
        #expect(figure.caption.contains("cut off those from -2.5 (lr 0.2) and 2.5 (lr 0.2)"), "\(figure.caption)")
    }

    @Test("A gradient tolerance in force is stated beside the residual rule")
    func everyStopRule() throws {
        let analyzed = try PageRendering.analyzed("""
            {"name": "g", "kind": "minimize", "objective": "x^4 - 4*x^2 + x", "starts": [2], "lr": [0.01],
             "tolerance": 1e-12, "gradient_tolerance": 1e-8}
            """)
        let page = ExperimentPage(result: analyzed.result, findings: analyzed.findings, figures: [], formats: ["png"]).markdown
        #expect(page.contains("| Stops when | \\|f\\| < 1e-12 or \\|f′\\| < 1e-8 after an update (converged)"))
    }

    @Test("One start reaches, several reach; a classifier right on every class has no easiest or hardest class")
    func wording() throws {
        #expect(DescentEnd.reached(2).phrase(plural: false) == "reaches 2")
        #expect(DescentEnd.reached(2).phrase(plural: true) == "reach 2")
        #expect(DescentEnd.unsettled.phrase(plural: false) == "has not settled at the iteration limit")
        let analyzed = try PageRendering.analyzed("""
            {"name": "easy", "seed": 1, "data": {"source": "blobs", "samples": 60, "centers": [[-5, -5], [5, 5]], "std": [0.3]},
             "model": [{"linear": 2}], "loss": "nll", "optimizer": {"name": "sgd", "lr": 0.5}, "training": {"epochs": 20}}
            """)
        #expect(analyzed.findings.facts["train_accuracy"]?.text == "100%")
        #expect(analyzed.findings.facts["easiest_class"]?.text == "none (every class is 100% right on the train split)")
        #expect(analyzed.findings.facts["hardest_class"]?.text == analyzed.findings.facts["easiest_class"]?.text)
    }

    @Test("Notes of an experiment without a notebook are headed Notes, not as departures from a notebook")
    func notesHeading() throws {
        let plain = try PageRendering.render("""
            {"name": "n", "seed": 1, "data": {"source": "moons", "samples": 40}, "model": [{"linear": 2}], "loss": "nll",
             "optimizer": {"name": "sgd", "lr": 0.1}, "training": {"epochs": 2}, "notes": ["Mine."]}
            """).markdown
        #expect(plain.contains("## Notes\n\n- Mine."))
        #expect(!plain.contains("differs from the notebook"))
        let seeded = try PageRendering.render("""
            {"name": "n", "notebook": "003", "seed": 1, "data": {"source": "moons", "samples": 40}, "model": [{"linear": 2}], "loss": "nll",
             "optimizer": {"name": "sgd", "lr": 0.1}, "training": {"epochs": 2}, "notes": ["Theirs."]}
            """).markdown
        #expect(seeded.contains("## Where this differs from the notebook\n\n- Theirs."))
    }

    @Test("The index sums up an experiment of many runs in one line, and lists a few runs each")
    func indexCells() throws {
        let many = try PageRendering.analyzed("""
            {"name": "many", "seed": 1, "data": {"source": "moons", "samples": 40, "split": {"test": 0.25}},
             "model": [{"linear": 2}], "loss": "nll", "optimizer": {"name": "sgd", "lr": 0.1}, "training": {"epochs": 3},
             "variants": {"a": {}, "b": {"optimizer.lr": 0.2}, "c": {"optimizer.lr": 0.3}, "d": {"optimizer.lr": 0.4},
                          "e": {"optimizer.lr": 0.5}, "f": {"optimizer.lr": 0.6}, "g": {"optimizer.lr": 0.7}, "h": {"optimizer.lr": 0.8},
                          "i": {"optimizer.lr": 1e9}}}
            """)
        let cell = IndexPage.keyResult(many.result, findings: many.findings)
        #expect(cell.hasPrefix("9 runs; best "), "\(cell)")
        #expect(cell.contains("1 of 9 runs unstable"), "\(cell)")
        #expect(cell.count <= IndexPage.longestCell)
    }

    @Test("An unknown fact gets the closest few names, not the whole list; a renamed one its new name")
    func unknownFacts() {
        let facts = (0..<300).map { "run-\($0).final_loss" } + ["best_width", "best_loss"]
        let message = AnswerCheck.message(for: "run-7.finl_loss", facts: facts)
        #expect(message.hasPrefix("no fact named \"run-7.finl_loss\" (did you mean \"run-7.final_loss\"?); the closest of the 302 facts are run-7.final_loss, "))
        #expect(message.hasSuffix("(`report --facts` lists them all)"))
        #expect(message.count < 300)
        #expect(AnswerCheck.message(for: "best_linear", facts: facts).hasPrefix("no fact named \"best_linear\" (it is now \"best_width\")"))
    }
}
