import Wording

/// The explanations under a results table, one for each word or symbol the table uses, in a
/// fixed order: a table that writes "—" says what it means.
struct ResultsLegend {
    /// What a cell can say that needs saying.
    enum Term: Int, CaseIterable {
        case convergedBy, stillFalling, didNotLearn, unstable, noFinalValue, noRun

        /// The cell's text, for the terms a cell shows as they are.
        var cell: String {
            switch self {
            case .convergedBy: ""
            case .stillFalling: "still falling"
            case .didNotLearn: "did not learn"
            case .unstable: "unstable"
            case .noFinalValue, .noRun: "—"
            }
        }

        /// What it means.
        var meaning: String {
            switch self {
            case .convergedBy:
                "*converged by epoch*: the first evaluated epoch by which the training loss had made 99% of its decrease over the run"
            case .stillFalling: "*still falling*: more than 1% of the decrease came after the last evaluation before the end"
            case .didNotLearn:
                "*did not learn*: the final training loss is above \(Int(RunBehaviour.learntShare * 100))% of its start"
            case .unstable:
                "*unstable*: the training loss rose above \(Int(RunBehaviour.blowUpFactor)) times its start, at the epoch given, before it ended"
            case .noFinalValue: "*—*: no final value, since the run diverged (at the epoch given)"
            case .noRun: "*—*: no run"
            }
        }
    }

    private var used: Set<Term> = []

    /// Records that the table uses `term`; its cell text.
    @discardableResult
    mutating func note(_ term: Term) -> String {
        used.insert(term)
        return term.cell
    }

    /// The sentence under the table.
    var text: String {
        let meanings = Term.allCases.filter(used.contains).map(\.meaning)
        guard !meanings.isEmpty else { return "" }
        let joined = meanings.joined(separator: "; ")
        // The first letter is a capital, after the asterisks of its emphasis.
        let marks = joined.prefix { $0 == "*" }
        let rest = joined.dropFirst(marks.count)
        return marks + rest.prefix(1).uppercased() + rest.dropFirst() + "."
    }
}
