import ArgumentParser

/// Benchmarks of the project's hot paths. Speed is measured here, never asserted in tests.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the speed of the project's hot paths.",
        discussion: "Run in release: swift run -c release bench core",
        subcommands: [CoreBenchmark.self, PlotBenchmark.self, SuiteBenchmark.self, ReadBenchmark.self, FashionBenchmark.self])
}

/// Options every benchmark takes.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print one JSON object per line (name, unit, median, min) instead of a table.")
    var json = false

    @Option(help: "Repetitions of each measurement; the median and minimum are reported.")
    var repetitions = 7
}
