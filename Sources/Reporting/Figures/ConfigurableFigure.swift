import Configuration
import Experiments
import NeuralNet

/// A figure an experiment file can ask for: its name and options, the kinds of experiment it
/// belongs to, what it needs of the data, and how it is drawn from the results. Adding a figure
/// is one file that conforms and one line in `FigureCatalog.all`.
protocol ConfigurableFigure: Configurable where Keys: FigureKeys {
    /// The kinds of experiment it can be drawn for.
    static var experimentKinds: [Experiment.Kind] { get }
    /// Why it cannot be drawn for this experiment (its data, its sweep), or nil when it can.
    static func problem(for prepared: PreparedExperiment) -> String?
    /// Why it cannot be drawn with these options (a run it names that the experiment lacks).
    static func problem(for prepared: PreparedExperiment, options: Settings<Keys>) -> String?
    /// The figure's files, drawn from the analysed results.
    static func make(_ analyzed: AnalyzedResult, _ options: Settings<Keys>) -> [ReportFigure]
}

extension ConfigurableFigure {
    static func problem(for prepared: PreparedExperiment) -> String? { nil }
    static func problem(for prepared: PreparedExperiment, options: Settings<Keys>) -> String? { problem(for: prepared) }

    /// The file name of its (first) figure, without extension.
    static var fileName: String { name }

    /// The data sets of the experiment's training runs.
    static func datasets(of prepared: PreparedExperiment) -> [PreparedData] {
        Set(prepared.dataIndices.compactMap { $0 }).sorted().map { prepared.datasets[$0] }
    }

    /// `problem(for:options:)` of options made by `settings(_:)`.
    static func problem(for prepared: PreparedExperiment, values: SettingValues) -> String? { problem(for: prepared, options: checked(values)) }

    /// `make` with options made by `settings(_:)`, the file's title applied the same way to
    /// every figure (`ReportFigure.titled`).
    static func make(_ analyzed: AnalyzedResult, values: SettingValues) -> [ReportFigure] {
        let options = checked(values)
        let figures = make(analyzed, options)
        guard let title = options.title else { return figures }
        return figures.map { $0.titled(title) }
    }
}

/// The options every figure takes: its title.
protocol FigureKeys: SettingDeclarations {
    var title: SettingKey<String?> { get }
}

/// A figure request checked against its figure's declaration: the figure and its options' values.
struct ResolvedFigure: Sendable {
    /// The figure.
    let kind: any ConfigurableFigure.Type
    /// Its options (those it declares that the file gives, and the defaults), checked.
    let options: SettingValues

    /// The figure's files.
    func make(_ analyzed: AnalyzedResult) -> [ReportFigure] { kind.make(analyzed, values: options) }

    /// Why it cannot be drawn for `prepared`, or nil.
    func problem(for prepared: PreparedExperiment) -> String? { kind.problem(for: prepared, values: options) }

    /// Its options, when it is the figure `Figure`.
    func options<Figure: ConfigurableFigure>(of figure: Figure.Type) -> Settings<Figure.Keys>? {
        kind == figure ? figure.checked(options) : nil
    }
}

/// Options several figures take, declared once.
enum FigureOptions {
    static let title: SettingKey<String?> = .text("title", "the figure's title, above it (over all its panels) and first in its caption")
    static let x: SettingKey<ClosedRange<Double>?> = .interval("x", "the x range drawn, [low, high] (default: the data's)")
    static let y: SettingKey<ClosedRange<Double>?> = .interval("y", "the y range of the plane, [low, high] (default: the data's)")
    static let points: SettingKey<PointRows> = SettingKey("split", .choice(Split.allCases.map(\.rawValue) + [PointRows.every.word]), default: .every,
                                                          "whose points are drawn: " + Split.allCases.map(\.rawValue).joined(separator: ", ") + " or \(PointRows.every.word)")
    static let log: SettingKey<Bool?> = .flag("log", "a logarithmic loss axis (default: when the loss spans more than two decades)")
}

/// The rows whose points a figure draws: one split's, or every row.
enum PointRows: PlainSettingValue, Equatable {
    case split(Split)
    case every

    /// How a file names every row.
    var word: String { "all" }

    /// The split, nil for every row.
    var split: Split? {
        if case .split(let split) = self { return split }
        return nil
    }

    init?(setting value: SettingValue, kind: SettingKind) {
        guard case .text(let text) = value else { return nil }
        if text == PointRows.every.word { self = .every } else if let split = Split(rawValue: text) { self = .split(split) } else { return nil }
    }

    var plainSettingValue: SettingValue { .text(split?.rawValue ?? word) }
}
