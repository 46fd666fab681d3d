import Experiments
import Foundation
import Testing
import Plotting
@testable import Reporting

/// Which figure files a page shows and links, whatever `--format` asks for.
@Suite("Figure formats on pages")
struct FigureFormatTests {
    static let experiment = """
    {"name": "tiny", "seed": 2, "data": {"source": "moons", "samples": 40, "noise": 0.1, "split": {"test": 0.25}},
     "model": [{"linear": 4}, {"activation": "relu"}, {"linear": 1}, {"activation": "sigmoid"}],
     "loss": "bce", "optimizer": {"name": "sgd", "lr": 0.1}, "training": {"epochs": 3}, "figures": ["history"]}
    """

    @Test("SVG alone is shown inline; PNG is preferred when both are written; PDF is only linked", arguments: [
        (["svg"], "![Loss and accuracy by epoch](figures/history.svg)", [String]()),
        (["png", "pdf", "svg"], "![Loss and accuracy by epoch](figures/history.png)", ["[PDF](figures/history.pdf)", "[SVG](figures/history.svg)"]),
        (["pdf"], nil, ["[PDF](figures/history.pdf)"]),
    ] as [([String], String?, [String])])
    func inline(formats: [String], image: String?, links: [String]) throws {
        let page = try PageRendering.render(Self.experiment, formats: formats).markdown
        if let image { #expect(page.contains(image)) } else { #expect(!page.contains("![")) }
        for link in links { #expect(page.contains(link)) }
        #expect(!page.contains("[SVG](figures/history.svg)") || formats.contains("png"))
    }
}

/// The basin map's rows are labelled by the learning rates themselves.
@Suite("Basin map")
struct BasinMapTests {
    @Test("The y axis names exactly the rates, lowest at the bottom, with no decades beyond them")
    func rateRows() throws {
        let file = """
        {"name": "basins", "kind": "minimize", "objective": "(x^2 - 5*x + 4)^2", "residual": "x^2 - 5*x + 4",
         "starts": [0, 3], "lr": [0.1, 0.001, 0.01], "basins": {"range": [-1, 6], "count": 15}, "figures": ["basins"]}
        """
        let figure = try #require(PageRendering.figures(file).first { $0.fileName == "basins" })
        let axes = figure.figure.axes[0]
        #expect(axes.yScale == .linear)
        #expect(axes.yCategories == ["0.001", "0.01", "0.1"])
        let rows = Set(axes.series.flatMap(\.y))
        #expect(rows == [0, 1, 2])
    }
}

/// The training panel fits the panels a run has.
@Suite("Training panel")
struct TrainingPanelTests {
    static func panel(_ file: String) throws -> Figure {
        try #require(PageRendering.figures(file).first).figure
    }

    @Test("A regression's panel is loss and weight norms side by side, with no empty cell", arguments: [
        (#"{"source": "function", "formula": "sin(x)", "range": [-2, 2], "samples": 40, "noise": 0.1}"#, "mse", 1, 2),
        (#"{"source": "moons", "samples": 40, "noise": 0.1, "split": {"test": 0.25}}"#, "bce", 2, 2),
    ])
    func cells(data: String, loss: String, rows: Int, columns: Int) throws {
        let output = loss == "bce" ? #", {"activation": "sigmoid"}"# : ""
        let figure = try Self.panel("""
        {"name": "panel", "seed": 1, "data": \(data), "model": [{"linear": 4}, {"activation": "tanh"}, {"linear": 1}\(output)],
         "loss": "\(loss)", "optimizer": {"name": "sgd", "lr": 0.1}, "training": {"epochs": 3}, "figures": ["panel"]}
        """)
        #expect(figure.rows == rows && figure.columns == columns)
        #expect(figure.axes.allSatisfy { !$0.isBlank && !$0.series.isEmpty })
    }
}

/// A history of more runs than tab10 has colours.
@Suite("History of many runs")
struct ManyRunHistoryTests {
    @Test("22 runs: 22 distinct colours from viridis, a colour bar of run numbers, no legend to cut short")
    func distinctColours() throws {
        let figure = try TrainingPanelTests.panel("""
        {"name": "many", "seed": 1, "data": {"source": "moons", "samples": 40, "noise": 0.1, "split": {"test": 0.25}},
         "model": [{"linear": 4}, {"activation": "tanh"}, {"linear": 1}, {"activation": "sigmoid"}],
         "loss": "bce", "optimizer": {"name": "sgd", "lr": 0.1}, "training": {"epochs": 2},
         "sweep": {"optimizer.lr": {"logspace": [-3, 0, 22]}}, "figures": ["history"]}
        """)
        let loss = figure.axes[0]
        #expect(loss.series.count == 22)
        #expect(Set(loss.series.compactMap(\.color)).count == 22)
        #expect(loss.legend == nil && figure.axes[1].legend == nil)
        // Coloured by the swept rate, on a log bar from 10⁻³ to 1, as the rates were made.
        let bar = try #require(figure.axes[1].colorbar)
        #expect(bar.label == "lr" && bar.scale == .log)
        #expect(abs(bar.range.lowerBound - 0.001) < 1e-15 && abs(bar.range.upperBound - 1) < 1e-12)
        #expect(loss.series.first?.color == Colormap.viridis.color(at: 0) && loss.series.last?.color == Colormap.viridis.color(at: 1))
    }

    @Test("Many runs that are not one sweep: a colour bar of run numbers")
    func runNumbers() throws {
        let variants = (1...12).map { "\"v\($0)\": {\"optimizer.lr\": \(Double($0) / 100)}" }.joined(separator: ", ")
        let figure = try TrainingPanelTests.panel("""
        {"name": "many", "seed": 1, "data": {"source": "moons", "samples": 40, "noise": 0.1},
         "model": [{"linear": 4}, {"activation": "tanh"}, {"linear": 1}, {"activation": "sigmoid"}],
         "loss": "bce", "optimizer": {"name": "sgd", "lr": 0.1}, "training": {"epochs": 2},
         "variants": {\(variants)}, "figures": ["history"]}
        """)
        let bar = try #require(figure.axes[1].colorbar)
        #expect(bar.label == "run" && bar.range == 1...12 && bar.integerTicks && bar.scale == .linear)
    }
}

/// The extrapolation figure of data read from a file, which has no formula.
@Suite("Extrapolation of file data")
struct ExtrapolationTests {
    @Test("The training range is marked and the data drawn, as the caption says, when there is no formula")
    func fileData() throws {
        let rows = (0..<20).map { index in "\(Double(index) / 10),\(Double(index * index) / 100)" }
        let figures = try PageRendering.figures("""
        {"name": "file-fit", "seed": 1, "data": {"source": "csv", "path": "points.csv", "label": "y"},
         "model": [{"linear": 4}, {"activation": "tanh"}, {"linear": 1}], "loss": "mse",
         "optimizer": {"name": "sgd", "lr": 0.1}, "training": {"epochs": 3}, "figures": ["extrapolation"]}
        """, files: ["points.csv": "x,y\n" + rows.joined(separator: "\n") + "\n"])
        let figure = try #require(figures.first)
        let series = figure.figure.axes[0].series
        let lines = series.compactMap { series -> Double? in
            if case .verticalLine = series.style { return series.x.first } else { return nil }
        }
        #expect(lines == [0, 1.9])
        #expect(series.contains { $0.label == "data" })
        #expect(figure.caption.contains("grey lines mark the training range"))
    }
}

/// Minimisation figures of an objective that goes below zero.
@Suite("Double-well figures")
struct DoubleWellFigureTests {
    @Test("The objective figure is linear when f < 0 and keeps every path; the paths figure shows the minima")
    func belowZero() throws {
        let figures = try PageRendering.figures("""
        {"name": "well", "kind": "minimize", "objective": "x^4 - 3*x^2 + x", "starts": [-2, 2], "lr": [0.01, 0.1],
         "gradient_tolerance": 1e-6, "figures": ["paths", "objective"]}
        """)
        let objective = try #require(figures.first { $0.fileName == "objective" }).figure
        for axes in objective.axes {
            #expect(axes.yScale == .linear)
            #expect(axes.series.count == 2 && axes.series.allSatisfy { $0.y.contains { $0 < -1 } })
        }
        let paths = try #require(figures.first { $0.fileName == "paths" }).figure
        for axes in paths.axes {
            let limits = try #require(axes.yLimits)
            #expect(limits.lowerBound < -3.514 && limits.upperBound > 50)
        }
    }
}

/// Facts of a one-unit linear model.
@Suite("Linear model facts")
struct LinearModelFactTests {
    @Test("A regression's linear model has w and b but no decision boundary; a classifier's has one")
    func boundaryOnlyForClasses() throws {
        let regression = try PageRendering.render("""
        {"name": "line", "seed": 1, "data": {"source": "function", "formula": "2*x + 1", "range": [-1, 1], "samples": 30, "noise": 0.01},
         "model": [{"linear": 1}], "loss": "mse", "optimizer": {"name": "sgd", "lr": 0.1}, "training": {"epochs": 5}}
        """)
        #expect(regression.findings.facts["w"] != nil && regression.findings.facts["b"] != nil)
        #expect(regression.findings.facts["boundary"] == nil)
        #expect(!regression.markdown.contains("boundary"))
        let classifier = try PageRendering.render("""
        {"name": "logreg", "seed": 1, "data": {"source": "gaussians"},
         "model": [{"linear": 1}, {"activation": "sigmoid"}], "loss": "bce", "optimizer": {"name": "sgd", "lr": 0.1}, "training": {"epochs": 5}}
        """)
        #expect(classifier.findings.facts["boundary"] != nil)
    }
}

/// A CSV file's column names on the page and in the figures.
@Suite("Feature names")
struct FeatureNameTests {
    @Test("The columns name the setup's features and the axes of the data and decision-surface figures")
    func csvColumns() throws {
        let rows = (0..<24).map { index in "\(Double(index % 6) / 2),\(Double(index / 6)),\(index % 2)" }
        let files = ["flowers.csv": "petal width,petal length,kind\n" + rows.joined(separator: "\n") + "\n"]
        let experiment = """
        {"name": "flowers", "seed": 1, "data": {"source": "csv", "path": "flowers.csv", "label": "kind"},
         "model": [{"linear": 4}, {"activation": "tanh"}, {"linear": 1}, {"activation": "sigmoid"}], "loss": "bce",
         "optimizer": {"name": "sgd", "lr": 0.1}, "training": {"epochs": 2}, "figures": ["dataset", "decision-surface"]}
        """
        let figures = try PageRendering.figures(experiment, files: files)
        for figure in figures {
            #expect(figure.figure.axes[0].xLabel == "petal width", "\(figure.fileName)")
            #expect(figure.figure.axes[0].yLabel == "petal length", "\(figure.fileName)")
        }
        #expect(figures.count == 2)
    }
}

/// Probe tables of long runs.
@Suite("Probe tables")
struct ProbeTableTests {
    @Test("Evenly spaced records, first and last kept, at most the limit")
    func thinning() {
        #expect(ExperimentPage.evenlySpaced(5, limit: 12) == [0, 1, 2, 3, 4])
        let indices = ExperimentPage.evenlySpaced(81, limit: 12)
        #expect(indices.count == 12 && indices.first == 0 && indices.last == 80)
        #expect(Set(indices).count == 12 && indices == indices.sorted())
    }

    @Test("A run of 80 recorded epochs lists 25 rows and says the rest are in results.json")
    func page() throws {
        let page = try PageRendering.render("""
        {"name": "probes", "seed": 1, "data": {"source": "function", "formula": "x^2", "range": [-1, 1], "samples": 30, "noise": 0.01},
         "model": [{"linear": 4}, {"activation": "tanh"}, {"linear": 1}], "loss": "mse", "optimizer": {"name": "sgd", "lr": 0.1},
         "training": {"epochs": 80, "probes": [0.5, 2]}}
        """).markdown
        #expect(page.contains("(25 of the 81 records; results.json has every one)"))
        // The table after that line: a header, its rule, 25 epochs and the truth.
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("Predictions at the probe points") })
        let table = lines[(start + 2)...].prefix { $0.hasPrefix("|") }
        #expect(table.count == 28)
        let epochs = table.dropFirst(2).dropLast().map { $0.split(separator: "|")[0].trimmingCharacters(in: .whitespaces) }
        #expect(epochs.first == "0" && epochs.last == "80" && epochs.count == 25)
        #expect(table.last?.hasPrefix("| truth") == true)
    }
}
