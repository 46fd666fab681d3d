import Configuration
import Experiments
import Wording

/// `reports/README.md`: one row per experiment with its key result and a link to its page, then
/// the experiments that failed, with their errors.
struct IndexPage {
    /// The run-independent part ends with this line; the metadata footer follows it.
    static let footerMarker = "<!-- run metadata: everything below changes from run to run -->"

    /// One row of the table.
    struct Entry {
        var name: String
        var summary: ResultsDocument.Summary
        /// The page is from an earlier run: this run could not redo it (its file failed).
        var isStale: Bool
    }

    let entries: [Entry]
    let failures: [ExperimentFailure]
    /// The folders the experiment files were read from, as the pages name them.
    let sourceFolders: [String]
    let metadata: RunMetadata

    var markdown: String {
        var table = MarkdownTable(["Experiment", "Notebook", "Runs", "Key result"])
        for entry in entries {
            let summary = entry.summary
            let result = entry.isStale ? "**stale**: its file failed in this run (below); from an earlier run: \(summary.keyResult)" : summary.keyResult
            table.add(["[\(summary.title)](\(entry.name)/README.md)", summary.notebook ?? "—", "\(summary.runs)", result])
        }
        let folders = sourceFolders.map { "`\($0)/`" }
        let origin = folders.isEmpty ? "" : " from " + folders.joined(separator: ", ")
        // Only experiments taken from a notebook have its questions and a comparison with its code.
        let fromNotebooks = entries.contains { $0.summary.notebook != nil }
        let contents = fromNotebooks
            ? "the answers to the notebook's questions and, for a notebook's task, where the result departs from the notebook's code"
            : "and the answers to its questions"
        var lines = ["# Neural-network homework: the report", "",
                     "The experiments\(origin), run on this project's own network core. "
                     + "Each page gives the setup, the numbers, the figures\(fromNotebooks ? ", " : " ")\(contents).", ""]
        if !entries.isEmpty { lines += [table.text, ""] }
        if !failures.isEmpty {
            lines += ["## Failed", "", "\(failures.count == 1 ? "This experiment file" : "These experiment files") could not be run:", ""]
            lines += failures.map { failure in
                let name = failure.experiment.map { " (\($0))" } ?? ""
                let place = failure.file + (failure.location.map { ":\($0)" } ?? "")
                return "- `\(place)`\(name): \(failure.message.replacingOccurrences(of: "\n", with: " "))"
            }
            lines.append("")
        }
        return (lines + [IndexPage.footerMarker, "", metadata.footer, ""]).joined(separator: "\n")
    }

    /// The one-line result the index shows for an experiment.
    static func keyResult(_ result: ExperimentResult, findings: Findings) -> String {
        func fact(_ name: String, _ absent: String = "?") -> String { findings.facts[name]?.text ?? absent }
        switch result.experiment.kind {
        case .gradientCheck:
            return "\(fact("passed")) of \(fact("checks")) gradients pass (max deviation \(fact("max_deviation")))"
        case .minimize:
            return "\(fact("converged")) of \(fact("runs")) descents converge; roots \(fact("roots")); \(fact("diverged", "0")) diverge"
        case .training:
            if let grid = SweepGrid(result) {
                let parameter = Slug.make(grid.parameter)
                return grid.variants.map { variant in
                    let value = fact((variant.map { "\(Slug.make($0))." } ?? "") + "best_\(parameter)")
                    return (variant.map { "\($0): " } ?? "") + "best \(parameter) \(value)"
                }.joined(separator: "; ")
            }
            let runs = result.runs.filter { $0.training != nil }
            // Each run's result, while that fits a table cell; more runs are summed up in one line.
            let each = runs.map { runResult($0, named: runs.count > 1) }.joined(separator: "; ")
            guard each.count > Self.longestCell else { return each }
            let kinds = runs.compactMap(\.behaviour?.kind)
            var parts: [String] = []
            if let best = TrainingAnalysis.bestRun(runs) { parts.append("best \(best.name): \(runResult(best, named: false))") }
            for (kind, word) in [(RunBehaviour.Kind.diverged, "diverged"), (.unstable, "unstable"), (.didNotLearn, "did not learn")] {
                let count = kinds.filter { $0 == kind }.count
                if count > 0 { parts.append("\(count) of \(runs.count) runs \(word)") }
            }
            return parts.isEmpty ? "\(runs.count) runs" : "\(runs.count) runs; " + parts.joined(separator: "; ")
        }
    }

    /// The longest index cell that lists each run's result; longer ones are summed up.
    static let longestCell = 160

    /// One training run's result in a few words: its held-out accuracy or loss, or what went wrong.
    private static func runResult(_ run: RunResult, named: Bool) -> String {
        guard let history = run.training?.history, let behaviour = run.behaviour else { return "" }
        let prefix = named ? "\(run.name): " : ""
        switch behaviour.kind {
        case .diverged: return prefix + "diverged at epoch \(behaviour.divergence!.epoch)"
        case .unstable: return prefix + "unstable (training loss \(behaviour.peak!.loss.shortText) at epoch \(behaviour.peak!.epoch))"
        case .didNotLearn, .learnt: break
        }
        let idle = behaviour.kind == .didNotLearn ? " (did not learn)" : ""
        if let accuracy = history.split(.test)?.accuracy?.last { return prefix + "test accuracy \(accuracy.percentText)" + idle }
        if let accuracy = history.splits.first?.accuracy?.last { return prefix + "accuracy \(accuracy.percentText)" + idle }
        if let loss = history.split(.test)?.loss.last { return prefix + "test loss \(loss.shortText)" + idle }
        return prefix + "final loss \((history.splits.first?.loss.last ?? .nan).shortText)" + idle
    }
}
