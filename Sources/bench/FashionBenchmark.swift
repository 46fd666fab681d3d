import ArgumentParser
import Configuration
import Datasets
import Experiments
import Foundation
import NeuralNet
import Reporting

/// `bench fashion`: the fashion experiment's training, an epoch at a time, beside PyTorch's.
struct FashionBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fashion",
        abstract: "Time epochs of the Fashion-MNIST network (784-256-128-10 ReLU, SGD 0.1, batch 128) beside PyTorch.",
        discussion: """
            Trains on the 60000 training images for --epochs epochs in float32 and float64, timing each \
            epoch's steps and then the evaluation of the training and test sets, as report records them; \
            then runs Benchmarks/torch_fashion.py, the same training in PyTorch with as many threads, when \
            Python has torch. Needs dataset-fashion-mnist (or --directory).
            """)

    @OptionGroup var output: OutputOptions

    @Option(help: "Epochs per precision; the median and fastest epoch are reported.")
    var epochs = 3

    @Option(help: "Rounds: each trains here, then in PyTorch, so that both see the machine's same moods.")
    var rounds = 3

    @Option(help: "Threads for both sides (OpenBLAS here, torch.set_num_threads there).")
    var threads = 2

    @Option(help: "The folder holding the Fashion-MNIST IDX files.")
    var directory = FashionMNISTSource.packageDirectory

    mutating func run() throws {
        BLASThreads.set(threads)
        var random = RandomState(seed: 0)
        let settings = try FashionMNISTSource.settings(SettingValues(["directory": .text(directory)]))
        var source = try FashionMNISTSource.load(settings, random: &random, directory: "")
        source.inputs.divisor = 255
        let testRows = source.testRows ?? 0..<0
        let train = Examples(inputs: source.inputs, targets: source.targets, indices: Array(0..<testRows.lowerBound))
        let test = Examples(inputs: source.inputs, targets: source.targets, indices: Array(testRows))
        var samples: [String: [Double]] = [:]
        var accuracies: [String: Double] = [:]
        var peakMegabytes: [String: Double] = [:]
        for _ in 0..<max(rounds, 1) {
            for precision in [Precision.float32, .float64] {
                let (epochs, evaluations, accuracy) = measure(train, test, precision: precision)
                samples["report \(precision.rawValue): epoch", default: []] += epochs
                samples["report \(precision.rawValue): evaluation", default: []] += evaluations
                accuracies["report \(precision.rawValue)"] = accuracy
            }
            for precision in ["float32", "float64"] {
                guard let lines = runCommand(["python3", "Benchmarks/torch_fashion.py", "--dtype", precision, "--epochs", "\(epochs)",
                                              "--threads", "\(threads)", "--directory", directory]) else { continue }
                for line in lines.split(separator: "\n") {
                    guard let reference = try? JSONDecoder().decode(TorchMeasurement.self, from: Data(line.utf8)) else { continue }
                    samples["PyTorch \(precision): \(reference.what)", default: []] += reference.samples
                    accuracies["PyTorch \(precision)"] = reference.testAccuracy
                    peakMegabytes["PyTorch \(precision)"] = reference.peakMegabytes
                }
            }
        }
        var measurements: [Measurement] = []
        for side in ["report", "PyTorch"] {
            for precision in ["float32", "float64"] {
                for what in ["epoch", "evaluation"] {
                    guard let values = samples["\(side) \(precision): \(what)"] else { continue }
                    var measurement = Measurement(name: "\(side) \(precision), \(threads) threads: \(what)", unit: "s", samples: values)
                    var notes: [String] = []
                    if side == "PyTorch", let ours = samples["report \(precision): \(what)"] {
                        let mine = Measurement(name: "", unit: "s", samples: ours).median
                        notes.append(String(format: "report takes %.2fx this", mine / measurement.median))
                    }
                    if what == "epoch", let accuracy = accuracies["\(side) \(precision)"] {
                        notes.append(String(format: "test accuracy %.4f after %d epochs", accuracy, epochs))
                        if let peak = peakMegabytes["\(side) \(precision)"] { notes.append(String(format: "peak RSS %.0f MB", peak)) }
                    }
                    if !notes.isEmpty { measurement.note = notes.joined(separator: "; ") }
                    measurements.append(measurement)
                }
            }
        }
        measurements.append(Measurement(name: "report: peak RSS (data, both precisions)", unit: "MB",
                                        median: PeakMemory.megabytes, min: PeakMemory.megabytes))
        MeasurementPrinter(json: output.json).print(measurements)
    }

    /// Trains a fresh network for `epochs` epochs; each epoch's step time, each record's
    /// evaluation time, and the final test accuracy.
    private func measure(_ train: Examples, _ test: Examples, precision: Precision) -> (epochs: [Double], evaluations: [Double], accuracy: Double) {
        var initialization = RandomState(seed: 1)
        let network = Sequential([Linear(784, 256, random: &initialization), ReLU(), Linear(256, 128, random: &initialization), ReLU(),
                                  Linear(128, 10, random: &initialization)])
        let configuration = TrainingConfiguration(epochs: epochs, batching: .miniBatch(128), shuffle: true, decision: .argmax, precision: precision)
        let trainer = Trainer(network: network, loss: SoftmaxCrossEntropy(), optimizer: SGD(learningRate: 0.1), configuration: configuration)
        var shuffle = RandomState(seed: 2)
        var marks: [Double] = []
        let clock = ContinuousClock()
        let start = clock.now
        let history = trainer.train(on: train, evaluating: [(.test, test)], random: &shuffle, onEpoch: { _ in
            marks.append((clock.now - start).seconds)
        })
        // An epoch's record (both splits evaluated) is the time between epochs less its steps.
        let evaluations = zip(marks, [0] + marks.dropLast()).enumerated().map { index, pair in pair.0 - pair.1 - history.epochSeconds[index] }
        return (history.epochSeconds, evaluations, history.split(.test)?.accuracy?.last ?? .nan)
    }
}

/// A line of Benchmarks/torch_fashion.py's output.
private struct TorchMeasurement: Decodable {
    var name: String
    var samples: [Double]
    var testAccuracy: Double
    var peakMegabytes: Double

    var what: String { name.hasSuffix("evaluation") ? "evaluation" : "epoch" }

    enum CodingKeys: String, CodingKey {
        case name, samples
        case testAccuracy = "test_accuracy"
        case peakMegabytes = "peak_megabytes"
    }
}

/// The process's peak resident set size.
enum PeakMemory {
    static var megabytes: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
