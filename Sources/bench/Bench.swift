import ArgumentParser

/// Benchmarks of the project's hot paths; see `bench --help`.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Benchmarks (work in progress).")
    mutating func run() throws {}
}
