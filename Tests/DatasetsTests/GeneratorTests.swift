import Foundation
import NeuralNet
import Testing
import TestSupport
@testable import Datasets

/// Generated points and labels as scikit-learn or NumPy made them.
struct GeneratedCase: Decodable {
    let samples: Int?
    let noise: Double?
    let shuffle: Bool?
    let seed: UInt32
    let factor: Double?
    let std: [Double]?
    let inputs: [[Double]]
    let labels: [Double]
}

struct BlobsCase: Decodable {
    enum Centers: Decodable {
        case count(Int)
        case points([[Double]])
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let count = try? container.decode(Int.self) { self = .count(count) } else { self = .points(try container.decode([[Double]].self)) }
        }
    }
    let samples: Int
    let centers: Centers
    let std: [Double]
    let seed: UInt32
    let inputs: [[Double]]
    let labels: [Double]
}

struct GeneratorFixture: Decodable {
    let moons: [GeneratedCase]
    let circles: [GeneratedCase]
    let blobs: [BlobsCase]
    let gaussians: GeneratedCase
}

/// Whether every coordinate agrees within `tolerance` (absolute; the coordinates are of order 1).
func agrees(_ data: LabeledData, _ inputs: [[Double]], _ labels: [Double], tolerance: Double = 1e-12) -> Bool {
    data.inputs.rows == inputs.count && data.targets.elements == labels
        && data.inputs.maxAbsoluteDifference(to: Matrix(inputs)) <= tolerance
}

@Suite("Generators reproduce scikit-learn and NumPy")
struct GeneratorTests {
    let generated: GeneratorFixture

    init() throws { generated = try fixture("generators.json") }

    @Test("make_moons with and without noise and shuffling, including seed 003's 1000 points")
    func moons() {
        for reference in generated.moons {
            var random = RandomState(seed: reference.seed)
            let data = TwoClassShapes.moons(samples: reference.samples!, noise: reference.noise,
                                            shuffle: reference.shuffle!, random: &random)
            #expect(agrees(data, reference.inputs, reference.labels), "moons n=\(reference.samples!) seed \(reference.seed)")
        }
    }

    @Test("make_circles")
    func circles() {
        for reference in generated.circles {
            var random = RandomState(seed: reference.seed)
            let data = TwoClassShapes.circles(samples: reference.samples!, factor: reference.factor!,
                                              noise: reference.noise, random: &random)
            #expect(agrees(data, reference.inputs, reference.labels), "circles seed \(reference.seed)")
        }
    }

    @Test("make_blobs with random and given centres, one or several deviations")
    func blobs() {
        for reference in generated.blobs {
            var random = RandomState(seed: reference.seed)
            let centers: BlobCenters = switch reference.centers {
            case .count(let count): .random(count: count, box: -10...10)
            case .points(let points): .given(points)
            }
            let data = TwoClassShapes.blobs(samples: reference.samples, centers: centers, clusterStd: reference.std, random: &random)
            #expect(agrees(data, reference.inputs, reference.labels), "blobs seed \(reference.seed)")
        }
    }

    @Test("Seed 000's two Gaussians, drawn class after class")
    func gaussians() {
        var random = RandomState(seed: generated.gaussians.seed)
        let data = SeedGenerators.gaussians(means: [[-1, -1], [1, 1]], std: [1, 1], counts: [5, 5], random: &random)
        #expect(agrees(data, generated.gaussians.inputs, generated.gaussians.labels, tolerance: 0))
    }

    @Test("linspace matches NumPy, endpoints and all")
    func linspaceValues() throws {
        let splits: SplitFixture = try fixture("splits.json")
        #expect(linspace(-5, 5, count: 100) == splits.per_class.linspace)
        #expect(linspace(0, 1, count: 1) == [0])
        #expect(linspace(0, 1, count: 0) == [])
        #expect(linspace(0, 1, count: 4, endpoint: false) == [0, 0.25, 0.5, 0.75])
    }

    @Test("Seed 002's threshold data and seed 001's function data")
    func seedData() throws {
        let threshold = SeedGenerators.threshold(start: -5, stop: 5, count: 100, threshold: 0)
        #expect(threshold.targets.elements.filter { $0 == 1 }.count == 50)
        #expect(threshold.inputs[49, 0] < 0 && threshold.inputs[50, 0] > 0)
        var random = RandomState(seed: 1)
        let square = SeedGenerators.function(try Expression(parsing: "x^2"), low: -3, high: 3, count: 1000, noise: 0.01, random: &random)
        let residuals = (0..<1000).map { square.targets[$0, 0] - square.inputs[$0, 0] * square.inputs[$0, 0] }
        #expect(residuals.allSatisfy { abs($0) < 0.06 })
        #expect(Set(residuals).count == 1000)  // per-sample noise, not one shared number
        #expect(square.inputs.elements.allSatisfy { $0 >= -3 && $0 < 3 })
    }
}

