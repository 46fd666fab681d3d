import Foundation
import NeuralNet

/// Classic toy problems beyond the seeds, for experiments that need a harder boundary.
public enum PatternShapes {
    /// The XOR pattern: points uniform on [-1, 1)², class 1 where exactly one coordinate is positive,
    /// then Gaussian noise of the given scale added to the coordinates (labels are of the clean points).
    public static func xor(samples: Int, noise: Double = 0, random: inout RandomState) -> LabeledData {
        let points = (0..<samples).map { _ in [random.nextUniform(low: -1, high: 1), random.nextUniform(low: -1, high: 1)] }
        let labels = points.map { ($0[0] > 0) != ($0[1] > 0) ? 1.0 : 0.0 }
        var inputs = Matrix(points)
        if noise > 0 { inputs = addNoise(to: inputs, scale: noise, random: &random) }
        return LabeledData(inputs: inputs, targets: .column(labels))
    }

    /// `arms` interleaved spirals, one class each, as in Stanford's CS231n notes: arm j has radius
    /// r = linspace(0, 1) and angle θ = linspace(4j, 4(j + 1)) + noise·ε, at (r·sin θ, r·cos θ).
    /// Samples are split as evenly as possible between the arms, the first arms taking the remainder.
    public static func spirals(samples: Int, arms: Int = 3, noise: Double = 0.2, random: inout RandomState) -> LabeledData {
        var rows: [[Double]] = []
        var labels: [Double] = []
        for arm in 0..<arms {
            let count = samples / arms + (arm < samples % arms ? 1 : 0)
            let radii = linspace(0, 1, count: count)
            let angles = linspace(Double(4 * arm), Double(4 * (arm + 1)), count: count)
            for (radius, angle) in zip(radii, angles) {
                let theta = angle + noise * random.nextStandardNormal()
                rows.append([radius * sin(theta), radius * cos(theta)])
                labels.append(Double(arm))
            }
        }
        return LabeledData(inputs: Matrix(rows), targets: .column(labels))
    }
}
