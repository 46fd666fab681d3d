import Experiments

/// Checks that every `{{fact}}` in an experiment's answers names a fact its results provide.
public enum AnswerCheck {
    /// One error per placeholder of `experiment`'s answers that is not among `facts`, naming the
    /// question's JSON path and the facts available, with a did-you-mean hint.
    public static func problems(in experiment: Experiment, facts: [String: Fact]) -> [SpecError] {
        let findings = Findings(facts: facts)
        var problems: [SpecError] = []
        for (index, question) in experiment.questions.enumerated() {
            for name in findings.fill(question.answer).unknown {
                let hint = DidYouMean.suggestion(for: name, among: Array(facts.keys)).map { " (did you mean \"\($0)\"?)" } ?? ""
                let answer = SpecReader(.null, file: experiment.file, path: "questions[\(index)].answer", locations: experiment.locations)
                problems.append(answer.error(
                    "no fact named \"\(name)\"\(hint); the results provide: \(facts.keys.sorted().joined(separator: ", "))"))
            }
        }
        return problems
    }

    /// The problems of `analyzed`'s answers against the facts its analysis found.
    public static func problems(in analyzed: AnalyzedResult) -> [SpecError] {
        problems(in: analyzed.result.experiment, facts: analyzed.findings.facts)
    }
}
