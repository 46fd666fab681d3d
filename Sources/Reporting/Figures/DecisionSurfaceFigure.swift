import Experiments
import NeuralNet
import Plotting

/// The model's decision over the input plane, one tile per run: the probability of class 1 through
/// RdBu with its 0.5 contour (two classes), or the decided class (more), with a split's points on top.
enum DecisionSurfaceFigure: ConfigurableFigure {
    static let name = "decision-surface"
    static let summary = "one tile per run: P(class 1) through RdBu with the 0.5 contour (two classes) or the decided class (more), and a split's points"
    static let settings = [FigureOptions.x, FigureOptions.y, FigureOptions.split, FigureOptions.title]
    static let experimentKinds: [Experiment.Kind] = [.training]

    static func problem(for prepared: PreparedExperiment) -> String? {
        for data in datasets(of: prepared) {
            if data.inputWidth != 2 {
                let instead = data.inputWidth == 1 ? " (a one-input model's curve is the fit figure)" : ""
                return "a decision surface is drawn over a plane of 2 input features; this data has \(data.inputWidth) input feature\(data.inputWidth == 1 ? "" : "s")\(instead)"
            }
            if !data.isClassification { return "a decision surface shows classes; this data has real-valued targets (a regression)" }
        }
        return nil
    }

    static func make(_ analyzed: AnalyzedResult, _ request: ResolvedFigure) -> [ReportFigure] {
        let result = analyzed.result
        let runs = result.trainingRuns.filter { $0.data.inputWidth == 2 && $0.data.isClassification }
        guard !runs.isEmpty else { return [] }
        let columns = min(runs.count, 3)
        let rows = (runs.count + columns - 1) / columns
        var figure = Figure(widthInches: 6.4 * Double(columns), heightInches: 5.2 * Double(rows), rows: rows, columns: columns)
        for (index, entry) in runs.enumerated() {
            let title = runs.count == 1 ? (request.title ?? "Decision surface") : entry.run.name
            figure[index / columns, index % columns] = axes(entry, predictions: analyzed.predictions, x: request.range("x"), y: request.range("y"),
                                                            split: request.split, title: title, colorbar: true)
        }
        let split = request.split
        let caption = "Decision surface" + (runs.count > 1 ? "s, one per run" : "") + (split == "all" ? "" : " with the \(split) set")
        return [ReportFigure(fileName: request.fileName, caption: caption, figure: figure)]
    }

    /// One run's surface in an axes.
    static func axes(_ entry: TrainingEntry, predictions: PredictionCache, x: ClosedRange<Double>?, y: ClosedRange<Double>?, split: String,
                     title: String, colorbar: Bool) -> Axes {
        let classes = entry.data.classCount ?? 2
        let points = entry.data.rows(of: split)
        let plane = DecisionMesh.plane(of: entry.data.all, x: x, y: y)
        let mesh = predictions.mesh(of: entry.run, setup: entry.setup, x: plane.x, y: plane.y)
        let field = Field(columns: mesh.resolution, rows: mesh.resolution, values: mesh.values, x: plane.x, y: plane.y)
        var axes = Axes(title: title, xLabel: entry.data.featureLabel(0), yLabel: entry.data.featureLabel(1))
        if mesh.isProbability {
            axes.field(field, colormap: .rdBu, range: 0...1, alpha: 0.8)
            axes.contour(field, level: 0.5, color: .black, width: 1.5, label: boundaryLabel(entry))
            if colorbar { axes.colorbar = Colorbar(colormap: .rdBu, range: 0...1, label: "P(class 1)") }
        } else {
            axes.field(field, colormap: ClassColors.surfaceColormap(classes: classes), range: 0...Double(max(classes - 1, 1)), alpha: 0.35)
            for level in 0..<(classes - 1) { axes.contour(field, level: Double(level) + 0.5, color: .black, width: 1) }
        }
        let labels = points.targets.elements
        for label in 0..<classes {
            let rows = labels.indices.filter { Int(labels[$0]) == label }
            axes.scatter(rows.map { points.inputs[$0, 0] }, rows.map { points.inputs[$0, 1] },
                         color: ClassColors.color(label, classes: classes), size: 18, edge: .black, label: "class \(label)")
        }
        axes.xLimits = plane.x
        axes.yLimits = plane.y
        return axes
    }

    /// "w·x + b = 0: …" for a one-unit linear model, else "P = 0.5".
    private static func boundaryLabel(_ entry: TrainingEntry) -> String {
        guard let (weights, bias) = TrainingAnalysis.linearModel(entry.setup, parameters: entry.training.finalParameters) else { return "P = 0.5" }
        return TrainingAnalysis.boundaryEquation(weights: weights, bias: bias, standardized: false)
    }
}
