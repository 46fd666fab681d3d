import ArgumentParser
import Datasets
import Foundation
import Reporting
import Plotting

/// `bench plot`: figures from building to file on disk, against matplotlib in the same run.
struct PlotBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Time rendering figures to PNG and PDF.",
        discussion: """
            Three figures, each timed from building it to the file on disk: a 1000-point scatter \
            (6.4 x 4.8 in), a 200x200 decision surface with 200 points and a colour bar (8 x 6 in), \
            and a 2x2 panel of four 30000-point lines with titles, labels and grids (15 x 10 in), all \
            at 100 dpi. When python3 has matplotlib, Benchmarks/matplotlib_plot.py draws the same \
            figures and the notes give the ratio.
            """)

    @OptionGroup var output: OutputOptions

    @Flag(inversion: .prefixedNo, help: "Time the same figures in matplotlib, when python3 has it.")
    var matplotlib = true

    mutating func run() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-plot-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var results: [Measurement] = []
        for (name, build) in PlotWorkloads.all {
            for format in [OutputFormat.png, .pdf] {
                let path = folder.appendingPathComponent("figure.\(format.rawValue)").path
                var measurement = Measurement.microseconds("\(name) → \(format.rawValue)", repetitions: output.repetitions, operations: 1) {
                    try? build().render(to: path, format: format)
                }
                (measurement.median, measurement.min, measurement.unit) = (measurement.median / 1000, measurement.min / 1000, "ms")
                results.append(measurement)
            }
        }
        if matplotlib, let reference = MatplotlibReference.measure() {
            for index in results.indices {
                if let theirs = reference[results[index].name] {
                    results[index].note = String(format: "%.3fx matplotlib's %.1f ms", results[index].median / theirs, theirs)
                }
            }
        }
        MeasurementPrinter(json: output.json).print(results)
    }
}

/// The figures `bench plot` draws.
enum PlotWorkloads {
    static let all: [(String, @Sendable () -> Figure)] = [
        ("scatter 1000 points", scatter), ("decision surface 200x200", surface), ("2x2 panel of 30000-point lines", panel),
    ]

    static func scatter() -> Figure {
        var random = RandomState(seed: 1)
        let x = (0..<1000).map { _ in random.nextStandardNormal() }, y = (0..<1000).map { _ in random.nextStandardNormal() }
        var figure = Figure()
        figure.axes[0] = Axes(title: "Dataset", xLabel: "x₁", yLabel: "x₂")
        figure.axes[0].scatter(x, y, colors: x.map { $0 > 0 ? Color(hex: 0x1F77B4) : Color(hex: 0xD62728) })
        return figure
    }

    static func surface() -> Figure {
        var random = RandomState(seed: 2)
        var figure = Figure(widthInches: 8, heightInches: 6)
        let field = Field(columns: 200, rows: 200, x: -2...2, y: -2...2) { x, y in 1 / (1 + exp(-3 * (y - sin(x)))) }
        figure.axes[0] = Axes(title: "Decision boundary", xLabel: "x₁", yLabel: "x₂")
        figure.axes[0].field(field, colormap: .rdBu, range: 0...1, alpha: 0.8)
        let x = (0..<200).map { _ in random.nextUniform(low: -2, high: 2) }, y = (0..<200).map { _ in random.nextUniform(low: -2, high: 2) }
        figure.axes[0].scatter(x, y, colors: zip(x, y).map { $1 > sin($0) ? Colormap.rdBu.color(at: 1) : Colormap.rdBu.color(at: 0) },
                               size: 30, edge: .black)
        figure.axes[0].colorbar = Colorbar(colormap: .rdBu, range: 0...1)
        return figure
    }

    static func panel() -> Figure {
        var figure = Figure(widthInches: 15, heightInches: 10, rows: 2, columns: 2)
        let x = (0..<30_000).map { Double($0) }
        for index in 0..<4 {
            var axes = Axes(title: "Series \(index + 1)", xLabel: "Epoch", yLabel: "Value")
            axes.plot(x, x.map { sin($0 / 500 + Double(index)) * exp(-$0 / 20_000) })
            axes.grid = true
            figure.axes[index] = axes
        }
        return figure
    }
}

/// matplotlib drawing the same figures, timed in the same run.
enum MatplotlibReference {
    static func measure() -> [String: Double]? {
        guard let output = runCommand(["python3", "Benchmarks/matplotlib_plot.py"], environment: ["MPLBACKEND": "Agg"]) else { return nil }
        var medians: [String: Double] = [:]
        for line in output.split(separator: "\n") {
            guard let measurement = try? JSONDecoder().decode(Measurement.self, from: Data(line.utf8)) else { continue }
            medians[measurement.name] = measurement.median
        }
        return medians
    }
}
