import Experiments

/// What the report can check of an experiment before anything trains: that its runs' facts do not
/// collide, that every figure it asks for exists and can be drawn for its data, and that every `{{fact}}` of
/// its answers will exist. The facts are those of the experiment's results analysed in their
/// shape alone (`ExperimentResult(shapeOf:)`): the analysis itself says which facts there will be.
public enum Preflight {
    /// Every problem found, each an error at the file's JSON path that causes it.
    public static func problems(in prepared: PreparedExperiment) -> [SpecError] {
        // Figures the catalog does not know come first: the analysis reads the figures it is asked for.
        let unknownFigures = FigureCatalog.problems(in: prepared.experiment)
        guard unknownFigures.isEmpty else { return unknownFigures }
        let shape: AnalyzedResult
        do { shape = try AnalyzedResult(ExperimentResult(shapeOf: prepared)) } catch { return [error] }
        return collisions(shape) + FigureCatalog.dataProblems(in: prepared) + AnswerCheck.problems(in: shape)
    }

    /// One error per pair of runs (or starts, or rates) whose facts would share a name.
    private static func collisions(_ shape: AnalyzedResult) -> [SpecError] {
        let experiment = shape.result.experiment
        return shape.findings.collisions.map { collision in
            let (first, second) = (collision.owners[0], collision.owners[1])
            let reader = SpecReader(.null, file: experiment.file, path: second.path, locations: experiment.locations)
            return reader.error("\"\(first.name)\" and \"\(second.name)\" would both give the fact \"\(collision.name)\": \(second.rule)")
        }
    }
}
