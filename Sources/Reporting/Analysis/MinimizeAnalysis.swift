import Configuration
import Experiments
import NeuralNet
import Wording

/// Facts and findings of a minimisation experiment: which root each start reached, and how the
/// learning rate and the start decide convergence.
enum MinimizeAnalysis {
    static func analyze(_ result: ExperimentResult) -> Findings {
        var findings = Findings()
        guard let run = result.runs.first, case .minimize(let minimize) = run.outcome, case .minimize(let setup) = run.setup else {
            return findings
        }
        let paths = minimize.paths
        let count = { (kind: DescentOutcome.Kind) in paths.filter { $0.outcome.kind == kind }.count }
        findings.facts["runs"] = .count(paths.count)
        for kind in DescentOutcome.Kind.allCases {
            findings.facts[kind.rawValue.replacingOccurrences(of: "-", with: "_")] = .count(count(kind))
        }
        for path in paths {
            let key = "start-\(path.start.shortText).lr-\(path.learningRate.shortText)"
            let owner = FactOwner("start \(path.start) with lr \(path.learningRate)", at: MinimizeSetup.startsKey,
                                  rule: "facts name starts and rates by 4 significant digits; make them differ within those digits")
            findings.set("\(key).end", to: path.outcome.kind == .diverged ? .missing("diverged") : .number(path.end, text: "\(path.end)"), by: owner)
            findings.set("\(key).iterations", to: .count(path.points.count - 1), by: owner)
            findings.set("\(key).outcome", to: .text(path.outcome.kind.rawValue), by: owner)
        }
        var stable: [Double] = []
        for row in minimize.basins {
            let key = "lr-\(row.learningRate.shortText)"
            let owner = FactOwner("lr \(row.learningRate)", at: MinimizeSetup.learningRatesKey,
                                  rule: "facts name rates by 4 significant digits; make them differ within those digits")
            let diverged = row.outcomes.filter { $0 == .diverged }.count
            findings.set("\(key).basins", to: .text(basinText(row)), by: owner)
            findings.set("\(key).diverged_starts", to: .text("\(diverged) of \(row.starts.count)"), by: owner)
            let converged = paths.filter { $0.learningRate == row.learningRate && $0.outcome.kind == .converged }
            if let slowest = converged.map({ $0.points.count - 1 }).max(), let fastest = converged.map({ $0.points.count - 1 }).min() {
                findings.set("\(key).iterations", to: fastest == slowest ? .count(fastest) : .text("\(fastest)–\(slowest)"), by: owner)
            } else {
                findings.set("\(key).iterations", to: .missing("none (no start converged)"), by: owner)
            }
            if diverged == 0 { stable.append(row.learningRate) }
            findings.sentences.append("lr = \(row.learningRate.shortText): \(basinText(row)).")
        }
        findings.facts["largest_stable_lr"] = stable.max().map { .number($0) } ?? .missing("none")
        let unstable = minimize.basins.filter { $0.outcomes.contains(.diverged) }.map(\.learningRate)
        findings.facts["smallest_diverging_lr"] = unstable.min().map { .number($0) } ?? .missing("none")
        let stationary = Set(paths.filter { $0.outcome.kind == .stationary }.map(\.start)).sorted()
        findings.facts["stationary_starts"] = stationary.isEmpty ? .missing("none") : .text(stationary.map(\.shortText).joined(separator: ", "))
        let roots = Set(paths.filter { $0.outcome.kind == .converged }.map { rounded($0.end) }).sorted()
        findings.facts["roots"] = roots.isEmpty ? .missing("none") : .text(roots.map(\.shortText).joined(separator: " and "))
        findings.sentences.insert("\(count(.converged)) of \(paths.count) descents converged (\(setup.residual == nil ? "|f|" : "|residual|") < \(setup.tolerance.shortText)"
            + (setup.gradientTolerance.map { " or |f′| < \($0.shortText)" } ?? "") + "), "
            + "\(count(.diverged)) diverged, \(count(.stationary)) stopped at a stationary point and \(count(.maxIterations)) ran out of iterations (\(setup.maxIterations)).", at: 0)
        return findings
    }

    /// A root reached, to three decimals: descents that stop within the tolerance of the same root
    /// are counted, named and coloured as one.
    static func rounded(_ end: Double) -> Double { (end * 1e3).rounded() / 1e3 }

    /// "starts in [−1, 2.48] reach 1; 2.5 stays (f′ = 0); [2.52, 6] reach 4; [6.1, 8] diverge".
    static func basinText(_ row: BasinRow) -> String {
        var segments: [(label: String, from: Double, to: Double)] = []
        for (start, (end, outcome)) in zip(row.starts, zip(row.ends, row.outcomes)) {
            let label = switch outcome {
            case .converged: "reach \(rounded(end).shortText)"
            case .diverged: "diverge"
            case .stationary: "stay put (f′ = 0)"
            case .maxIterations: "run out of iterations"
            }
            if let last = segments.last, last.label == label {
                segments[segments.count - 1].to = start
            } else {
                segments.append((label, start, start))
            }
        }
        return "starts " + segments.map { segment in
            let range = segment.from == segment.to ? segment.from.shortText : "[\(segment.from.shortText), \(segment.to.shortText)]"
            return "\(range) \(segment.label)"
        }.joined(separator: "; ")
    }
}
