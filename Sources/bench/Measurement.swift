import Foundation

/// One benchmark figure: the median and best of several repetitions.
struct Measurement: Codable {
    var name: String
    var unit: String
    var median: Double
    var min: Double
    /// A comparison with a reference measured in the same run, e.g. "0.16x NumPy".
    var note: String?

    /// Times `body` `repetitions` times; each run does `operations` operations, and the figure is
    /// microseconds per operation.
    static func microseconds(
        _ name: String, repetitions: Int, operations: Int, warmUp: Bool = true, _ body: () -> Void
    ) -> Measurement {
        if warmUp { body() }
        let clock = ContinuousClock()
        let samples = (0..<max(repetitions, 1)).map { _ in
            let elapsed = clock.measure(body)
            return elapsed.seconds * 1e6 / Double(operations)
        }
        return Measurement(name: name, unit: "µs", samples: samples)
    }

    init(name: String, unit: String, samples: [Double], note: String? = nil) {
        let sorted = samples.sorted()
        self.name = name
        self.unit = unit
        self.median = sorted.isEmpty ? .nan : sorted[sorted.count / 2]
        self.min = sorted.first ?? .nan
        self.note = note
    }

    init(name: String, unit: String, median: Double, min: Double, note: String? = nil) {
        self.name = name
        self.unit = unit
        self.median = median
        self.min = min
        self.note = note
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}

/// Prints measurements as a table or as JSON lines.
struct MeasurementPrinter {
    let json: Bool

    func print(_ measurements: [Measurement]) {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for measurement in measurements {
                if let data = try? encoder.encode(measurement), let line = String(data: data, encoding: .utf8) {
                    Swift.print(line)
                }
            }
            return
        }
        let nameWidth = max(4, measurements.map(\.name.count).max() ?? 0)
        Swift.print(pad("name", nameWidth) + "  " + pad("unit", 8) + "  " + pad("median", 10, right: true) + "  "
                    + pad("min", 10, right: true) + "  note")
        for m in measurements {
            Swift.print(pad(m.name, nameWidth) + "  " + pad(m.unit, 8) + "  " + pad(format(m.median), 10, right: true)
                        + "  " + pad(format(m.min), 10, right: true) + "  " + (m.note ?? ""))
        }
    }

    private func format(_ value: Double) -> String {
        if !value.isFinite { return "-" }
        if value >= 100 { return String(format: "%.1f", value) }
        if value >= 1 { return String(format: "%.2f", value) }
        return String(format: "%.3f", value)
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}
