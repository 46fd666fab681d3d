import Configuration
import Experiments
import Foundation
import Wording

/// Where the tool talks: progress and the summary on standard output, errors on standard error.
struct Console: Sendable {
    let quiet: Bool

    /// Whether standard error is a terminal (progress bar) or a log (plain lines).
    var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    func line(_ text: String) {
        guard !quiet else { return }
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    func error(_ text: String, terminator: String = "\n") {
        FileHandle.standardError.write(Data((text + terminator).utf8))
    }

    /// The table printed at the end: experiment, runs, key metric, time, status.
    func summary(_ results: [ExperimentResult]) {
        guard !quiet, !results.isEmpty else { return }
        let rows = results.map { result -> [String] in
            let diverged = result.runs.filter { $0.training?.history.outcome.diverged == true }.count
            let notes = [result.sharedRuns > 0 ? "\(result.sharedRuns) shared" : nil, result.lockstepRuns > 0 ? "\(result.lockstepRuns) in lockstep" : nil]
            let runs = "\(result.runs.count)" + (notes.contains { $0 != nil } ? " (\(notes.compactMap { $0 }.joined(separator: ", ")))" : "")
            return [result.experiment.name, runs, keyMetric(result), String(format: "%.1f s", result.seconds),
                    diverged > 0 ? "ok (\(diverged) diverged)" : "ok"]
        }
        let table = TextTable(header: ["experiment", "runs", "key metric", "time", "status"], rows: rows)
        line(([""] + table.lines(ruled: true) + [""]).joined(separator: "\n"))
    }

    private func keyMetric(_ result: ExperimentResult) -> String {
        let values = result.runs.compactMap { run -> Double? in
            if let history = run.training?.history { return history.split(.test)?.accuracy?.last ?? history.splits.first?.accuracy?.last }
            return nil
        }
        if let best = values.max() { return "accuracy \((best * 100).text(significantDigits: 3))%" }
        let losses = result.runs.compactMap { $0.training?.history.splits.first?.loss.last }.filter(\.isFinite)
        if let best = losses.min() { return "loss \(best.shortText)" }
        if case .gradientCheck(let rows) = result.runs.first?.outcome { return "\(rows.filter(\.passed).count)/\(rows.count) pass" }
        if case .minimize(let outcome) = result.runs.first?.outcome {
            return "\(outcome.paths.filter { $0.outcome.kind == .converged }.count)/\(outcome.paths.count) converge"
        }
        return "—"
    }
}
