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
        for run in experiment.runs {
            guard case .training(let setup) = run.setup else { indices.append(nil); continue }
            do {
                let key = DataKey(setup: setup.data, data: setup.seeds.data, split: setup.seeds.split)
                if let existing = keys.firstIndex(of: key) {
                    indices.append(existing)
                } else {
                    datasets.append(try PreparedData.prepare(setup.data, seeds: setup.seeds, directory: directory, reader: root))
                    keys.append(key)
                    indices.append(datasets.count - 1)
                }
                try ModelCheck.check(setup, data: datasets[indices.last!!], reader: root)
            } catch {
                // The file as written is checked first, so a problem met later comes from an override.
                guard run.variant != nil || !run.sweepValues.isEmpty else { throw error }
                throw error.withMessage("\(error.message) (in run \"\(run.name)\")")
            }
        }
        self.datasets = datasets
        self.dataIndices = indices
    }

    private struct DataKey: Equatable {
        let setup: DataSetup
        let data: UInt32
        let split: UInt32
    }
}
