import ArgumentParser
import COpenBLAS
import Foundation
import NeuralNet

/// `bench core`: training steps, matrix products, and the debug build's step time.
struct CoreBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "core",
        abstract: "Time training steps and matrix products of the neural-network core.",
        discussion: """
            Steps run through the same Trainer the experiments use, with OpenBLAS on one thread.
            Reported next to them, when available in the same run: the same steps written in NumPy
            (Benchmarks/numpy_core.py, needs python3 with numpy) and in a debug build of this tool.
            """)

    @OptionGroup var output: OutputOptions

    @Flag(help: "Only time the training steps (what the debug-build comparison runs).")
    var stepsOnly = false

    @Option(help: "Only run the training step with this name, or whose name contains this text (for profiling).")
    var only: String?

    @Flag(inversion: .prefixedNo, help: "Build and time the debug configuration's steps too.")
    var debugComparison = true

    @Flag(inversion: .prefixedNo, help: "Time the same steps in NumPy, when python3 has numpy.")
    var numpy = true

    mutating func run() throws {
        BLASThreads.set(1)
        let steps: [(String, (Int) -> Measurement)] = [
            (CoreWorkloads.threeClassStepName, CoreWorkloads.measureThreeClassStep),
            (CoreWorkloads.threeClassLockstepStepName, CoreWorkloads.measureThreeClassLockstepStep),
            (CoreWorkloads.squareStepName, CoreWorkloads.measureSquareStep),
            (CoreWorkloads.squareGeneralLoopStepName, CoreWorkloads.measureSquareStepGeneralLoop),
        ]
        // A name given whole picks that step alone, even when it is part of another's name.
        let chosen = steps.contains { $0.0 == only } ? steps.filter { $0.0 == only } : steps.filter { only == nil || $0.0.contains(only!) }
        var results = chosen.map { $0.1(output.repetitions) }
        if let kernel = results.first(where: { $0.name == CoreWorkloads.squareStepName }),
           let general = results.firstIndex(where: { $0.name == CoreWorkloads.squareGeneralLoopStepName }) {
            results[general].note = String(format: "the per-sample kernel takes %.2fx this", kernel.median / results[general].median)
        }
        if let alone = results.first(where: { $0.name == CoreWorkloads.threeClassStepName }),
           let lockstep = results.firstIndex(where: { $0.name == CoreWorkloads.threeClassLockstepStepName }) {
            results[lockstep].note = String(format: "%.2fx a network's step alone", results[lockstep].median / alone.median)
        }
        if stepsOnly || only != nil {
            MeasurementPrinter(json: output.json).print(results)
            return
        }
        if numpy, let reference = NumPyReference.measure() {
            for index in results.indices {
                if let theirs = reference[results[index].name] {
                    results[index].note = String(format: "%.3fx NumPy's %.1f µs", results[index].median / theirs, theirs)
                }
            }
        }
        if debugComparison {
            results += DebugBuildComparison.measure(release: results)
        }
        results += ElementwiseBenchmark.measure(repetitions: output.repetitions)
        for size in [256, 1024] {
            results += GEMMBenchmark.measure(size: size, repetitions: size >= 1024 ? 5 : 30)
        }
        results += GEMMBenchmark.crossover(repetitions: output.repetitions)
        MeasurementPrinter(json: output.json).print(results)
    }
}
