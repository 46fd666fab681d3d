import Configuration
import Experiments
import NeuralNet
import Wording

/// Facts of a gradient check: how many components passed and the largest deviation.
enum GradientCheckAnalysis {
    static func analyze(_ result: ExperimentResult) -> Findings {
        var findings = Findings()
        guard let run = result.runs.first, case .gradientCheck(let rows) = run.outcome else { return findings }
        let passed = rows.filter(\.passed).count
        // A NaN deviation is the worst of all (and `max(by:)` would not see it).
        let worst = rows.first { $0.maxAbsoluteDeviation.isNaN } ?? rows.max { $0.maxAbsoluteDeviation < $1.maxAbsoluteDeviation }
        findings.facts["checks"] = .count(rows.count)
        findings.facts["passed"] = .count(passed)
        findings.facts["failed"] = .count(rows.count - passed)
        findings.facts["max_deviation"] = worst.map { .number($0.maxAbsoluteDeviation, text: $0.maxAbsoluteDeviation.text(significantDigits: 2)) } ?? .missing("—")
        findings.facts["worst"] = worst.map { .text("\($0.component) \($0.parameter)") } ?? .missing("—")
        let tolerance = rows.first?.tolerance ?? 0
        findings.facts["tolerance"] = .number(tolerance, text: tolerance.text(significantDigits: 2))
        findings.sentences.append("\(passed) of \(rows.count) gradients agree with central differences within \(findings.facts["tolerance"]!.text); "
            + "the largest deviation is \(findings.facts["max_deviation"]!.text) (\(findings.facts["worst"]!.text)).")
        return findings
    }
}
