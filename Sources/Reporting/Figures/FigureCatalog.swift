import Experiments
import NeuralNet

/// Every figure an experiment can ask for, and how a file's requests are checked and read.
public enum FigureCatalog {
    /// The figures, in the order the documentation lists them.
    static let all: [any ConfigurableFigure.Type] = [
        DatasetFigure.self,
        HistoryFigure.self,
        PanelFigure.self,
        DecisionSurfaceFigure.self,
        FitFigure.self,
        ExtrapolationFigure.self,
        SweepFigure.self,
        PathsFigure.self,
        ObjectiveFigure.self,
        BasinsFigure.self,
        SamplesFigure.self,
        ConfusionMatrixFigure.self,
        ClassAccuracyFigure.self,
        MistakesFigure.self,
    ]

    /// The figure named `name`.
    static func figure(named name: String) -> (any ConfigurableFigure.Type)? {
        all.first { $0.name == name }
    }

    /// The request checked: a figure of the experiment's kind, with options it takes.
    static func resolve(_ request: FigureRequest, in experiment: Experiment) throws(SpecError) -> ResolvedFigure {
        let reader = SpecReader(.object(request.options), file: experiment.file, path: "figures[\(request.index)]", locations: experiment.locations)
        let names = all.filter { $0.experimentKinds.contains(experiment.kind) }.map { $0.name }
        guard let kind = figure(named: request.type), names.contains(request.type) else {
            let hint = DidYouMean.suggestion(for: request.type, among: names).map { " (did you mean \"\($0)\"?)" } ?? ""
            throw reader.error("expected one of \(names.joined(separator: ", ")), got \"\(request.type)\"\(hint)")
        }
        return ResolvedFigure(kind: kind, options: try reader.settings(of: kind))
    }

    /// Every figure request of `experiment` that names no figure of its kind, or gives options the
    /// figure does not take: found when the file is read, before its data is made.
    public static func problems(in experiment: Experiment) -> [SpecError] {
        var problems: [SpecError] = []
        for request in experiment.figures {
            do { _ = try resolve(request, in: experiment) } catch { problems.append(error) }
        }
        return problems
    }

    /// Every figure of `prepared` that cannot be drawn for its data or its runs.
    static func dataProblems(in prepared: PreparedExperiment) -> [SpecError] {
        let experiment = prepared.experiment
        return experiment.figures.compactMap { request in
            // A request `resolve` refuses is reported by `problems(in:)`, which runs first.
            guard let resolved = try? resolve(request, in: experiment),
                  let problem = resolved.problem(for: prepared) else { return nil }
            return SpecReader(.null, file: experiment.file, path: "figures[\(request.index)]", locations: experiment.locations).error(problem)
        }
    }
}
