import Experiments
import Foundation
import Testing
@testable import Plotting
@testable import Reporting

/// Every figure type the catalog has is drawn by a test that reads its pixels back: the student
/// corpus draws most of them (`StudentCorpusTests`), the shipped digits experiment the image and
/// class figures. Each figure is checked series by series (`FigurePixels`): its lines, markers,
/// bars, images and fields are where their data maps, in their colours.
@Suite("Every figure type drawn and read back")
struct FigureTypeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The figures the digits experiment draws for this suite.
    static let digitsFigures = ["samples", "confusion-matrix", "class-accuracy", "mistakes"]
    /// The share of a series' sampled points that must be found as drawn, by kind: a legend may
    /// cover a few points of a line, and markers overlap where points crowd.
    static let required: [String: Double] = ["line": 0.8, "scatter": 0.7, "bar": 1, "image": 0.95, "field": 0.8,
                                             "horizontal line": 0.7, "vertical line": 0.7]

    /// Checks that `figure`'s series are drawn where their data maps, and that something was checked.
    static func expectDrawnAsData(_ figure: ReportFigure, in experiment: String) throws {
        let checks = try FigurePixels(figure).checks()
        #expect(checks.contains { $0.sampled > 0 }, "\(experiment)/\(figure.fileName): no series could be checked")
        for check in checks where check.sampled > 0 {
            #expect(check.share >= required[check.kind, default: 1], "\(experiment)/\(figure.fileName): \(check)")
            if check.share < required[check.kind, default: 1], let folder = ProcessInfo.processInfo.environment["FIGURE_PIXELS_KEEP"] {
                try figure.figure.render(to: "\(folder)/\(experiment)-\(figure.fileName).png", format: .png)
            }
        }
    }

    @Test("The corpus and the digits experiment draw every figure type between them")
    func coverage() throws {
        let corpus = try StudentCorpusTests.files().map { try Experiment.load(path: $0) }
        let drawn = Set(corpus.flatMap { $0.figures.map(\.type) } + Self.digitsFigures)
        #expect(drawn == Set(FigureCatalog.all.map { $0.name }), "not drawn by a pixel test: \(Set(FigureCatalog.all.map { $0.name }).subtracting(drawn).sorted())")
    }

    @Test("The checks fail for a figure whose lines, bars or cells are drawn from other data")
    func checksCanFail() throws {
        let experiment = try Experiment.load(path: Self.root.appendingPathComponent("experiments/digits-mlp.json").path)
        let analyzed = try AnalyzedResult(ExperimentRunner.run([try PreparedExperiment(experiment)], jobs: 2)[0])
        for name in ["history", "class-accuracy", "confusion-matrix", "samples"] {
            let drawn = try #require(FigureBuilder.figures(for: analyzed).first { $0.fileName == name })
            var other = drawn
            for index in other.figure.axes.indices {
                other.figure.axes[index].series = other.figure.axes[index].series.map { series in
                    var changed = series
                    switch series.style {
                    case .image(let raster, let colormap, let range):
                        let values = raster.values.map { range.upperBound + range.lowerBound - $0 }
                        changed.style = .image(Raster(rows: raster.rows, columns: raster.columns, values: values)!, colormap: colormap, range: range)
                    default:
                        changed.y = series.y.reversed()
                    }
                    return changed
                }
            }
            let checks = try FigurePixels(other, drawn: drawn).checks().filter { $0.sampled > 0 }
            #expect(checks.contains { $0.share < Self.required[$0.kind, default: 1] }, "\(name): \(checks)")
            #expect(try FigurePixels(drawn).checks().allSatisfy { $0.sampled == 0 || $0.share >= Self.required[$0.kind, default: 1] })
        }
    }

    @Test("The digits' samples, confusion matrix, class accuracies and mistakes show their data")
    func digits() throws {
        let experiment = try Experiment.load(path: Self.root.appendingPathComponent("experiments/digits-mlp.json").path)
        let analyzed = try AnalyzedResult(ExperimentRunner.run([try PreparedExperiment(experiment)], jobs: 2)[0])
        let figures = FigureBuilder.figures(for: analyzed).filter { Self.digitsFigures.contains($0.fileName) }
        #expect(figures.map(\.fileName).sorted() == Self.digitsFigures.sorted())
        for figure in figures { try Self.expectDrawnAsData(figure, in: "digits-mlp") }
        // The grids hold as many pictures as they promise.
        let samples = try #require(figures.first { $0.fileName == "samples" })
        #expect(samples.figure.axes.filter { !$0.isBlank }.count == 24)
        let mistakes = try #require(figures.first { $0.fileName == "mistakes" })
        let made = analyzed.result.trainingRuns[0].training.history.classEvaluations.first { $0.split == .test }?.mistakes.count ?? 0
        #expect(mistakes.figure.axes.filter { !$0.isBlank }.count == min(16, made))
    }
}
