import Configuration
import Experiments
import NeuralNet
import Foundation
import Plotting

/// A classifier's confusion matrix on one split: counts, and each true class's row normalised to
/// fractions, class names on both axes, each cell's number written on it.
enum ConfusionMatrixFigure: ClassifierFigure {
    static let name = "confusion-matrix"
    static let summary = "counts and row-normalised fractions of true against predicted classes"
    struct Keys: ClassifierKeys {
        let split = ClassifiedRun.splitOption
        let run = ClassifiedRun.runOption
        let title = FigureOptions.title
    }
    static let experimentKinds: [Experiment.Kind] = [.training]

    static func make(_ analyzed: AnalyzedResult, _ options: Settings<Keys>) -> [ReportFigure] {
        guard let classified = ClassifiedRun.choose(in: analyzed.result, options: options) else { return [] }
        let counts = classified.evaluation.counts
        let classes = counts.count
        let names = classified.classNames
        let fractions = counts.map { row -> [Double] in
            let total = row.reduce(0, +)
            return row.map { total == 0 ? .nan : Double($0) / Double(total) }
        }
        let largest = Double(counts.flatMap { $0 }.max() ?? 1)
        var figure = Figure(widthInches: 13, heightInches: 6.2, columns: 2)
        figure[0, 0] = panel(values: counts.flatMap { $0.map(Double.init) }, classes: classes, names: names, range: 0...max(largest, 1),
                             title: "Counts", colorbarLabel: "rows") { "\(Int($0))" }
        figure[0, 1] = panel(values: fractions.flatMap { $0 }, classes: classes, names: names, range: 0...1,
                             title: "Each true class's row normalised", colorbarLabel: "fraction of the true class") {
            $0.isNaN ? "–" : String(format: "%.2f", $0)
        }
        let where_ = classified.describe(runs: analyzed.result.runs.count)
        let caption = "Confusion matrix on the \(where_) (\(classified.evaluation.total) rows): true class down, predicted class across"
        figure[0, 0].title = "Counts (\(where_))"
        return [ReportFigure(fileName: fileName, caption: caption, figure: figure)]
    }

    /// One matrix: cells through Blues, each with its value in black or white, whichever reads better on it.
    private static func panel(values: [Double], classes: Int, names: [String], range: ClosedRange<Double>,
                              title: String, colorbarLabel: String, text: (Double) -> String) -> Axes {
        var axes = Axes(title: title, xLabel: "predicted class", yLabel: "true class")
        guard let raster = Raster(rows: classes, columns: classes, values: values) else { return axes }
        axes.image(raster, colormap: .blues, range: range)
        axes.colorbar = Colorbar(colormap: .blues, range: range, label: colorbarLabel)
        axes.xCategories = names
        axes.yCategories = names
        axes.xLabelRotation = names.contains { $0.count > 2 } ? 45 : 0
        axes.legend = nil
        let size = classes <= 5 ? 10.0 : classes <= 10 ? 8 : 6
        let span = range.upperBound - range.lowerBound
        for row in 0..<classes {
            for column in 0..<classes {
                let value = raster[row, column]
                let fill = Colormap.blues.color(at: span > 0 ? (value - range.lowerBound) / span : 0)
                axes.annotate(text(value), x: Double(column), y: Double(row), size: size,
                              color: value.isNaN ? .black : fill.contrastingText, horizontal: 0.5)
            }
        }
        return axes
    }
}
