import Experiments
import NeuralNet

/// Facts of a gradient check: how many components passed and the largest deviation.
enum GradientCheckAnalysis {
    static func analyze(_ result: ExperimentResult) -> Findings {
        var findings = Findings()
        guard let run = result.runs.first, case .gradientCheck(let rows) = run.outcome else { return findings }
        let passed = rows.filter(\.passed).count
        // A NaN deviation is the worst of all (and `max(by:)` would not see it).
        let worst = rows.first { $0.maxAbsoluteDeviation.isNaN } ?? rows.max { $0.maxAbsoluteDeviation < $1.maxAbsoluteDeviation }
        findings.facts["checks"] = "\(rows.count)"
        findings.facts["passed"] = "\(passed)"
        findings.facts["failed"] = "\(rows.count - passed)"
        findings.facts["max_deviation"] = worst.map { $0.maxAbsoluteDeviation.text(significantDigits: 2) } ?? "—"
        findings.facts["worst"] = worst.map { "\($0.component) \($0.parameter)" } ?? "—"
        findings.facts["tolerance"] = (rows.first?.tolerance ?? 0).text(significantDigits: 2)
        findings.sentences.append("\(passed) of \(rows.count) gradients agree with central differences within \(findings.facts["tolerance"]!); "
            + "the largest deviation is \(findings.facts["max_deviation"]!) (\(findings.facts["worst"]!)).")
        return findings
    }
}
