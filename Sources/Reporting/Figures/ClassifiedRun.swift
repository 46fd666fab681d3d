import Configuration
import Experiments
import NeuralNet

/// A classifier run's decisions on one split, with the names its figures label the classes by:
/// what the confusion-matrix, class-accuracy and mistakes figures share.
struct ClassifiedRun {
    let entry: TrainingEntry
    let evaluation: ClassEvaluation

    /// The data the run trained on.
    var data: PreparedData { entry.data }

    /// Class k's name: the data's own, else its index.
    var classNames: [String] { (0..<evaluation.counts.count).map { data.className($0) } }

    /// "test split of run lr 0.1", or "test split" for an experiment of one run.
    func describe(runs: Int) -> String {
        "\(evaluation.split) split" + (runs > 1 ? " of run \(entry.run.name)" : "")
    }

    /// The option naming the split shown.
    static let splitOption: SettingKey<Split?> = .choice("split", "the split whose decisions are shown (default: "
                                                         + Split.heldOutFirst.map(\.rawValue).joined(separator: ", else ") + ")")
    /// The option naming the run shown.
    static let runOption: SettingKey<String?> = .text("run", "the run shown, by name (default: the most accurate on the split)")

    /// Why a class figure cannot be drawn: data that is not classes, or a run the experiment lacks.
    static func problem<Keys: ClassifierKeys>(for prepared: PreparedExperiment, options: Settings<Keys>) -> String? {
        let runs = prepared.experiment.runs.filter { if case .training = $0.setup { true } else { false } }
        if runs.isEmpty { return "it shows a trained classifier's decisions; this experiment trains no network" }
        for index in prepared.dataIndices.compactMap({ $0 }) where !prepared.datasets[index].isClassification {
            return "it shows a classifier's decisions by class; this data has real-valued targets (a regression)"
        }
        if let name = options.run, !runs.contains(where: { $0.name == name }) {
            let hint = DidYouMean.suggestion(for: name, among: runs.map(\.name)).map { " (did you mean \"\($0)\"?)" } ?? ""
            return "no run is named \"\(name)\"\(hint); the runs are \(runs.map { "\"\($0.name)\"" }.joined(separator: ", "))"
        }
        return nil
    }

    /// The run and split `request` asks for (the defaults when it does not say); nil when no run
    /// has an evaluation of that split (every run diverged).
    static func choose<Keys: ClassifierKeys>(in result: ExperimentResult, options: Settings<Keys>) -> ClassifiedRun? {
        let named = options.run
        let entries = result.trainingRuns.filter { named == nil || $0.run.name == named }
        let split = options.split ?? Split.heldOutFirst.first { name in
            entries.contains { entry in entry.training.history.classEvaluations.contains { $0.split == name } }
        }
        let candidates = entries.compactMap { entry in
            entry.training.history.classEvaluations.first { $0.split == split }.map { ClassifiedRun(entry: entry, evaluation: $0) }
        }
        // The most accurate run; the first of the file's order on ties.
        return candidates.enumerated().max { left, right in
            let (a, b) = (left.element.accuracy, right.element.accuracy)
            return a != b ? a < b : left.offset > right.offset
        }?.element
    }

    /// The fraction of the split decided right.
    var accuracy: Double {
        let total = evaluation.total
        return total == 0 ? 0 : Double(evaluation.counts.indices.reduce(0) { $0 + evaluation.counts[$1][$1] }) / Double(total)
    }
}

/// A figure of a classifier's decisions by class: it takes the split and run options and is
/// refused for data that is not classes or a run the experiment lacks.
protocol ClassifierFigure: ConfigurableFigure where Keys: ClassifierKeys {}

/// The options of a classifier figure: the split and the run shown.
protocol ClassifierKeys: FigureKeys {
    var split: SettingKey<Split?> { get }
    var run: SettingKey<String?> { get }
}

extension ClassifierFigure {
    static func problem(for prepared: PreparedExperiment, options: Settings<Keys>) -> String? {
        ClassifiedRun.problem(for: prepared, options: options)
    }
}
