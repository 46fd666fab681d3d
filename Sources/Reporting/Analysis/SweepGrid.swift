import Configuration
import Experiments
import Wording

/// The runs of an experiment that sweeps one parameter, as a grid: a column per variant, a row per
/// swept value, both in the order the file gives them.
///
/// A sweep of 20 learning rates over two losses is 40 runs; the report shows it as 20 rows of two
/// columns each, and speaks of each variant's trend rather than of each run.
struct SweepGrid {
    /// The swept parameter's short name ("lr").
    let parameter: String
    /// Its path in the file ("optimizer.lr").
    let path: String
    /// The swept values, in file order.
    let values: [Double]
    /// The variants in file order; a single nil when the file has none.
    let variants: [String?]
    /// `runs[variant][value]`: the run of each variant at each swept value.
    let runs: [[RunResult]]

    /// The grid of `result`, or nil when it sweeps no parameter or more than one.
    init?(_ result: ExperimentResult) {
        let experiment = result.experiment
        guard experiment.sweepPaths.count == 1 else { return nil }
        var variants: [String?] = []
        var columns: [[RunResult]] = []
        for run in result.runs {
            if let index = variants.firstIndex(of: run.variant) {
                columns[index].append(run)
            } else {
                variants.append(run.variant)
                columns.append([run])
            }
        }
        let values = columns.first?.map { $0.sweepValues[0] } ?? []
        // Expansion makes every variant run every value; anything else is not a grid.
        guard columns.allSatisfy({ $0.map { $0.sweepValues[0] } == values }) else { return nil }
        self.parameter = experiment.sweepParameters[0]
        self.path = experiment.sweepPaths[0]
        self.values = values
        self.variants = variants
        self.runs = columns
    }

    /// The swept values at `indices` (ascending positions in `values`) in words: "lr = 0.05",
    /// "lr = 0.04763 and 0.05", "every lr from 0.01211 to 0.05 (17 of 20 values)", "lr = 0.1, 0.3
    /// and 0.5", or, for many scattered values, "7 of the 20 values of lr".
    func phrase(_ indices: [Int]) -> String {
        let texts = indices.map { values[$0].shortText }
        guard let first = indices.first, let last = indices.last else { return "no value of \(parameter)" }
        if indices.count >= 3 && last - first == indices.count - 1 {
            return "every \(parameter) from \(texts.first!) to \(texts.last!) (\(indices.count) of \(values.count) values)"
        }
        if indices.count > 5 { return "\(indices.count) of the \(values.count) values of \(parameter)" }
        let list = texts.count == 1 ? texts[0] : texts.dropLast().joined(separator: ", ") + " and " + texts.last!
        return "\(parameter) = \(list)"
    }

    /// "mse: " for a named variant, "" for the single unnamed one: a prefix for sentences and headers.
    static func label(_ variant: String?) -> String {
        variant.map { "\($0): " } ?? ""
    }
}
