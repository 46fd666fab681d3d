import Experiments
import NeuralNet

/// A figure an experiment file can ask for: its name and options, the kinds of experiment it
/// belongs to, what it needs of the data, and how it is drawn from the results. Adding a figure
/// is one file that conforms and one line in `FigureCatalog.all`.
protocol ConfigurableFigure: Configurable {
    /// The kinds of experiment it can be drawn for.
    static var experimentKinds: [Experiment.Kind] { get }
    /// Why it cannot be drawn for this experiment (its data, its sweep), or nil when it can.
    static func problem(for prepared: PreparedExperiment) -> String?
    /// Why it cannot be drawn with these options (a run it names that the experiment lacks).
    static func problem(for prepared: PreparedExperiment, options: SettingValues) -> String?
    /// The figure's files, drawn from the analysed results.
    static func make(_ analyzed: AnalyzedResult, _ figure: ResolvedFigure) -> [ReportFigure]
}

extension ConfigurableFigure {
    static func problem(for prepared: PreparedExperiment) -> String? { nil }
    static func problem(for prepared: PreparedExperiment, options: SettingValues) -> String? { problem(for: prepared) }

    /// The data sets of the experiment's training runs.
    static func datasets(of prepared: PreparedExperiment) -> [PreparedData] {
        Set(prepared.dataIndices.compactMap { $0 }).sorted().map { prepared.datasets[$0] }
    }
}

/// A figure request checked against its figure's declaration: the figure and its options' values.
struct ResolvedFigure: Sendable {
    /// The figure.
    let kind: any ConfigurableFigure.Type
    /// Its options (those it declares that the file gives, and the defaults).
    let options: SettingValues

    /// The file name, without extension.
    var fileName: String { kind.name }

    /// A title the file gives instead of the default.
    var title: String? { options.text("title") }

    /// The range of option `key` (`x`, `y`), when the file gives one.
    func range(_ key: String) -> ClosedRange<Double>? {
        let values = options.numbers(key)
        return values.count == 2 ? values[0]...values[1] : nil
    }

    /// Whether the loss axis is logarithmic, when the file says.
    var logarithmic: Bool? { options["log"] == nil ? nil : options.flag("log") }

    /// The split whose points are drawn.
    var split: String { options.text("split") ?? "all" }
}

/// Options several figures take, declared once.
enum FigureOptions {
    static let title = Setting("title", .text, default: nil, required: false, "a title instead of the default")
    static let x = Setting("x", .interval, default: nil, required: false, "the x range drawn, [low, high] (default: the data's)")
    static let y = Setting("y", .interval, default: nil, required: false, "the y range of the plane, [low, high] (default: the data's)")
    static let split = Setting("split", .choice(["train", "validation", "test", "all"]), default: .text("all"),
                               "whose points are drawn: train, validation, test or all")
    static let log = Setting("log", .flag, default: nil, required: false,
                             "a logarithmic loss axis (default: when the loss spans more than two decades)")
}
