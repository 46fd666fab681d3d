import NeuralNet

/// The data the seed notebooks draw with plain NumPy calls.
public enum SeedGenerators {
    /// One normal distribution per class, drawn class after class as seed 000 draws them
    /// (`np.random.normal(loc=mean, scale=std, size=(count, dimensions))` for each class in turn).
    public static func gaussians(means: [[Double]], std: [Double], counts: [Int], random: inout RandomState) -> LabeledData {
        drawClusters(centers: means, deviations: std, counts: counts, random: &random)
    }

    /// Evenly spaced points on [start, stop] labelled 1 where x > threshold, as seed 002
    /// (`X = np.linspace(-5, 5, 100); y = X > 0`).
    public static func threshold(start: Double, stop: Double, count: Int, threshold: Double) -> LabeledData {
        let xs = linspace(start, stop, count: count)
        return LabeledData(inputs: .column(xs), targets: .column(xs.map { $0 > threshold ? 1 : 0 }))
    }

    /// y = f(x) + noise·ε with x uniform on [low, high): all x are drawn first, then one standard
    /// normal ε per sample. (Seed 001 wrote `x**2 + np.random.randn()*0.01`, which adds a single
    /// shared number to every y; this is the per-sample noise it meant.)
    public static func function(_ formula: Expression, low: Double, high: Double, count: Int, noise: Double,
                                random: inout RandomState) -> LabeledData {
        let xs = (0..<count).map { _ in random.nextUniform(low: low, high: high) }
        let ys = xs.map { formula.value(at: $0) }.map { noise == 0 ? $0 : $0 + noise * random.nextStandardNormal() }
        return LabeledData(inputs: .column(xs), targets: .column(ys))
    }
}
