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
            let reached: Fact = switch DescentEnd(path, setup: setup) {
            case .reached(let point): .number(point)
            case .stayed: .missing("none (f′ = 0 at its start: it never moved)")
            case .unsettled: .missing("none (still moving after \(path.points.count - 1) updates)")
            case .diverged: .missing("none (diverged)")
            }
            findings.set("\(key).reached", to: reached, by: owner)
        }
        let ends = paths.map { DescentEnd($0, setup: setup) }
        let reachedPoints = Set(ends.compactMap { end -> Double? in if case .reached(let point) = end { point } else { nil } }).sorted()
        findings.facts["reached"] = reachedPoints.isEmpty ? .missing("none") : .text(reachedPoints.map(\.shortText).listed())
        findings.facts["settled"] = .count(ends.filter { if case .reached = $0 { true } else { false } }.count)
        findings.facts["unsettled"] = .count(ends.filter { $0 == .unsettled }.count)
        var stable: [Double] = []
        for row in minimize.basins {
            let key = "lr-\(row.learningRate.shortText)"
            let owner = FactOwner("lr \(row.learningRate)", at: MinimizeSetup.learningRatesKey,
                                  rule: "facts name rates by 4 significant digits; make them differ within those digits")
            let diverged = row.outcomes.filter { $0 == .diverged }.count
            findings.set("\(key).basins", to: .text(basinText(row, setup: setup)), by: owner)
            findings.set("\(key).diverged_starts", to: .text("\(diverged) of \(row.starts.count)"), by: owner)
            let converged = paths.filter { $0.learningRate == row.learningRate && $0.outcome.kind == .converged }
            if let slowest = converged.map({ $0.points.count - 1 }).max(), let fastest = converged.map({ $0.points.count - 1 }).min() {
                findings.set("\(key).iterations", to: fastest == slowest ? .count(fastest) : .text("\(fastest)–\(slowest)"), by: owner)
            } else {
                findings.set("\(key).iterations", to: .missing("none (no start converged)"), by: owner)
            }
            if diverged == 0 { stable.append(row.learningRate) }
            findings.sentences.append("lr = \(row.learningRate.shortText): \(basinText(row, setup: setup)).")
        }
        findings.facts["largest_stable_lr"] = stable.max().map { .number($0) } ?? .missing("none")
        let unstable = minimize.basins.filter { $0.outcomes.contains(.diverged) }.map(\.learningRate)
        findings.facts["smallest_diverging_lr"] = unstable.min().map { .number($0) } ?? .missing("none")
        let stationary = Set(paths.filter { $0.outcome.kind == .stationary }.map(\.start)).sorted()
        findings.facts["stationary_starts"] = stationary.isEmpty ? .missing("none") : .text(stationary.map(\.shortText).joined(separator: ", "))
        let roots = Set(paths.filter { $0.outcome.kind == .converged }.map { rounded($0.end) }).sorted()
        findings.facts["roots"] = roots.isEmpty ? .missing("none") : .text(roots.map(\.shortText).joined(separator: " and "))
        // Why they stopped, then where they ended.
        var stopped = "\(count(.converged)) of \(paths.count) descents met the stopping rule (\(stopRule(setup)))"
        stopped += ", \(count(.diverged)) diverged, \(count(.stationary)) never moved (f′ = 0 at the start) and "
            + "\(count(.maxIterations)) stopped at the iteration limit (\(setup.maxIterations))"
        let byPoint = reachedPoints.map { point in "\(point.shortText) (\(ends.filter { $0 == .reached(point) }.count))" }
        let unsettled = ends.filter { $0 == .unsettled }.count
        let settled = ends.filter { if case .reached = $0 { true } else { false } }.count
        var where_ = byPoint.isEmpty ? "no descent settled at a point" : "\(settled) settled: at " + byPoint.listed()
        if unsettled > 0 { where_ += "; \(unsettled) \(unsettled == 1 ? "was" : "were") still moving at the limit" }
        findings.sentences.insert(stopped + "; " + where_ + ".", at: 0)
        return findings
    }

    /// A root reached, to three decimals: descents that stop within the tolerance of the same root
    /// are counted, named and coloured as one.
    static func rounded(_ end: Double) -> Double { (end * 1e3).rounded() / 1e3 }

    /// The stopping rules in force: "|f| < 1e-6 or |f′| < 1e-8".
    static func stopRule(_ setup: MinimizeSetup) -> String {
        "|\(setup.residual.map(\.text) ?? "f")| < \(setup.tolerance.shortText)" + (setup.gradientTolerance.map { " or |f′| < \($0.shortText)" } ?? "")
    }

    /// "starts in [−1, 2.48] reach 1; 2.5 stays put (f′ = 0); [2.52, 6] reach 4; [6.1, 8] diverge":
    /// runs of neighbouring starts that end alike (`DescentEnd`), each with its verb in number.
    static func basinText(_ row: BasinRow, setup: MinimizeSetup) -> String {
        var segments: [(end: DescentEnd, from: Double, to: Double, count: Int)] = []
        for (start, (end, outcome)) in zip(row.starts, zip(row.ends, row.outcomes)) {
            let ended = DescentEnd(end: end, outcome: outcome, setup: setup, learningRate: row.learningRate)
            if let last = segments.last, last.end == ended {
                segments[segments.count - 1].to = start
                segments[segments.count - 1].count += 1
            } else {
                segments.append((ended, start, start, 1))
            }
        }
        // A scanned start that is 0 but for rounding (−3.5 + 25 · 0.14) is written 0.
        let span = (row.starts.map(abs).max() ?? 1)
        func text(_ start: Double) -> String { (abs(start) < 1e-12 * span ? 0 : start).shortText }
        return "starts " + segments.map { segment in
            let range = segment.count == 1 ? text(segment.from) : "[\(text(segment.from)), \(text(segment.to))]"
            return "\(range) \(segment.end.phrase(plural: segment.count > 1))"
        }.joined(separator: "; ")
    }
}
