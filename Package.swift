// swift-tools-version: 6.0
import PackageDescription

/// Numeric targets compile optimised even in debug builds: `swift run report` builds in debug,
/// and unoptimised numeric Swift is 10-100x slower. (`-wmo` would also be welcome, but it clashes
/// with the index store SwiftPM writes in debug; kernels used across files are `@inlinable` instead.)
let optimisedInEveryConfiguration: [SwiftSetting] = [
    .unsafeFlags(["-O"], .when(configuration: .debug)),
]

let package = Package(
    name: "NeuralReport",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "NeuralNet", targets: ["NeuralNet"]),
        .library(name: "Datasets", targets: ["Datasets"]),
        .executable(name: "bench", targets: ["bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .target(
            name: "NeuralNet",
            dependencies: ["COpenBLAS"],
            swiftSettings: optimisedInEveryConfiguration
        ),
        .target(
            name: "Datasets",
            dependencies: ["NeuralNet"],
            swiftSettings: optimisedInEveryConfiguration
        ),
        .executableTarget(
            name: "bench",
            dependencies: [
                "NeuralNet",
                "Datasets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "NeuralNetTests",
            dependencies: ["NeuralNet"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "DatasetsTests",
            dependencies: ["Datasets", "NeuralNet"],
            exclude: ["Fixtures"]
        ),
    ]
)
