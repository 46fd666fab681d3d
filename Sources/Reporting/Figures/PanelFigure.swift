import Experiments
import NeuralNet
import Plotting

/// Seed 003's 2x2 panel for each run: loss, train/test accuracy, weight norms, and the decision surface.
enum PanelFigure: ConfigurableFigure {
    static let name = "panel"
    static let summary = "seed 003's 2 × 2 panel per run: loss, accuracy, weight norms ‖W₁‖, ‖W₂‖, decision surface"
    static let settings: [Setting] = []
    static let experimentKinds: [Experiment.Kind] = [.training]

    static func make(_ analyzed: AnalyzedResult, _ request: ResolvedFigure) -> [ReportFigure] {
        let result = analyzed.result
        let runs = result.trainingRuns
        return runs.map { entry in
            let history = entry.training.history
            let epochs = history.epochs.map(Double.init)
            var figure = Figure(widthInches: 12, heightInches: 9, rows: 2, columns: 2)
            var loss = Axes(title: "Loss", xLabel: "epoch", yLabel: HistoryFigure.lossLabel(entry.setup))
            for split in history.splits {
                let (x, y) = HistoryFigure.curve(split, history: history, setup: entry.setup)
                loss.plot(x, y, width: 2, dash: HistoryFigure.dashes[split.name] ?? [], label: split.name)
            }
            var accuracy = Axes(title: "Accuracy", xLabel: "epoch", yLabel: "accuracy")
            for split in history.splits {
                if let values = split.accuracy { accuracy.plot(epochs, values, width: 2, label: split.name) }
            }
            var norms = Axes(title: "Weight norms", xLabel: "epoch", yLabel: "Frobenius norm")
            for (index, values) in history.weightNorms.enumerated() {
                norms.plot(epochs, values, width: 2, label: "‖W\((index + 1).subscriptText)‖")
            }
            loss.grid = true
            accuracy.grid = true
            norms.grid = true
            figure[0, 0] = loss
            figure[0, 1] = accuracy
            figure[1, 0] = norms
            if entry.data.inputWidth == 2, entry.data.isClassification {
                figure[1, 1] = DecisionSurfaceFigure.axes(entry, predictions: analyzed.predictions, x: nil, y: nil, split: "test", title: "Decision surface (test set)", colorbar: false)
            }
            let name = runs.count == 1 ? request.fileName : "\(request.fileName)-\(Slug.make(entry.run.name))"
            let caption = runs.count == 1 ? "Training panel" : "Training panel: \(entry.run.name)"
            return ReportFigure(fileName: name, caption: caption, figure: figure)
        }
    }
}
