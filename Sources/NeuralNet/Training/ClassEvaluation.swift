import Foundation

/// How a trained classifier decides one split, class by class: the confusion matrix and the
/// wrong decisions it was surest of. Made once, after the last epoch, from the same passes (and
/// the same precision) as the recorded accuracy, so the diagonal over the total is that accuracy.
public struct ClassEvaluation: Codable, Equatable, Sendable {
    /// A wrong decision: the data set's row, its true and decided class, and how sure the decision
    /// was (`score`: the softmax probability of the decided class for an argmax decision; the
    /// distance of the output from the threshold for a threshold one).
    public struct Mistake: Codable, Equatable, Sendable {
        public var row: Int
        public var label: Int
        public var predicted: Int
        public var score: Double
    }

    /// The split's name.
    public var split: Split
    /// `counts[label][predicted]`: how many rows of class `label` were decided as `predicted`.
    public var counts: [[Int]]
    /// The surest wrong decisions, as many as the training kept (`TrainingConfiguration.mistakesKept`),
    /// surest first (ties: lower row first).
    public var mistakes: [Mistake]

    /// An evaluation of `split` with these counts and mistakes.
    public init(split: Split, counts: [[Int]], mistakes: [Mistake]) {
        (self.split, self.counts, self.mistakes) = (split, counts, mistakes)
    }

    /// Rows in all.
    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }

    /// The fraction of each class's rows decided right (NaN for a class with no rows).
    public var classAccuracies: [Double] {
        counts.indices.map { label in
            let rows = counts[label].reduce(0, +)
            return rows == 0 ? .nan : Double(counts[label][label]) / Double(rows)
        }
    }
}

/// Counts a split's decisions block by block into a `ClassEvaluation`.
struct ClassTally {
    let decision: Decision
    let classes: Int
    /// How many mistakes it keeps.
    let mistakesKept: Int
    private(set) var evaluation: ClassEvaluation

    /// A tally for `split` of a classifier whose decision is `decision` over `classes` classes;
    /// nil for a decision that is not a class (a threshold on several outputs).
    init?(split: Split, decision: Decision, outputColumns: Int, mistakesKept: Int) {
        switch decision {
        case .argmax: classes = outputColumns
        case .threshold: guard outputColumns == 1 else { return nil }; classes = 2
        }
        guard classes >= 2 else { return nil }
        self.decision = decision
        self.mistakesKept = mistakesKept
        evaluation = ClassEvaluation(split: split, counts: Array(repeating: Array(repeating: 0, count: classes), count: classes), mistakes: [])
    }

    /// Adds the decisions of `output` for the data set's rows `rows`, whose class indices are `targets`.
    /// A target that is not a class index of this classifier is not counted (the loss has refused it before).
    mutating func add(_ output: Matrix, targets: Matrix, rows: ArraySlice<Int>) {
        var mistakes: [ClassEvaluation.Mistake] = []
        for (offset, row) in rows.enumerated() {
            let target = targets[offset, 0]
            guard target >= 0, target < Double(classes), target == target.rounded() else { continue }
            let (predicted, score) = decide(output, row: offset)
            let label = Int(target)
            evaluation.counts[label][predicted] += 1
            if predicted != label, !score.isNaN { mistakes.append(.init(row: row, label: label, predicted: predicted, score: score)) }
        }
        evaluation.mistakes = Array((evaluation.mistakes + mistakes).sorted { ($0.score, -$0.row) > ($1.score, -$1.row) }
            .prefix(mistakesKept))
    }

    /// The class decided for one output row, and how sure the decision is.
    private func decide(_ output: Matrix, row: Int) -> (Int, Double) {
        switch decision {
        case .threshold(let threshold):
            let value = output[row, 0]
            return (value > threshold ? 1 : 0, abs(value - threshold))
        case .argmax:
            var best = 0
            for column in 1..<classes where output[row, column] > output[row, best] { best = column }
            // The softmax probability of the best column, shifted by its output so no term overflows.
            var sum = 0.0
            for column in 0..<classes { sum += exp(output[row, column] - output[row, best]) }
            return (best, 1 / sum)
        }
    }
}

