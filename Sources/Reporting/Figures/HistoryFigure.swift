import Configuration
import Foundation
import Experiments
import NeuralNet
import Plotting
import Wording

/// Loss (and accuracy) against epoch: one colour per run, one dash per split (one run: a colour
/// per split as well, so the splits differ even where their dashes cannot be made out).
enum HistoryFigure: ConfigurableFigure {
    static let name = "history"
    static let summary = "loss (and accuracy) by epoch: a colour per run, a dash per split"
    struct Keys: FigureKeys {
        let log = FigureOptions.log
        let title = FigureOptions.title
    }
    static let experimentKinds: [Experiment.Kind] = [.training]

    /// matplotlib's "--" and ":" at a line width of 1.6 (its patterns are in line widths: 3.7, 1.6 and 1, 1.65).
    static let dashes: [Split: [Double]] = [.train: [], .validation: [5.92, 2.56], .test: [1.6, 2.64]]
    /// A split's colour in a figure of one run.
    static let splitColors: [Split: Color] = [.train: Color.tab10[0], .validation: Color.tab10[1], .test: Color.tab10[2]]

    static func make(_ analyzed: AnalyzedResult, _ options: Settings<Keys>) -> [ReportFigure] {
        let result = analyzed.result
        let runs = result.trainingRuns
        guard !runs.isEmpty else { return [] }
        let hasAccuracy = runs.contains { $0.training.history.splits.first?.accuracy != nil }
        var figure = Figure(widthInches: hasAccuracy ? 11 : 6.4, heightInches: 4.4, columns: hasAccuracy ? 2 : 1)
        // Many runs: the training curves only, or the legend would hide the plot.
        let showSplits = runs.count <= 4
        var loss = Axes(title: "Loss", xLabel: "epoch", yLabel: lossLabel(runs[0].setup))
        loss.xIntegerTicks = true
        var accuracy = Axes(title: "Accuracy", xLabel: "epoch", yLabel: "accuracy")
        accuracy.xIntegerTicks = true
        // More runs than tab10 has colours: viridis, with a colour bar instead of a legend whose
        // entries would repeat colours and be cut to the same words. A sweep of one parameter is
        // coloured by the swept value (on a log scale when it spans decades), anything else by run number.
        let manyRuns = runs.count > Color.tab10.count
        let sweepColors = manyRuns ? SweepColors(result) : nil
        // The loss axis is fitted to the runs that stayed bounded, when some did not: one run that
        // blew up to 1e33 would leave every other curve a flat line at the bottom.
        let behaviours = runs.map { RunBehaviour($0.training.history, fullBatch: $0.setup.loop.batching == .full) }
        let bounded = behaviours.contains(where: \.isBounded) && !behaviours.allSatisfy(\.isBounded)
        var boundedLosses: [Double] = []
        var clipped: [String] = []
        for (index, entry) in runs.enumerated() {
            let position = sweepColors?.position(of: entry.run) ?? Double(index) / Double(max(runs.count - 1, 1))
            let runColor = manyRuns ? Colormap.viridis.color(at: position) : Color.tab10[index % Color.tab10.count]
            let history = entry.training.history
            let clips = bounded && !behaviours[index].isBounded
            if clips { clipped.append(Self.clippedText(entry.run.name, behaviours[index], single: runs.count == 1)) }
            for split in history.splits where showSplits || split.name == .train {
                let color = runs.count == 1 ? splitColors[split.name] ?? runColor : runColor
                let label = runs.count == 1 ? split.name.rawValue : (showSplits ? "\(entry.run.name) · \(split.name.rawValue)" : entry.run.name)
                let (x, y) = curve(split, history: history, setup: entry.setup)
                if !clips { boundedLosses += y.filter(\.isFinite) }
                loss.plot(x, y, color: color, width: 1.6, dash: dashes[split.name] ?? [], label: clips ? label + " (clipped)" : label)
                if let values = split.accuracy {
                    accuracy.plot(history.epochs.prefix(values.count).map(Double.init), values, color: color, width: 1.6,
                                  dash: dashes[split.name] ?? [], label: label)
                }
            }
        }
        var caption = hasAccuracy ? "Loss and accuracy by epoch" : "Loss by epoch"
        // The target the epochs_to_target facts measure against, when the runs share one.
        let targets = Set(runs.compactMap(\.setup.loop.targetLoss))
        if targets.count == 1, let target = targets.first, let last = runs.compactMap({ $0.training.history.epochs.last }).max() {
            loss.plot([0, Double(last)], [target, target], color: Color(hex: 0x737373), width: 1.2, dash: [3.7, 1.6],
                      label: "target loss \(target.shortText)")
            caption += "; the grey dashed line is the target loss, \(target.shortText)"
        }
        if manyRuns {
            loss.legend = nil
            accuracy.legend = nil
            var bar = Colorbar(colormap: .viridis, range: 1...Double(runs.count), label: "run")
            bar.integerTicks = true
            if let sweepColors {
                bar = Colorbar(colormap: .viridis, range: sweepColors.range, label: sweepColors.parameter)
                bar.scale = sweepColors.isLogarithmic ? .log : .linear
                caption += "; colour by \(sweepColors.parameter)\(sweepColors.isLogarithmic ? ", on a log scale" : ""), from "
                    + "\(sweepColors.range.lowerBound.shortText) to \(sweepColors.range.upperBound.shortText)"
            } else {
                caption += "; colour by run, from run 1 (\(runs[0].run.name)) to run \(runs.count) (\(runs[runs.count - 1].run.name)), in the file's order"
            }
            if hasAccuracy { accuracy.colorbar = bar } else { loss.colorbar = bar }
        }
        if bounded, !boundedLosses.isEmpty {
            loss.chooseLogScale(requested: options.log, values: boundedLosses)
            loss.yLimits = Axes.limits(of: boundedLosses, logarithmic: loss.yScale == .log)
            caption += "; the loss axis shows the runs that stayed bounded, and cuts off " + clipped.listed()
        } else {
            loss.chooseLogScale(requested: options.log)
        }
        loss.grid = true
        accuracy.grid = true
        figure[0, 0] = loss
        if hasAccuracy { figure[0, 1] = accuracy }
        return [ReportFigure(fileName: fileName, caption: caption, figure: figure)]
    }

    /// The points of one split's loss curve: every epoch's full-batch loss when metrics were
    /// recorded more sparsely (the training loss of each step is known anyway), else the records.
    static func curve(_ split: SplitHistory, history: TrainingHistory, setup: TrainingSetup) -> ([Double], [Double]) {
        if split.name == .train, setup.loop.evaluateEvery > 1, setup.loop.batching == .full, !history.batchLoss.isEmpty {
            return (history.batchLoss.indices.map(Double.init), history.batchLoss)
        }
        let count = min(split.loss.count, history.epochs.count)
        return (history.epochs.prefix(count).map(Double.init), Array(split.loss.prefix(count)))
    }

    static func lossLabel(_ setup: TrainingSetup) -> String { setup.loss.kind.axisLabel }

    /// "lr=512, whose training loss reached 2310 at epoch 4", for a caption.
    static func clippedText(_ name: String, _ behaviour: RunBehaviour, single: Bool) -> String {
        let what = single ? "the run" : name
        switch behaviour.kind {
        case .diverged: return "\(what), which diverged at epoch \(behaviour.divergence!.epoch)"
        default: return "\(what), whose training loss reached \(behaviour.peak.map { $0.loss.shortText } ?? "?") at epoch \(behaviour.peak?.epoch ?? 0)"
        }
    }
}

/// Colours of a sweep over one parameter without variants: each run's place on viridis by its
/// swept value, linearly or, when the values are positive and span more than two decades (a
/// logspace of learning rates), by their logarithm, as the sweep figure's axis reads them.
private struct SweepColors {
    let parameter: String
    let range: ClosedRange<Double>
    let isLogarithmic: Bool
    private let values: [String: Double]

    init?(_ result: ExperimentResult) {
        guard let grid = SweepGrid(result), grid.variants.count == 1, let low = grid.values.min(), let high = grid.values.max(), low < high else {
            return nil
        }
        parameter = grid.parameter
        range = low...high
        isLogarithmic = low > 0 && high / low > 100
        values = Dictionary(grid.runs[0].map(\.name).enumerated().map { ($1, grid.values[$0]) }, uniquingKeysWith: { first, _ in first })
    }

    /// Where `run` sits on the colormap, from 0 to 1.
    func position(of run: RunResult) -> Double? {
        guard let value = values[run.name] else { return nil }
        if isLogarithmic { return (Foundation.log(value) - Foundation.log(range.lowerBound)) / (Foundation.log(range.upperBound) - Foundation.log(range.lowerBound)) }
        return (value - range.lowerBound) / (range.upperBound - range.lowerBound)
    }
}
