import Experiments
import Reporting

/// Checks that every `{{fact}}` in an experiment's answers names a fact its results provide.
enum Answers {
    static func check(_ result: ExperimentResult) -> [String] {
        let findings = Analysis.analyze(result)
        var problems: [String] = []
        for (index, question) in result.experiment.questions.enumerated() {
            for name in findings.fill(question.answer).unknown {
                let hint = DidYouMean.suggestion(for: name, among: Array(findings.facts.keys)).map { " (did you mean \"\($0)\"?)" } ?? ""
                problems.append(SpecError(file: result.experiment.file, path: "questions[\(index)].answer",
                                          message: "no fact named \"\(name)\"\(hint); the results provide: \(findings.facts.keys.sorted().joined(separator: ", "))").description)
            }
        }
        return problems
    }
}
