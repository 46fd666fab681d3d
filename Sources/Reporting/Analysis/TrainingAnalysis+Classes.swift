import Experiments
import NeuralNet

extension TrainingAnalysis {
    /// The split class facts speak of: test, else validation, else train, as the class figures choose.
    static func classEvaluation(_ history: TrainingHistory) -> ClassEvaluation? {
        Split.heldOutFirst.lazy.compactMap { name in history.classEvaluations.first { $0.split == name } }.first
    }

    /// A classifier's facts by class, on the split `classEvaluation` picks: `most_confused` (the
    /// largest off-diagonal count), `hardest_class` and `easiest_class` (lowest and highest accuracy).
    static func classFacts(_ history: TrainingHistory, data: PreparedData) -> [String: Fact] {
        guard let evaluation = classEvaluation(history) else { return [:] }
        var facts: [String: Fact] = [:]
        let counts = evaluation.counts
        var worst: (label: Int, predicted: Int, count: Int)?
        for label in counts.indices {
            for predicted in counts[label].indices where predicted != label && counts[label][predicted] > (worst?.count ?? 0) {
                worst = (label, predicted, counts[label][predicted])
            }
        }
        if let worst {
            let rows = counts[worst.label].reduce(0, +)
            facts["most_confused"] = .text("\(data.className(worst.label)) taken for \(data.className(worst.predicted)) "
                + "(\(worst.count) of the \(rows) \(evaluation.split) rows of \(data.className(worst.label)))")
        } else {
            facts["most_confused"] = .missing("none (every \(evaluation.split) row is decided right)")
        }
        let accuracies = evaluation.classAccuracies.enumerated().filter { !$0.element.isNaN }
        guard let lowest = accuracies.min(by: { $0.element < $1.element }), let highest = accuracies.max(by: { $0.element < $1.element }) else {
            let none = Fact.missing("none (the \(evaluation.split) split is empty)")
            (facts["hardest_class"], facts["easiest_class"]) = (none, none)
            return facts
        }
        // When every class is as accurate as every other, none is harder or easier.
        if lowest.element == highest.element {
            let same = Fact.missing("none (every class is \(lowest.element.percentText) right on the \(evaluation.split) split)")
            (facts["hardest_class"], facts["easiest_class"]) = (same, same)
            return facts
        }
        facts["hardest_class"] = .text("\(data.className(lowest.offset)) (\(lowest.element.percentText) right)")
        facts["easiest_class"] = .text("\(data.className(highest.offset)) (\(highest.element.percentText) right)")
        return facts
    }
}
