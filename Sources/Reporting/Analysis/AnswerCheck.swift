import Experiments

/// Checks that every `{{fact}}` in an experiment's answers names a fact its results provide.
public enum AnswerCheck {
    /// Facts that were renamed, by the last part of their old name: a file that still uses the
    /// old name is told the new one. (Sweeps of `model[i].linear` name their facts by `width`.)
    static let renamed = ["best_linear": "best_width"]

    /// How many of the closest fact names a message lists.
    static let closestShown = 6

    /// One error per placeholder of `experiment`'s answers that is not among `facts`, naming the
    /// question's JSON path, with the new name of a renamed fact or a did-you-mean hint, and the
    /// closest few facts there are (`report --facts` prints them all).
    public static func problems(in experiment: Experiment, facts: [String: Fact]) -> [SpecError] {
        let findings = Findings(facts: facts)
        var problems: [SpecError] = []
        for (index, question) in experiment.questions.enumerated() {
            for name in findings.fill(question.answer).unknown {
                let answer = SpecReader(.null, file: experiment.file, path: "questions[\(index)].answer", locations: experiment.locations)
                problems.append(answer.error(message(for: name, facts: Array(facts.keys))))
            }
        }
        return problems
    }

    /// "no fact named "best_linear" (it is now "best_width"); the closest are …".
    static func message(for name: String, facts: [String]) -> String {
        var text = "no fact named \"\(name)\""
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if let last = parts.last, let new = renamed[last], case let candidate = (parts.dropLast() + [new]).joined(separator: "."), facts.contains(candidate) {
            text += " (it is now \"\(candidate)\")"
        } else if let hint = DidYouMean.suggestion(for: name, among: facts) {
            text += " (did you mean \"\(hint)\"?)"
        }
        guard !facts.isEmpty else { return text + "; the results provide no facts" }
        let closest = facts.sorted { (DidYouMean.editDistance(name, $0), $0) < (DidYouMean.editDistance(name, $1), $1) }.prefix(closestShown)
        if facts.count <= closestShown {
            return text + "; the results provide: " + facts.sorted().joined(separator: ", ")
        }
        return text + "; the closest of the \(facts.count) facts are " + closest.joined(separator: ", ")
            + " (`report --facts` lists them all)"
    }

    /// The problems of `analyzed`'s answers against the facts its analysis found.
    public static func problems(in analyzed: AnalyzedResult) -> [SpecError] {
        problems(in: analyzed.result.experiment, facts: analyzed.findings.facts)
    }
}
