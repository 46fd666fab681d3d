import Datasets
import NeuralNet

extension ExperimentResult {
    /// Results of the shape the runs of `prepared` will produce (the same splits, records,
    /// parameters, probes, descents), with NaN where the numbers will be: what the report's
    /// checks analyse before anything trains, to learn which facts an experiment will provide.
    public init(shapeOf prepared: PreparedExperiment) {
        self.init(prepared: prepared, runs: prepared.experiment.runs.indices.map { index in
            let plan = prepared.experiment.runs[index]
            return RunResult(name: plan.name, variant: plan.variant, sweepValues: plan.sweepValues, setup: plan.setup,
                             outcome: .shape(of: plan.setup, data: prepared.dataIndices[index].map { ($0, prepared.datasets[$0]) }))
        }, seconds: 0)
    }
}

extension RunResult.Outcome {
    /// The outcome of a run of `setup` on `data` (its index and value), with NaN for every number.
    static func shape(of setup: RunSetup, data: (index: Int, value: PreparedData)?) -> RunResult.Outcome {
        switch setup {
        case .training(let training):
            // PreparedExperiment gives every training run its data; without it there is nothing to shape.
            guard let (index, data) = data else { return .gradientCheck([]) }
            return .training(.shape(of: training, data: data, dataIndex: index))
        case .minimize(let minimize):
            let scanned = linspace(minimize.basinRange.lowerBound, minimize.basinRange.upperBound, count: minimize.basinCount)
            let paths = minimize.learningRates.flatMap { rate in
                minimize.starts.map { DescentPath(start: $0, learningRate: rate, points: [$0], objectiveValues: [.nan], outcome: .maxIterations) }
            }
            let basins = minimize.learningRates.map { rate in
                BasinRow(learningRate: rate, starts: scanned, ends: scanned.map { _ in .nan }, outcomes: scanned.map { _ in .maxIterations })
            }
            return .minimize(MinimizeResult(paths: paths, basins: basins))
        case .gradientCheck:
            return .gradientCheck([])
        }
    }
}

extension TrainingResult {
    /// A training of `setup` on `data` with NaN metrics: a record before training and one after
    /// the last epoch, zero parameters of the network's shapes, NaN probe predictions.
    static func shape(of setup: TrainingSetup, data: PreparedData, dataIndex: Int) -> TrainingResult {
        let widths = setup.layers.widths(inputWidth: data.inputWidth)
        var parameters: [NamedMatrix] = []
        for (index, layer) in setup.layers.enumerated() {
            guard let units = layer.linear?.units else { continue }
            let number = parameters.count / 2 + 1
            parameters.append(NamedMatrix(name: "layer \(number) weight", shape: [widths[index], units],
                                          values: Array(repeating: .nan, count: widths[index] * units)))
            parameters.append(NamedMatrix(name: "layer \(number) bias", shape: [1, units], values: Array(repeating: .nan, count: units)))
        }
        let hasAccuracy = setup.loss.decision(isClassification: data.isClassification) != nil
        var history = TrainingHistory()
        history.epochs = [0, setup.loop.epochs]
        history.splits = data.splits.map { SplitHistory(name: $0.name, loss: [.nan, .nan], accuracy: hasAccuracy ? [.nan, .nan] : nil) }
        history.weightNorms = Array(repeating: [.nan, .nan], count: parameters.count / 2)
        if let decision = setup.loss.decision(isClassification: data.isClassification), let outputs = widths.last {
            let classes = decision == .argmax ? outputs : outputs == 1 ? 2 : 0
            if classes >= 2 {
                history.classEvaluations = data.splits.filter { $0.examples.count > 0 }.map { split in
                    ClassEvaluation(split: split.name, counts: Array(repeating: Array(repeating: 0, count: classes), count: classes), mistakes: [])
                }
            }
        }
        let probes = setup.loop.probes.isEmpty ? [] : [0, setup.loop.epochs].map {
            ProbeRecord(epoch: $0, predictions: setup.loop.probes.map { _ in .nan })
        }
        return TrainingResult(history: history, initialParameters: parameters, finalParameters: parameters, probes: probes,
                              dataIndex: dataIndex, seconds: 0)
    }
}
