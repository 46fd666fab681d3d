import ArgumentParser
import Experiments
import Foundation

/// `bench read`: how reading and validating an experiment file grows with its size.
struct ReadBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Time reading experiment files of growing size (notes, questions, one long line).",
        discussion: """
            Builds valid training files whose notes, questions or one-line sweep list have 10^3 to \
            --largest elements, and times Experiment(json:) on each: parsing, locations and validation. \
            Reading is linear when the time per element stays flat as the count grows.
            """)

    @OptionGroup var output: OutputOptions

    @Option(help: "The largest element count (notes); questions and sweep values stop 10x below it.")
    var largest = 5_000_000

    mutating func run() throws {
        var measurements: [Measurement] = []
        let shapes: [(name: String, limit: Int, body: (Int) -> String)] = [
            ("notes", largest, { count in #""notes": [\#(Array(repeating: #""a note about the run""#, count: count).joined(separator: ", "))]"# }),
            ("questions", largest / 10, { count in
                #""questions": [\#(Array(repeating: #"{"question": "Why?", "answer": "{{final_loss}}"}"#, count: count).joined(separator: ",\n"))]"#
            }),
            ("probes, one line", largest / 10, { count in
                #""training": {"epochs": 1, "probes": [\#((0..<count).map { String(Double($0) / 1000) }.joined(separator: ", "))]}"#
            }),
        ]
        for shape in shapes {
            let counts = sequence(first: 1_000) { $0 * 10 }.prefix { $0 < shape.limit } + [shape.limit]
            for count in counts {
                let training = shape.name.hasPrefix("probes") ? "" : #""training": {"epochs": 1},"#
                let text = #"{"name": "big", "data": {"source": "function", "formula": "x^2"}, "model": [{"linear": 1}], "loss": "mse", "#
                    + #""optimizer": {"name": "sgd", "lr": 0.1}, \#(training) \#(shape.body(count))}"#
                let data = Data(text.utf8)
                let repetitions = count >= 1_000_000 ? 1 : max(1, output.repetitions)
                var samples: [Double] = []
                for _ in 0..<repetitions {
                    let clock = ContinuousClock()
                    samples.append(try clock.measure { _ = try Experiment(json: data, file: "big.json") }.seconds)
                }
                var measurement = Measurement(name: "\(shape.name): \(count) (\(megabytes(data.count)) MB)", unit: "s", samples: samples)
                measurement.note = String(format: "%.2f µs per element", measurement.median * 1e6 / Double(count))
                measurements.append(measurement)
            }
        }
        MeasurementPrinter(json: output.json).print(measurements)
    }

    private func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1e6) }
}
