import Configuration
import NeuralNet
import Wording

/// One normal cloud per class (seed 000).
public enum GaussiansSource: ConfigurableDataSource {
    public static let name = "gaussians"
    public static let summary = "one normal cloud of points per class, in two dimensions (seed 000)"
    public struct Keys: SettingDeclarations {
        let means: SettingKey<[[Double]]> = .points("means", dimensions: 2, default: [[-1, -1], [1, 1]], "the centre of each class's cloud")
        let std: SettingKey<[Double]> = .numbers("std", .positive, default: [1], "the standard deviation: one for all, or one per mean")
        let counts: SettingKey<[Int]> = .integers("counts", minimum: 1, default: [50], "the points per class: one count for all, or one per mean")
        public init() {}
    }

    public static func check(_ settings: Settings<Keys>) -> SettingError? {
        let means = settings.means.count
        if ![1, means].contains(settings.std.count) {
            return settings.error(\.std, "expected one positive deviation, or one per mean (\(means))")
        }
        if ![1, means].contains(settings.counts.count) {
            return settings.error(\.counts, "expected one count, or one per mean (\(means))")
        }
        return nil
    }

    public static func shape(_ settings: Settings<Keys>) -> (rows: Int, columns: Int)? {
        let (means, counts) = (settings.means, settings.counts)
        return (counts.count == 1 ? counts[0] * means.count : counts.reduce(0, +), 3)
    }

    /// Every mean with its deviation and count, one each.
    static func classes(_ settings: Settings<Keys>) -> (means: [[Double]], std: [Double], counts: [Int]) {
        let (means, std, counts) = (settings.means, settings.std, settings.counts)
        return (means, std.count == 1 ? Array(repeating: std[0], count: means.count) : std,
                counts.count == 1 ? Array(repeating: counts[0], count: means.count) : counts)
    }

    public static func load(_ settings: Settings<Keys>, random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        let (means, std, counts) = classes(settings)
        return SourceData(SeedGenerators.gaussians(means: means, std: std, counts: counts, random: &random))
    }

    public static func describe(_ settings: Settings<Keys>) -> String {
        let (means, std, counts) = classes(settings)
        return "two-dimensional Gaussians, " + zip(means, zip(std, counts)).enumerated().map { index, item in
            "class \(index): \(item.1.1) points around (\(item.0.map(\.shortText).joined(separator: ", "))), σ = \(item.1.0.shortText)"
        }.joined(separator: "; ")
    }
}
