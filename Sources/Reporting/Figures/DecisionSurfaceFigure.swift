import Configuration
import Experiments
import NeuralNet
import Plotting

/// The model's decision over the input plane, one tile per run: the probability of class 1 through
/// RdBu with its 0.5 contour (two classes), or the decided class (more), with a split's points on top.
enum DecisionSurfaceFigure: ConfigurableFigure {
    static let name = "decision-surface"
    static let summary = "one tile per run: P(class 1) through RdBu with the 0.5 contour (two classes) or the decided class (more), and a split's points"
    static let features: SettingKey<FeatureChoice?> = SettingKey("features", .either([.integers(minimum: 1), .texts]),
                                                                 "the plane's two input features, by number from 1 or by name, when the data has more than two; "
                                                                 + "the others are held at their mean over the training rows")

    /// `features`: input features by number from 1, or by name.
    enum FeatureChoice: PlainSettingValue {
        case numbers([Int])
        case names([String])

        init?(setting value: SettingValue, kind: SettingKind) {
            if let numbers = [Int](setting: value, kind: .integers(minimum: 1)) {
                self = .numbers(numbers)
            } else if let names = [String](setting: value, kind: .texts) {
                self = .names(names)
            } else {
                return nil
            }
        }

        var plainSettingValue: SettingValue {
            switch self {
            case .numbers(let numbers): numbers.plainSettingValue
            case .names(let names): names.plainSettingValue
            }
        }
    }
    struct Keys: FigureKeys {
        let x = FigureOptions.x
        let y = FigureOptions.y
        let features = DecisionSurfaceFigure.features
        let split = FigureOptions.points
        let title = FigureOptions.title
    }
    static let experimentKinds: [Experiment.Kind] = [.training]

    static func problem(for prepared: PreparedExperiment, options: Settings<Keys>) -> String? {
        for data in datasets(of: prepared) {
            if data.inputWidth == 1 {
                return "a decision surface is drawn over a plane of 2 input features; this data has 1 input feature (a one-input model's curve is the fit figure)"
            }
            if !data.isClassification { return "a decision surface shows classes; this data has real-valued targets (a regression)" }
            if case .failure(let problem) = plane(options, data: data) { return problem.message }
        }
        return nil
    }

    /// Why a plane cannot be drawn.
    struct PlaneProblem: Error { let message: String }

    /// The plane `options` choose through `data`: its `features`, or the data's two inputs.
    static func plane(_ options: Settings<Keys>, data: PreparedData) -> Result<InputPlane, PlaneProblem> {
        let names = data.featureNames ?? []
        let chosen: [Int]
        switch options.features {
        case .names(let texts):
            var columns: [Int] = []
            for name in texts {
                guard let column = names.firstIndex(of: name) else {
                    let known = names.isEmpty ? "this data's features have no names; give their numbers, from 1 to \(data.inputWidth)"
                        : "its features are \(names.map { "\"\($0)\"" }.joined(separator: ", "))"
                    return .failure(PlaneProblem(message: "features: no input feature is named \"\(name)\"; \(known)"))
                }
                columns.append(column)
            }
            chosen = columns
        case .numbers(let numbers):
            chosen = numbers.map { $0 - 1 }
            if let outside = chosen.first(where: { $0 >= data.inputWidth }) {
                return .failure(PlaneProblem(message: "features: \(outside + 1) is not a feature; this data has \(data.inputWidth), numbered from 1"))
            }
        case nil:
            if data.inputWidth == 2 { return .success(.twoInputs) }
            let example = names.count >= 2 ? "[\"\(names[0])\", \"\(names[1])\"]" : "[1, 2]"
            return .failure(PlaneProblem(message: "this data has \(data.inputWidth) input features and a surface shows 2: choose them with "
                + "\"features\": \(example) (the others are held at their training mean)"))
        }
        guard chosen.count == 2, chosen[0] != chosen[1] else {
            return .failure(PlaneProblem(message: "features: expected two different features, got \(chosen.count == 2 ? "the same one twice" : "\(chosen.count)")"))
        }
        return .success(data.inputWidth == 2 && chosen == [0, 1] ? .twoInputs : InputPlane(x: chosen[0], y: chosen[1], data: data))
    }

    static func make(_ analyzed: AnalyzedResult, _ options: Settings<Keys>) -> [ReportFigure] {
        let result = analyzed.result
        // A plane that cannot be drawn was refused before training (`problem(for:options:)`); here it only leaves a run out.
        let runs = result.trainingRuns.filter { $0.data.isClassification && (try? plane(options, data: $0.data).get()) != nil }
        guard let first = runs.first, let features = try? plane(options, data: first.data).get() else { return [] }
        let columns = min(runs.count, 3)
        let rows = (runs.count + columns - 1) / columns
        var figure = Figure(widthInches: 6.4 * Double(columns), heightInches: 5.2 * Double(rows), rows: rows, columns: columns)
        for (index, entry) in runs.enumerated() {
            let title = runs.count == 1 ? ("Decision surface") : entry.run.name
            let features = (try? plane(options, data: entry.data).get()) ?? features
            figure[index / columns, index % columns] = axes(entry, predictions: analyzed.predictions, x: options.x, y: options.y,
                                                            features: features, split: options.split.split, title: title, colorbar: true)
        }
        let split = options.split.split
        var caption = "Decision surface" + (runs.count > 1 ? "s, one per run" : "") + (split.map { " with the \($0.rawValue) set" } ?? "")
        if features.heldFeatures > 0 {
            let held = features.heldFeatures
            caption += ", over \(first.data.featureLabel(features.x)) and \(first.data.featureLabel(features.y)) with the other \(held) feature\(held == 1 ? "" : "s") "
                + "held at \(held == 1 ? "its" : "their") mean over the training rows (the points are projected onto the plane)"
        }
        return [ReportFigure(fileName: fileName, caption: caption, figure: figure)]
    }

    /// One run's surface in an axes.
    static func axes(_ entry: TrainingEntry, predictions: PredictionCache, x: ClosedRange<Double>?, y: ClosedRange<Double>?,
                     features: InputPlane = .twoInputs, split: Split?, title: String, colorbar: Bool) -> Axes {
        let classes = entry.data.classCount ?? 2
        let points = entry.data.rows(of: split)
        let plane = DecisionMesh.plane(of: entry.data.all, x: x, y: y, features: features)
        let mesh = predictions.mesh(of: entry.run, setup: entry.setup, x: plane.x, y: plane.y, features: features)
        let field = Field(columns: mesh.resolution, rows: mesh.resolution, values: mesh.values, x: plane.x, y: plane.y)
        var axes = Axes(title: title, xLabel: entry.data.featureLabel(features.x), yLabel: entry.data.featureLabel(features.y))
        if mesh.isProbability {
            axes.field(field, colormap: .rdBu, range: 0...1, alpha: 0.8)
            axes.contour(field, level: 0.5, color: .black, width: 1.5, label: boundaryLabel(entry))
            if colorbar { axes.colorbar = Colorbar(colormap: .rdBu, range: 0...1, label: "P(\(entry.data.classLabel(1)))") }
        } else {
            axes.field(field, colormap: ClassColors.surfaceColormap(classes: classes), range: 0...Double(max(classes - 1, 1)), alpha: 0.35)
            for level in 0..<(classes - 1) { axes.contour(field, level: Double(level) + 0.5, color: .black, width: 1) }
        }
        let labels = points.targets.elements
        for label in 0..<classes {
            let rows = labels.indices.filter { Int(labels[$0]) == label }
            axes.scatter(rows.map { points.inputs[$0, features.x] }, rows.map { points.inputs[$0, features.y] },
                         color: ClassColors.color(label, classes: classes), size: 18, edge: .black, label: entry.data.classLabel(label))
        }
        axes.xLimits = plane.x
        axes.yLimits = plane.y
        return axes
    }

    /// "w·x + b = 0: …" for a one-unit linear model of two inputs, else "P = 0.5".
    private static func boundaryLabel(_ entry: TrainingEntry) -> String {
        guard entry.data.inputWidth == 2, let (weights, bias) = TrainingAnalysis.linearModel(entry.setup, parameters: entry.training.finalParameters) else { return "P = 0.5" }
        return TrainingAnalysis.boundaryEquation(weights: weights, bias: bias, standardized: false)
    }
}
