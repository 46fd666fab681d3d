import Foundation
import NeuralNet

/// scikit-learn's two-class toy shapes, drawn in its order so that the same seed gives its points.
public enum TwoClassShapes {
    /// Two interleaving half circles, as `sklearn.datasets.make_moons`: ⌊n/2⌋ points of class 0 on
    /// the upper arc, the rest of class 1 on the lower one; shuffled, then Gaussian noise added.
    public static func moons(samples: Int, noise: Double? = nil, shuffle: Bool = true, random: inout RandomState) -> LabeledData {
        let outer = samples / 2, inner = samples - outer
        let outerAngles = linspace(0, .pi, count: outer), innerAngles = linspace(0, .pi, count: inner)
        let points = outerAngles.map { [cos($0), sin($0)] } + innerAngles.map { [1 - cos($0), 1 - sin($0) - 0.5] }
        return finish(points: points, firstClassCount: outer, noise: noise, shuffle: shuffle, random: &random)
    }

    /// A large circle (class 0) around a smaller one scaled by `factor` (class 1), as
    /// `sklearn.datasets.make_circles`.
    public static func circles(samples: Int, factor: Double = 0.8, noise: Double? = nil, shuffle: Bool = true,
                               random: inout RandomState) -> LabeledData {
        let outer = samples / 2, inner = samples - outer
        let outerAngles = linspace(0, 2 * .pi, count: outer, endpoint: false)
        let innerAngles = linspace(0, 2 * .pi, count: inner, endpoint: false)
        let points = outerAngles.map { [cos($0), sin($0)] } + innerAngles.map { [cos($0) * factor, sin($0) * factor] }
        return finish(points: points, firstClassCount: outer, noise: noise, shuffle: shuffle, random: &random)
    }

    private static func finish(points: [[Double]], firstClassCount: Int, noise: Double?, shuffle: Bool,
                               random: inout RandomState) -> LabeledData {
        var data = LabeledData(
            inputs: Matrix(points),
            targets: .column((0..<points.count).map { $0 < firstClassCount ? 0 : 1 }))
        if shuffle { data = data.subset(random.permutation(points.count)) }
        if let noise { data.inputs = addNoise(to: data.inputs, scale: noise, random: &random) }
        return data
    }
}

/// `inputs` plus `normal(scale=scale, size=inputs.shape)`, drawn in row-major order.
func addNoise(to inputs: Matrix, scale: Double, random: inout RandomState) -> Matrix {
    inputs.map { $0 + random.nextNormal(mean: 0, standardDeviation: scale) }
}
