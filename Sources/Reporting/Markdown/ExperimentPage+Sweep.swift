import Configuration
import Experiments
import NeuralNet
import Wording

/// A sweep's setup and results as a grid: one row per swept value, the variants side by side,
/// instead of one row per run (40 rows for 20 learning rates over two losses).
extension ExperimentPage {
    /// The setup shared by every run, the variants and what tells them apart, and the sweep.
    func sweepSetup(_ grid: SweepGrid) -> [String] {
        let described = grid.runs.map { column in column.compactMap(describe) }
        guard described.allSatisfy({ $0.count == grid.values.count }) else { return [] }
        let aspects = SetupDescription.aspects
        var shared = MarkdownTable(["", ""])
        var differing: [Int] = []
        for index in aspects.indices {
            let texts = described.map { column in Self.span(column.map { $0[index] }) }
            if Set(texts).count == 1 { shared.add([aspects[index], texts[0]]) } else { differing.append(index) }
        }
        var lines = ["## Setup", "", shared.text, ""]
        if !differing.isEmpty {
            var table = MarkdownTable(["Variant"] + differing.map { aspects[$0] })
            for (variant, column) in zip(grid.variants, described) {
                table.add([variant ?? "—"] + differing.map { index in Self.span(column.map { $0[index] }) })
            }
            lines += ["Variants:", "", table.text, ""]
        }
        let values = grid.values
        let range = values.count > 1 ? " from \(values.first!.shortText) to \(values.last!.shortText)" : ""
        lines += ["The sweep sets `\(grid.path)` to \(values.count) values\(range)"
                  + (grid.variants.count > 1 ? " in each variant" : "") + ": \(values.count * grid.variants.count) runs.", ""]
        return lines
    }

    /// Final metrics with a row per swept value and, per variant, each split's loss and accuracy
    /// and the epoch by which the loss had converged.
    func sweepResults(_ grid: SweepGrid) -> [String] {
        let first = grid.runs.first?.first?.training?.history
        let splits = first?.splits.map(\.name) ?? [.train]
        let hasAccuracy = first?.splits.first?.accuracy != nil
        var header = [grid.parameter]
        for variant in grid.variants {
            let label = SweepGrid.label(variant)
            for split in splits {
                header.append("\(label)\(split) loss")
                if hasAccuracy { header.append("\(label)\(split) accuracy") }
            }
            header.append("\(label)converged by epoch")
        }
        let metricCells = splits.count * (hasAccuracy ? 2 : 1)
        var table = MarkdownTable(header)
        var legend = ResultsLegend()
        legend.note(.convergedBy)
        for (row, value) in grid.values.enumerated() {
            var cells = [value.shortText]
            for column in grid.runs {
                let run = column[row]
                guard let history = run.training?.history, let behaviour = run.behaviour else {
                    cells += Array(repeating: legend.note(.noRun), count: metricCells + 1)
                    continue
                }
                if let divergence = behaviour.divergence {
                    cells += Array(repeating: legend.note(.noFinalValue), count: metricCells)
                    cells.append("**diverged** at epoch \(divergence.epoch)")
                    continue
                }
                for split in history.splits {
                    cells.append((split.loss.last ?? .nan).shortText)
                    if hasAccuracy { cells.append((split.accuracy?.last ?? .nan).percentText) }
                }
                switch (behaviour.kind, TrainingAnalysis.settling(of: run)) {
                case (.unstable, _):
                    legend.note(.unstable)
                    cells.append("**unstable** (\(behaviour.peak!.loss.shortText) at epoch \(behaviour.peak!.epoch))")
                case (_, .settled(let epoch)?): cells.append("\(epoch)")
                case (_, .stillFalling?): cells.append(legend.note(.stillFalling))
                default: cells.append(legend.note(.didNotLearn))
                }
            }
            table.add(cells)
        }
        return ["## Results", "", "Final metrics (after the last epoch) for each \(grid.parameter):", "", table.text, "", legend.text, ""]
    }

    /// A run's setup in words, one entry per `SetupDescription.aspects`.
    private func describe(_ run: RunResult) -> [String]? {
        guard let setup = run.trainingSetup, let training = run.training else { return nil }
        return SetupDescription.rows(setup, data: result.prepared.datasets[training.dataIndex])
    }

    /// One text when all are the same, else the first and last joined: "SGD, lr 0.005 … SGD, lr 0.05".
    private static func span(_ texts: [String]) -> String {
        guard let first = texts.first, let last = texts.last else { return "" }
        return Set(texts).count == 1 ? first : "\(first) … \(last)"
    }
}
