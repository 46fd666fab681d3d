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
            let runs = result.runs
            return runs.compactMap { run -> String? in
                guard let history = run.training?.history else { return nil }
                let prefix = runs.count > 1 ? "\(run.name): " : ""
                if case .diverged(let epoch, _) = history.outcome { return prefix + "diverged at epoch \(epoch)" }
                if let accuracy = history.split(.test)?.accuracy?.last { return prefix + "test accuracy \(accuracy.percentText)" }
                if let accuracy = history.splits.first?.accuracy?.last { return prefix + "accuracy \(accuracy.percentText)" }
                if let loss = history.split(.test)?.loss.last { return prefix + "test loss \(loss.shortText)" }
                return prefix + "final loss \((history.splits.first?.loss.last ?? .nan).shortText)"
            }.joined(separator: "; ")
        }
    }
}
