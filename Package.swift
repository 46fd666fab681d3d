// swift-tools-version: 6.0
import PackageDescription

/// Settings of the numeric targets.
///
/// - They compile optimised, as one whole module, even in debug builds: `swift run report` builds
///   in debug, and unoptimised numeric Swift is many times slower. Whole-module matters too:
///   compiled file by file, a call to a generic helper in another file (`Matrix.withUnsafeBufferPointer`)
///   is not specialised and looks up generic metadata on every call. `bench core` builds the debug
///   configuration and prints its training steps beside the release build's ("debug build" rows).
///   `-num-threads` keeps one object file per source file, which the index store SwiftPM writes in
///   debug requires (plain `-wmo` fails with "index output filenames do not match input source files").
/// - Dynamic exclusivity checks are off. Layers, parameters and the network's activation tape are
///   class-stored buffers, and each access to one would cost a thread-local lookup inside the
///   training steps' loops (`perf record` on `bench core --steps-only` of a build without this flag
///   shows them). A network is used from one thread at a time.
let optimisedInEveryConfiguration: [SwiftSetting] = [
    .unsafeFlags(["-O", "-wmo", "-num-threads", "2"], .when(configuration: .debug)),
    .unsafeFlags(["-enforce-exclusivity=unchecked"]),
]

let package = Package(
    name: "NeuralReport",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Wording", targets: ["Wording"]),
        .library(name: "Configuration", targets: ["Configuration"]),
        .library(name: "NeuralNet", targets: ["NeuralNet"]),
        .library(name: "Datasets", targets: ["Datasets"]),
        .library(name: "Plotting", targets: ["Plotting"]),
        .library(name: "Experiments", targets: ["Experiments"]),
        .library(name: "Reporting", targets: ["Reporting"]),
        .executable(name: "report", targets: ["report"]),
        .executable(name: "bench", targets: ["bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    // Each target's dependencies are exactly the modules its files import (PackageStructureTests).
    targets: [
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev", "libfontconfig-dev"])]),
        .systemLibrary(name: "CZlibSystem", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "CVectorMath", cSettings: [.unsafeFlags(["-O3", "-ffp-contract=off"])]),
        .target(name: "Wording", exclude: ["README.md"]),
        .target(name: "Configuration", dependencies: ["Wording"], exclude: ["README.md"]),
        .target(
            name: "NeuralNet",
            dependencies: ["COpenBLAS", "CVectorMath", "Configuration", "Wording"],
            exclude: ["README.md"],
            swiftSettings: optimisedInEveryConfiguration
        ),
        .target(
            name: "Datasets",
            dependencies: ["CZlibSystem", "Configuration", "NeuralNet", "Wording", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["README.md"],
            swiftSettings: optimisedInEveryConfiguration
        ),
        .target(name: "Plotting", dependencies: ["CCairo", "CZlibSystem"], exclude: ["README.md"]),
        .target(
            name: "Experiments",
            dependencies: ["Configuration", "Datasets", "NeuralNet", "Wording"],
            exclude: ["README.md"],
            plugins: ["SourceDigest"]
        ),
        .plugin(name: "SourceDigest", capability: .buildTool()),
        .target(
            name: "Reporting",
            dependencies: ["Configuration", "Datasets", "Experiments", "NeuralNet", "Plotting", "Wording"],
            exclude: ["README.md"],
            plugins: ["SourceDigest"]
        ),
        .executableTarget(
            name: "report",
            dependencies: ["Configuration", "Experiments", "Plotting", "Reporting", "Wording",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            exclude: ["README.md"]
        ),
        .executableTarget(
            name: "bench",
            dependencies: ["COpenBLAS", "Configuration", "Datasets", "Experiments", "NeuralNet", "Plotting", "Reporting",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            exclude: ["README.md"]
        ),
        .target(name: "TestSupport", dependencies: ["NeuralNet"], path: "Tests/TestSupport"),
        .testTarget(name: "ConfigurationTests", dependencies: ["Configuration"]),
        .testTarget(name: "NeuralNetTests", dependencies: ["CVectorMath", "NeuralNet", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "NeuralNet", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "ExperimentsTests",
            dependencies: ["Configuration", "Datasets", "Experiments", "NeuralNet", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "ReportingTests", dependencies: ["Datasets", "Experiments", "Plotting", "Reporting"], exclude: ["Corpus", "Fixtures"]),
        // Runs the built `report` binary, so it depends on the executable and imports nothing.
        .testTarget(name: "CLITests", dependencies: ["report"], exclude: ["Hostile"]),
    ]
)
