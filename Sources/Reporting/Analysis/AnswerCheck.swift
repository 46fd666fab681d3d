import Experiments

/// Checks that every `{{fact}}` in an experiment's answers names a fact its results provide.
public enum AnswerCheck {
    /// One error per unknown placeholder, naming the question's JSON path and the facts available.
    public static func problems(in analyzed: AnalyzedResult) -> [SpecError] {
        let (result, findings) = (analyzed.result, analyzed.findings)
        var problems: [SpecError] = []
        for (index, question) in result.experiment.questions.enumerated() {
            for name in findings.fill(question.answer).unknown {
                let hint = DidYouMean.suggestion(for: name, among: Array(findings.facts.keys)).map { " (did you mean \"\($0)\"?)" } ?? ""
                let answer = SpecReader(.null, file: result.experiment.file, path: "questions[\(index)].answer",
                                        locations: result.experiment.locations)
                problems.append(answer.error(
                    "no fact named \"\(name)\"\(hint); the results provide: \(findings.facts.keys.sorted().joined(separator: ", "))"))
            }
        }
        return problems
    }
}
