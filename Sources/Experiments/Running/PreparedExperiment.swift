import Foundation
import NeuralNet

/// An experiment checked against its data: every run's data set built, every model checked to fit
/// its inputs and its loss. Nothing has been trained yet.
public struct PreparedExperiment: Sendable {
    /// The validated file.
    public let experiment: Experiment
    /// The distinct data sets its runs use.
    public let datasets: [PreparedData]
    /// For each run, the index of its data set (nil for runs without data).
    public let dataIndices: [Int?]

    /// Builds the data and checks every model; the first problem is an error naming the file and path.
    public init(_ experiment: Experiment) throws(SpecError) {
        self.experiment = experiment
        let root = SpecReader(.object([:]), file: experiment.file, locations: experiment.locations)
        let directory = (experiment.file as NSString).deletingLastPathComponent
        var keys: [DataKey] = []
        var datasets: [PreparedData] = []
        var indices: [Int?] = []
        // The file as written first, so that its own mistakes are reported without a run's name.
        let asWritten = RunPlan(name: "", variant: nil, sweepValues: [], setup: experiment.setupAsWritten)
        for (position, run) in ([asWritten] + experiment.runs).enumerated() {
            guard case .training(let setup) = run.setup else {
                if case .minimize(let minimize) = run.setup {
                    try Self.require(.minimize(minimize), at: root.locating(MinimizeSetup.Keys.key(\.maxIterations)),
                                     advice: "lower max_iterations, or use fewer starts or learning rates")
                }
                if position > 0 { indices.append(nil) }
                continue
            }
            do {
                let key = DataKey(setup: setup.data, data: setup.seeds.data, split: setup.seeds.split)
                let index: Int
                if let existing = keys.firstIndex(of: key) {
                    index = existing
                } else {
                    if let (rows, columns) = setup.data.source.shape {
                        try Self.require(.data(rows: rows, columns: columns), at: root.locating(TrainingSetup.Section.data.rawValue), advice: "generate fewer samples")
                    }
                    datasets.append(try PreparedData.prepare(setup.data, seeds: setup.seeds, directory: directory, reader: root))
                    keys.append(key)
                    index = datasets.count - 1
                }
                let data = datasets[index]
                try ModelCheck.check(setup, data: data, reader: root)
                try Self.require(.training(setup, rows: data.indices.train.count, inputWidth: data.inputWidth,
                                           evaluatedRows: data.count),
                                 at: root.locating(TrainingSetup.Section.model.rawValue), advice: "use fewer or narrower layers, or smaller batches")
                if position > 0 { indices.append(index) }
            } catch {
                guard position > 0 else { throw error }
                throw error.withMessage("\(error.message) (in run \"\(run.name)\")")
            }
        }
        // The file's own data set is dropped when every run replaces it.
        let used = datasets.indices.filter { indices.contains($0) }
        let renumbered = Dictionary(uniqueKeysWithValues: used.enumerated().map { ($1, $0) })
        self.datasets = used.map { datasets[$0] }
        self.dataIndices = indices.map { $0.flatMap { renumbered[$0] } }
    }

    /// Refuses a run whose estimated memory exceeds what the machine has available.
    private static func require(_ estimate: MemoryEstimate, at reader: SpecReader, advice: String) throws(SpecError) {
        let available = MemoryEstimate.available
        guard estimate.bytes > available else { return }
        throw reader.error("this run needs about \(estimate.description), more than the \(MemoryEstimate.text(available)) "
            + "this machine has available; \(advice)")
    }

    private struct DataKey: Equatable {
        let setup: DataSetup
        let data: UInt32
        let split: UInt32
    }
}
