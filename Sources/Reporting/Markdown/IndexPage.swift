import Experiments

/// `reports/README.md`: one row per experiment with its key result and a link to its page.
struct IndexPage {
    /// The run-independent part ends with this line; the metadata footer follows it.
    static let footerMarker = "<!-- run metadata: everything below changes from run to run -->"

    let summaries: [(name: String, summary: ResultsDocument.Summary)]
    let metadata: RunMetadata

    var markdown: String {
        var table = MarkdownTable(["Experiment", "Notebook", "Runs", "Key result"])
        for (name, summary) in summaries {
            table.add(["[\(summary.title)](\(name)/README.md)", summary.notebook ?? "—", "\(summary.runs)", summary.keyResult])
        }
        return ["# Neural-network homework: the report", "",
                "Every experiment in `experiments/`, run on this project's own network core by `swift run report experiments/`. "
                + "Each page gives the setup, the numbers, the figures, the answers to the notebook's questions and where the "
                + "result departs from the notebook's code.", "",
                table.text, "",
                IndexPage.footerMarker, "",
                metadata.footer, ""].joined(separator: "\n")
    }

    /// The one-line result the index shows for an experiment.
    static func keyResult(_ result: ExperimentResult, findings: Findings) -> String {
        let facts = findings.facts
        switch result.experiment.kind {
        case .gradientCheck:
            return "\(facts["passed"] ?? "?") of \(facts["checks"] ?? "?") gradients pass (max deviation \(facts["max_deviation"] ?? "?"))"
        case .minimize:
            return "\(facts["converged"] ?? "?") of \(facts["runs"] ?? "?") descents converge; roots \(facts["roots"] ?? "?"); \(facts["diverged"] ?? "0") diverge"
        case .training:
            if let name = result.experiment.sweepParameters.first {
                let parameter = Slug.make(name)
                let best = facts.keys.filter { $0.hasSuffix("best_\(parameter)") }.sorted().map { key in
                    let variant = key.dropLast("best_\(parameter)".count).dropLast()
                    return (variant.isEmpty ? "" : "\(variant): ") + "best \(parameter) \(facts[key]!)"
                }
                return best.joined(separator: "; ")
            }
            let runs = result.runs
            return runs.compactMap { run -> String? in
                guard let history = run.training?.history else { return nil }
                let prefix = runs.count > 1 ? "\(run.name): " : ""
                if case .diverged(let epoch, _) = history.outcome { return prefix + "diverged at epoch \(epoch)" }
                if let accuracy = history.split("test")?.accuracy?.last { return prefix + "test accuracy \(accuracy.percentText)" }
                if let accuracy = history.splits.first?.accuracy?.last { return prefix + "accuracy \(accuracy.percentText)" }
                if let loss = history.split("test")?.loss.last { return prefix + "test loss \(loss.shortText)" }
                return prefix + "final loss \((history.splits.first?.loss.last ?? .nan).shortText)"
            }.joined(separator: "; ")
        }
    }
}
