import Experiments
import Plotting

/// A figure of the report: the file name it is saved under, its caption and the drawing.
public struct ReportFigure: Sendable {
    /// The file name without extension ("decision-surface", "panel-long").
    public var fileName: String
    /// The caption under it in the report.
    public var caption: String
    /// The figure.
    public var figure: Figure
}

extension ReportFigure {
    /// The figure with `title`: the title of its one plot, or above its panels when it has
    /// several, and the caption's first sentence.
    func titled(_ title: String) -> ReportFigure {
        var titled = self
        let drawn = figure.axes.indices.filter { !figure.axes[$0].isBlank }
        if drawn.count == 1 { titled.figure.axes[drawn[0]].title = title } else { titled.figure.title = title }
        titled.caption = title.hasSuffix(".") ? "\(title) \(caption)" : "\(title). \(caption)"
        return titled
    }
}

/// Draws every figure an experiment asks for from its results.
public enum FigureBuilder {
    /// The figures of `analyzed`, in the order the file lists them.
    public static func figures(for analyzed: AnalyzedResult) -> [ReportFigure] {
        analyzed.figures.flatMap { $0.make(analyzed) }
    }
}

/// Colours shared by the figures, so a class looks the same everywhere.
enum ClassColors {
    /// Class k's colour: red and blue for two classes (the ends of RdBu, as the notebooks draw them), tab10 otherwise.
    static func color(_ label: Int, classes: Int) -> Color {
        if classes <= 2 { return label == 0 ? Colormap.rdBu.color(at: 0.08) : Colormap.rdBu.color(at: 0.92) }
        return Color.tab10[label % Color.tab10.count]
    }

    /// The colormap a surface of `classes` class indices is painted with.
    static func surfaceColormap(classes: Int) -> Colormap {
        Colormap(name: "classes", anchors: (0..<max(classes, 2)).map { color($0, classes: classes) })
    }
}

/// A training run with what its figures and tables need: its result, its setup and its data.
typealias TrainingEntry = (run: RunResult, training: TrainingResult, setup: TrainingSetup, data: PreparedData)

extension ExperimentResult {
    /// The training runs that produced a result, with their setups and data.
    var trainingRuns: [TrainingEntry] {
        runs.compactMap { run in
            guard let training = run.training, let setup = run.trainingSetup else { return nil }
            return (run, training, setup, prepared.datasets[training.dataIndex])
        }
    }
}

extension PreparedData {
    /// Input `index`'s name on an axis: its column name when the file has one (else x₁, x₂, …),
    /// with "(standardised)" when the run standardises its inputs.
    func featureLabel(_ index: Int) -> String {
        let name = featureNames.flatMap { index < $0.count ? $0[index] : nil } ?? "x" + (index + 1).subscriptText
        return standardizer == nil ? name : name + " (standardised)"
    }
}
