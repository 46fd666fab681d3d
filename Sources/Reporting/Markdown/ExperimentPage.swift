import Configuration
import Experiments
import NeuralNet
import Wording

/// One experiment's section of the report, homework style: setup, numbers, figures, findings,
/// answers, and where the result departs from the notebook.
struct ExperimentPage {
    let result: ExperimentResult
    let findings: Findings
    let figures: [ReportFigure]
    let formats: [String]

    var markdown: String {
        let experiment = result.experiment
        var lines = ["# \(experiment.title)", ""]
        var origin = ["`\(experiment.displayPath)`", "\(result.runs.count == 1 ? "1 run" : "\(result.runs.count) runs")"]
        if let notebook = experiment.notebook { origin.insert("notebook \(notebook)", at: 0) }
        lines += ["*" + origin.joined(separator: " · ") + "*", ""]
        if !experiment.description.isEmpty { lines += [experiment.description, ""] }
        lines += setupSection()
        lines += resultsSection()
        if !figures.isEmpty {
            lines += ["## Figures", ""]
            // The page shows a PNG inline, else an SVG (both display in Markdown viewers; a PDF does not).
            let inline = ["png", "svg"].first { formats.contains($0) }
            for figure in figures {
                let links = formats.filter { $0 != inline }.map { "[\($0.uppercased())](figures/\(figure.fileName).\($0))" }
                if let inline {
                    lines += ["![\(figure.caption)](figures/\(figure.fileName).\(inline))", ""]
                }
                lines += ["*\(figure.caption).*" + (links.isEmpty ? "" : " " + links.joined(separator: " · ")), ""]
            }
        }
        if !findings.sentences.isEmpty {
            lines += ["## Findings", ""] + findings.sentences.map { "- \($0)" } + [""]
        }
        if !experiment.questions.isEmpty {
            lines += ["## Questions", ""]
            for question in experiment.questions {
                lines += ["**\(question.question)**", "", findings.fill(question.answer).text, ""]
            }
        }
        if !experiment.notes.isEmpty {
            // Only an experiment from a notebook has one to differ from; the others' notes are notes.
            let heading = experiment.notebook == nil ? "Notes" : "Where this differs from the notebook"
            lines += ["## \(heading)", ""] + experiment.notes.map { "- \($0)" } + [""]
        }
        lines += ["---", "", "[All experiments](../README.md) · [results.json](results.json)", ""]
        lines += timingFooter()
        return lines.joined(separator: "\n")
    }

    // MARK: Setup

    private func setupSection() -> [String] {
        switch result.experiment.kind {
        case .training: return trainingSetup()
        case .minimize:
            guard case .minimize(let setup) = result.runs.first?.setup else { return [] }
            var table = MarkdownTable(["", ""])
            table.add(["Objective", "f(\(setup.variable)) = \(setup.objective)"])
            table.add(["Update", "\(setup.variable) ← \(setup.variable) − lr · f′(\(setup.variable)), f′ exact (dual numbers)"])
            // Every rule that can end a descent, in the order they are tested after each update.
            table.add(["Stops when", "\(MinimizeAnalysis.stopRule(setup)) after an update (converged); x or f is not finite (diverged); "
                       + "f′ = 0 exactly, so x cannot move; or after \(setup.maxIterations) updates (the iteration limit)"])
            table.add(["Starts", setup.starts.map(\.shortText).joined(separator: ", ")])
            table.add(["Learning rates", setup.learningRates.map(\.shortText).joined(separator: ", ")])
            table.add(["Basin map", "\(setup.basinCount) starts from \(setup.basinRange.lowerBound.shortText) to \(setup.basinRange.upperBound.shortText)"])
            return ["## Setup", "", table.text, ""]
        case .gradientCheck:
            guard case .gradientCheck(let setup) = result.runs.first?.setup else { return [] }
            return ["## Setup", "", "Central differences (f(θ + ε) − f(θ − ε)) / 2ε with ε = \(setup.epsilon.text(significantDigits: 2)), "
                    + "compared with the analytic backward pass of every layer and loss on random inputs (seed \(setup.seed)); "
                    + "a component passes when the largest absolute deviation is at most \(setup.tolerance.text(significantDigits: 2)).", ""]
        }
    }

    private func trainingSetup() -> [String] {
        if let grid = SweepGrid(result) { return sweepSetup(grid) }
        let entries = result.trainingRuns
        guard !entries.isEmpty else { return [] }
        let described = entries.map { SetupDescription.rows($0.setup, data: $0.data) }
        let aspects = SetupDescription.aspects
        let varying = aspects.indices.filter { index in Set(described.map { $0[index] }).count > 1 }
        var shared = MarkdownTable(["", ""])
        for index in aspects.indices where !varying.contains(index) { shared.add([aspects[index], described[0][index]]) }
        var lines = ["## Setup", "", shared.text, ""]
        if !varying.isEmpty {
            var table = MarkdownTable(["Run"] + varying.map { aspects[$0] })
            for (entry, rows) in zip(entries, described) { table.add([entry.run.name] + varying.map { rows[$0] }) }
            lines += ["What differs between runs:", "", table.text, ""]
        }
        return lines
    }

    // MARK: Results

    private func resultsSection() -> [String] {
        switch result.experiment.kind {
        case .training: return trainingResults()
        case .minimize: return minimizeResults()
        case .gradientCheck: return gradientResults()
        }
    }

    private func trainingResults() -> [String] {
        if let grid = SweepGrid(result) { return sweepResults(grid) }
        let entries = result.trainingRuns
        let splits = entries.first?.training.history.splits.map(\.name) ?? [.train]
        let hasAccuracy = entries.first?.training.history.splits.first?.accuracy != nil
        var header = ["Run", "Epochs"]
        for split in splits { header.append("\(split) loss"); if hasAccuracy { header.append("\(split) accuracy") } }
        header.append("Outcome")
        var table = MarkdownTable(header)
        var legend = ResultsLegend()
        for entry in entries {
            let history = entry.training.history
            let behaviour = RunBehaviour(history, fullBatch: entry.setup.loop.batching == .full)
            // A diverged run completed the epochs before the one it diverged in, and has no final values.
            var row = [entry.run.name, "\(behaviour.divergence.map { $0.epoch - 1 } ?? history.epochs.last ?? 0)"]
            for split in history.splits {
                if behaviour.divergence != nil {
                    row += Array(repeating: legend.note(.noFinalValue), count: hasAccuracy ? 2 : 1)
                    continue
                }
                row.append((split.loss.last ?? .nan).shortText)
                if hasAccuracy { row.append((split.accuracy?.last ?? .nan).percentText) }
            }
            switch behaviour.kind {
            case .learnt: row.append("completed")
            case .didNotLearn: row.append("completed; \(legend.note(.didNotLearn))")
            case .unstable:
                legend.note(.unstable)
                row.append("**unstable**: \(behaviour.peak!.loss.shortText) at epoch \(behaviour.peak!.epoch)")
            case .diverged:
                let (epoch, step) = behaviour.divergence!
                row.append("**diverged** at epoch \(epoch), step \(step)"
                           + (behaviour.final.map { "; last finite training loss \($0.shortText), at epoch \(behaviour.finalEpoch)" } ?? ""))
            }
            table.add(row)
        }
        var lines = ["## Results", "", "Final metrics (after the last epoch):", "", table.namingRuns(entries.count).text, ""]
        if !legend.text.isEmpty { lines += [legend.text, ""] }
        lines += initialMetrics(entries)
        lines += parameterTable(entries)
        lines += probeTables(entries)
        return lines
    }

    /// Metrics before training, for experiments where the notebook prints them.
    private func initialMetrics(_ entries: [TrainingEntry]) -> [String] {
        guard entries.count == 1, let history = entries.first?.training.history, history.epochs.first == 0 else { return [] }
        var table = MarkdownTable(["Split", "loss before", "loss after"] + (history.splits[0].accuracy == nil ? [] : ["accuracy before", "accuracy after"]))
        for split in history.splits {
            var row = [split.name.rawValue, (split.loss.first ?? .nan).shortText, (split.loss.last ?? .nan).shortText]
            if let accuracy = split.accuracy { row += [(accuracy.first ?? .nan).percentText, (accuracy.last ?? .nan).percentText] }
            table.add(row)
        }
        return ["Before and after training:", "", table.text, ""]
    }

    /// w and b of one-unit linear models.
    private func parameterTable(_ entries: [TrainingEntry]) -> [String] {
        // A classifier's line is a decision boundary; a regression's is the fitted line itself.
        let classes = entries.allSatisfy { $0.data.isClassification }
        let linear = entries.compactMap { entry -> [String]? in
            guard let (weights, bias) = TrainingAnalysis.linearModel(entry.setup, parameters: entry.training.finalParameters) else { return nil }
            let row = [entry.run.name, TrainingAnalysis.vectorText(weights), bias.shortText]
            return classes ? row + [TrainingAnalysis.boundaryEquation(weights: weights, bias: bias, standardized: entry.data.standardizer != nil)] : row
        }
        guard !linear.isEmpty else { return [] }
        var table = MarkdownTable(["Run", "w", "b"] + (classes ? ["boundary w·x + b = 0"] : []))
        linear.forEach { table.add($0) }
        return ["Learned parameters:", "", table.namingRuns(entries.count).text, ""]
    }

    /// Predictions at the probe inputs after each evaluated epoch.
    /// The most probe records a page lists.
    static let probeRowLimit = 25

    /// At most `limit` indices of `0..<count`, evenly spaced, the first and the last included.
    static func evenlySpaced(_ count: Int, limit: Int) -> [Int] {
        guard count > limit, limit >= 2 else { return Array(0..<count) }
        return (0..<limit).map { Int((Double($0) * Double(count - 1) / Double(limit - 1)).rounded()) }
    }

    private func probeTables(_ entries: [TrainingEntry]) -> [String] {
        var lines: [String] = []
        for entry in entries where !entry.setup.loop.probes.isEmpty {
            var table = MarkdownTable(["Epoch"] + entry.setup.loop.probes.map { "x = \($0.shortText)" })
            // A long run's records are thinned to evenly spaced ones, the first and last kept;
            // results.json has them all.
            let records = entry.training.probes
            let shown = Self.evenlySpaced(records.count, limit: Self.probeRowLimit)
            for index in shown { table.add(["\(records[index].epoch)"] + records[index].predictions.map(\.shortText)) }
            if let truth = entry.setup.data.source.truth {
                table.add(["truth"] + entry.setup.loop.probes.map { truth.value(at: $0).shortText })
            }
            let thinned = shown.count < records.count ? " (\(shown.count) of the \(records.count) records; results.json has every one)" : ""
            lines += ["Predictions at the probe points" + (entries.count > 1 ? " (\(entry.run.name))" : "") + thinned + ":", "", table.text, ""]
        }
        return lines
    }

    private func minimizeResults() -> [String] {
        guard case .minimize(let outcome) = result.runs.first?.outcome else { return [] }
        guard case .minimize(let setup) = result.runs.first?.setup else { return [] }
        var table = MarkdownTable(["Start", "lr", "End", "Iterations", "Stopped because", "Settled at"])
        var diverged = false
        for path in outcome.paths {
            diverged = diverged || path.outcome.kind == .diverged
            let end = path.outcome.kind == .diverged ? "—" : "\(path.end)"
            let settled = switch DescentEnd(path, setup: setup) {
            case .reached(let point): point.shortText
            case .stayed: "never moved"
            case .unsettled: "not yet (still moving)"
            case .diverged: "—"
            }
            table.add([path.start.shortText, path.learningRate.shortText, end, "\(path.points.count - 1)", Self.stopReason(path.outcome.kind), settled])
        }
        var lines = ["## Results", "", table.text, ""]
        // Each word of the table explained once.
        var legend = "*Stopped because*: converged (the stopping rule was met, or f′ became exactly 0 after the descent moved), "
            + "iteration limit, diverged, or f′ = 0 (exactly 0 at the start, so x could not move); "
            + "*settled at*: the point the descent ended at, to three decimals, when its next update would move it by less than "
            + "a billionth, whatever rule stopped it"
        if diverged { legend += "; *—*: none, the descent diverged" }
        lines += [legend + ".", ""]
        return lines
    }

    /// Why a descent stopped, in a table's words.
    static func stopReason(_ kind: DescentOutcome.Kind) -> String {
        switch kind {
        case .converged: "converged"
        case .maxIterations: "iteration limit"
        case .diverged: "diverged"
        case .stationary: "f′ = 0"
        }
    }

    private func gradientResults() -> [String] {
        guard case .gradientCheck(let rows) = result.runs.first?.outcome else { return [] }
        var table = MarkdownTable(["Component", "Gradient", "Max abs deviation", "Result"])
        for row in rows {
            table.add([row.component, row.parameter, row.maxAbsoluteDeviation.text(significantDigits: 2), row.passed ? "pass" : "**fail**"])
        }
        return ["## Results", "", table.text, ""]
    }
}
