// swift-tools-version: 6.0
import PackageDescription

/// Settings of the numeric targets.
///
/// - They compile optimised, as one whole module, even in debug builds: `swift run report` builds
///   in debug, and unoptimised numeric Swift is 10-100x slower. Whole-module matters too: compiled
///   file by file, a call to a generic helper in another file (`Matrix.withUnsafeBufferPointer`)
///   is not specialised, and looking up generic metadata took a quarter of a debug per-sample step
///   (3x release; with `-wmo`, 1.0-1.1x). `-num-threads` keeps one object file per source file,
///   which the index store SwiftPM writes in debug requires (plain `-wmo` fails with "index output
///   filenames do not match input source files").
/// - Dynamic exclusivity checks are off. Layers, parameters and the network's activation tape are
///   class-stored buffers, and each access to one costs a thread-local lookup: 18% of a per-sample
///   training step, measured with `perf` on `bench core`. A network is used from one thread at a time.
let optimisedInEveryConfiguration: [SwiftSetting] = [
    .unsafeFlags(["-O", "-wmo", "-num-threads", "2"], .when(configuration: .debug)),
    .unsafeFlags(["-enforce-exclusivity=unchecked"]),
]

let package = Package(
    name: "NeuralReport",
    platforms: [.macOS(.v13)],
    products: [
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
    targets: [
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .target(
            name: "CVectorMath",
            cSettings: [.unsafeFlags(["-O3", "-ffp-contract=off"])]
        ),
        .target(
            name: "NeuralNet",
            dependencies: ["COpenBLAS", "CVectorMath"],
            swiftSettings: optimisedInEveryConfiguration
        ),
        .target(
            name: "Datasets",
            dependencies: ["NeuralNet", "CZlibSystem", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: optimisedInEveryConfiguration
        ),
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev", "libfontconfig-dev"])]
        ),
        .systemLibrary(
            name: "CZlibSystem",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "Plotting", dependencies: ["CCairo", "CZlibSystem"]),
        .target(
            name: "Experiments",
            dependencies: ["NeuralNet", "Datasets", "Plotting"],
            plugins: ["SourceDigest"]
        ),
        .plugin(name: "SourceDigest", capability: .buildTool()),
        .target(
            name: "Reporting",
            dependencies: ["Experiments", "NeuralNet", "Datasets", "Plotting"],
            plugins: ["SourceDigest"]
        ),
        .executableTarget(
            name: "report",
            dependencies: ["Reporting", "Experiments", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "bench",
            dependencies: [
                "Experiments", "Reporting",
                "NeuralNet",
                "Datasets",
                "Plotting",
                "COpenBLAS",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "TestSupport",
            dependencies: ["NeuralNet"],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "NeuralNetTests",
            dependencies: ["NeuralNet", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ExperimentsTests",
            dependencies: ["Experiments", "Datasets", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ReportingTests",
            dependencies: ["Reporting", "Experiments", "Plotting", "TestSupport"],
            exclude: ["Corpus"]
        ),
        .testTarget(
            name: "PlottingTests",
            dependencies: ["Plotting", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["report"],
            exclude: ["Hostile"]
        ),
        .testTarget(
            name: "DatasetsTests",
            dependencies: ["Datasets", "NeuralNet", "TestSupport"],
            exclude: ["Fixtures"]
        ),
    ]
)
