import Datasets
import Experiments
import Foundation
import NeuralNet

/// `results.json`: everything needed to reproduce an experiment's runs elsewhere, and nothing that
/// changes from one invocation to the next (no times, no paths outside the file's own).
struct ResultsDocument: Encodable {
    /// What the index shows for this experiment (read back when other experiments are re-run alone).
    struct Summary: Codable {
        var title: String
        var notebook: String?
        var runs: Int
        var keyResult: String
    }

    /// A data set: the inputs the network saw (scaled as the run scales them) and labels, or, for a
    /// data set of more than `embeddedBytesLimit`, the files they were read from with their digests;
    /// then the splits by row index (a test file's rows follow the training file's).
    struct Dataset: Encodable {
        var inputs: [[Double]]?
        var targets: [Double]?
        var files: [DataFileDigest]?
        var rows: Int?
        var columns: Int?
        var divideBy: Double?
        var split: ThreeWaySplit
        var standardizer: Standardizer?
        var classes: Int?
        var classNames: [String]?
        var featureNames: [String]?
        var imageShape: [Int]?

        init(_ data: PreparedData, directory: String) {
            if data.numberBytes <= ResultsDocument.embeddedBytesLimit || data.files.isEmpty {
                let all = data.all
                inputs = (0..<all.inputs.rows).map { all.inputs.row($0) }
                targets = all.targets.elements
            } else {
                let prefix = directory.isEmpty ? "" : directory + "/"
                files = data.files.map { file in
                    var relative = file
                    if !prefix.isEmpty, file.path.hasPrefix(prefix) { relative.path = String(file.path.dropFirst(prefix.count)) }
                    return relative
                }
                (rows, columns) = (data.count, data.inputWidth)
            }
            divideBy = data.divisor
            split = data.indices
            standardizer = data.standardizer
            classes = data.classCount
            classNames = data.classNames
            featureNames = data.featureNames
            imageShape = data.imageShape
        }
    }

    /// Data sets whose inputs take more bytes than this as numbers are referred to by their files.
    static let embeddedBytesLimit = 1 << 20

    /// One run.
    struct Run: Encodable {
        var name: String
        var variant: String?
        var sweep: [String: Double]
        var setup: RunSetup
        var dataset: Int?
        var history: TrainingHistory?
        var initialParameters: [Parameter]?
        var finalParameters: [Parameter]?
        var probes: [ProbeRecord]?
        var descents: MinimizeResult?
        var gradientChecks: [GradientCheck.Result]?
    }

    /// A parameter's value: its numbers, or, when the experiment's parameters are written to
    /// `parameterFileName`, the name of its array there.
    struct Parameter: Encodable {
        var name: String
        var shape: [Int]
        var values: [Double]?
        var array: String?
    }

    /// The side file that holds the parameters of an experiment whose parameters, as numbers, take
    /// more than `embeddedBytesLimit`: as JSON they would be most of results.json and slow to write.
    static let parameterFileName = "parameters.npz"

    /// Where the parameters are when they are not in results.json: the file, its SHA-256 and size.
    struct ParameterFile: Encodable {
        var path: String
        var sha256: String
        var bytes: Int
    }

    /// The most epochs whose batch losses and times a run's history in the file keeps.
    static let epochLossLimit = TrainingResult.epochSeriesLimit

    var experiment: String
    var file: String
    var kind: String
    var seed: UInt32
    var summary: Summary
    var facts: [String: Fact]
    var datasets: [Dataset]
    var runs: [Run]
    var parameterFile: ParameterFile?
    /// The bytes of `parameterFile`, which the writer puts beside results.json.
    private(set) var parameterArchive: Data?

    private enum CodingKeys: String, CodingKey {
        case experiment, file, kind, seed, summary, facts, datasets, runs, parameterFile
    }

    init(_ result: ExperimentResult, findings: Findings, keyResult: String) throws(NumPyArchiveWriter.WriteError) {
        let experiment = result.experiment
        self.experiment = experiment.name
        file = experiment.displayPath
        kind = experiment.kind.rawValue
        seed = experiment.seed
        summary = Summary(title: experiment.title, notebook: experiment.notebook, runs: result.runs.count, keyResult: keyResult)
        facts = findings.facts
        let directory = (experiment.file as NSString).deletingLastPathComponent
        datasets = result.prepared.datasets.map { Dataset($0, directory: directory) }
        runs = result.runs.map { run in
            var entry = Run(name: run.name, variant: run.variant,
                            sweep: Dictionary(uniqueKeysWithValues: zip(experiment.sweepPaths, run.sweepValues)), setup: run.setup)
            switch run.outcome {
            case .training(let training):
                // Each epoch's batch loss and wall time are kept for runs of up to `epochLossLimit`
                // epochs; a longer run's would dominate the file, and its recorded metrics stand for it.
                var history = training.history
                if history.batchLoss.count > ResultsDocument.epochLossLimit { (history.batchLoss, history.epochSeconds) = ([], []) }
                entry.dataset = training.dataIndex
                entry.history = history
                entry.initialParameters = training.initialParameters.map { Parameter(name: $0.name, shape: $0.shape, values: $0.values) }
                entry.finalParameters = training.finalParameters.map { Parameter(name: $0.name, shape: $0.shape, values: $0.values) }
                entry.probes = training.probes.isEmpty ? nil : training.probes
            case .minimize(let outcome): entry.descents = outcome
            case .gradientCheck(let rows): entry.gradientChecks = rows
            }
            return entry
        }
        try moveLargeParametersToArchive()
    }

    /// Moves every parameter's numbers into `parameterArchive` when, together, they take more than
    /// `embeddedBytesLimit`; each parameter then names its array (`run_2_final_layer_1_weight`).
    private mutating func moveLargeParametersToArchive() throws(NumPyArchiveWriter.WriteError) {
        let stages: [(String, WritableKeyPath<Run, [Parameter]?>)] = [("initial", \.initialParameters), ("final", \.finalParameters)]
        let count = runs.reduce(0) { total, run in
            total + stages.reduce(0) { $0 + (run[keyPath: $1.1] ?? []).reduce(0) { $0 + ($1.values?.count ?? 0) } }
        }
        guard count * MemoryLayout<Double>.size > ResultsDocument.embeddedBytesLimit else { return }
        var writer = NumPyArchiveWriter()
        for index in runs.indices {
            for (stage, path) in stages {
                guard var parameters = runs[index][keyPath: path] else { continue }
                for position in parameters.indices {
                    let name = "run_\(index)_\(stage)_" + parameters[position].name.replacingOccurrences(of: " ", with: "_")
                    writer.arrays.append(.init(name: name, shape: parameters[position].shape, values: parameters[position].values ?? []))
                    (parameters[position].values, parameters[position].array) = (nil, name)
                }
                runs[index][keyPath: path] = parameters
            }
        }
        let archive = try writer.archive()
        parameterArchive = archive
        parameterFile = ParameterFile(path: ResultsDocument.parameterFileName, sha256: SHA256.hex(of: archive), bytes: archive.count)
    }

    /// The bytes written: sorted keys, snake_case names, non-finite numbers as strings.
    func encoded() throws -> Data {
        try ResultsDocument.encoder.encode(self)
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    /// Reads back only the summary of a results file.
    static func summary(at url: URL) -> Summary? {
        struct Wrapper: Decodable { var summary: Summary }
        // For the index's cell of an experiment kept from an earlier run: none to read is no summary to show.
        guard let data = try? Data(contentsOf: url) else { return nil }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return (try? decoder.decode(Wrapper.self, from: data))?.summary
    }
}
