import Configuration
import Experiments
import NeuralNet
import Plotting

/// Seed 003's 2x2 panel for each run: loss, train/test accuracy, weight norms, and the decision surface.
enum PanelFigure: ConfigurableFigure {
    static let name = "panel"
    static let summary = "seed 003's 2 × 2 panel per run: loss, accuracy, weight norms ‖W₁‖, ‖W₂‖, decision surface"
    struct Keys: FigureKeys {
        let title = FigureOptions.title
    }
    static let experimentKinds: [Experiment.Kind] = [.training]

    static func make(_ analyzed: AnalyzedResult, _ options: Settings<Keys>) -> [ReportFigure] {
        let result = analyzed.result
        let runs = result.trainingRuns
        return runs.map { entry in
            let history = entry.training.history
            let epochs = history.epochs.map(Double.init)
            var loss = Axes(title: "Loss", xLabel: "epoch", yLabel: HistoryFigure.lossLabel(entry.setup))
            loss.xIntegerTicks = true
            for split in history.splits {
                let (x, y) = HistoryFigure.curve(split, history: history, setup: entry.setup)
                loss.plot(x, y, width: 2, dash: HistoryFigure.dashes[split.name] ?? [], label: split.name.rawValue)
            }
            var accuracy = Axes(title: "Accuracy", xLabel: "epoch", yLabel: "accuracy")
            accuracy.xIntegerTicks = true
            for split in history.splits {
                if let values = split.accuracy { accuracy.plot(epochs, values, width: 2, label: split.name.rawValue) }
            }
            var norms = Axes(title: "Weight norms", xLabel: "epoch", yLabel: "Frobenius norm")
            norms.xIntegerTicks = true
            for (index, values) in history.weightNorms.enumerated() {
                norms.plot(epochs, values, width: 2, label: "‖W\((index + 1).subscriptText)‖")
            }
            loss.grid = true
            accuracy.grid = true
            norms.grid = true
            // The panels this run has (a regression has no accuracy, only two-input classes a
            // surface), in a grid with no empty cell left over: a row of 2 or 3, or 2 × 2.
            var panels = [loss]
            if history.splits.contains(where: { $0.accuracy != nil }) { panels.append(accuracy) }
            panels.append(norms)
            if entry.data.inputWidth == 2, entry.data.isClassification {
                panels.append(DecisionSurfaceFigure.axes(entry, predictions: analyzed.predictions, x: nil, y: nil, split: .test,
                                                         title: "Decision surface (test set)", colorbar: false))
            }
            let rows = panels.count == 4 ? 2 : 1
            let columns = (panels.count + rows - 1) / rows
            var figure = Figure(widthInches: 6 * Double(columns), heightInches: 4.5 * Double(rows), rows: rows, columns: columns)
            for (index, panel) in panels.enumerated() { figure.axes[index] = panel }
            let name = runs.count == 1 ? fileName : "\(fileName)-\(Slug.make(entry.run.name))"
            let caption = runs.count == 1 ? "Training panel" : "Training panel: \(entry.run.name)"
            return ReportFigure(fileName: name, caption: caption, figure: figure)
        }
    }
}
