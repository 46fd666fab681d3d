import NeuralNet

/// One normal cloud per class (seed 000).
public enum GaussiansSource: ConfigurableDataSource {
    public static let name = "gaussians"
    public static let summary = "one normal cloud of points per class, in two dimensions (seed 000)"
    public static let settings = [
        Setting("means", .points(dimensions: 2), default: .points([[-1, -1], [1, 1]]), "the centre of each class's cloud"),
        Setting("std", .numbers(.positive, count: nil), default: .numbers([1]), "the standard deviation: one for all, or one per mean"),
        Setting("counts", .integers(minimum: 1), default: .integers([50]), "the points per class: one count for all, or one per mean"),
    ]

    public static func check(_ settings: SettingValues) -> SettingError? {
        let means = settings.points("means")?.count ?? 0
        if ![1, means].contains(settings.numbers("std").count) {
            return SettingError(key: "std", "expected one positive deviation, or one per mean (\(means))")
        }
        if ![1, means].contains(settings.integers("counts").count) {
            return SettingError(key: "counts", "expected one count, or one per mean (\(means))")
        }
        return nil
    }

    public static func shape(_ settings: SettingValues) -> (rows: Int, columns: Int)? {
        let (means, counts) = (settings.points("means") ?? [], settings.integers("counts"))
        return (counts.count == 1 ? counts[0] * means.count : counts.reduce(0, +), 3)
    }

    /// Every mean with its deviation and count, one each.
    static func classes(_ settings: SettingValues) -> (means: [[Double]], std: [Double], counts: [Int]) {
        let means = settings.points("means") ?? []
        let (std, counts) = (settings.numbers("std"), settings.integers("counts"))
        return (means, std.count == 1 ? Array(repeating: std[0], count: means.count) : std,
                counts.count == 1 ? Array(repeating: counts[0], count: means.count) : counts)
    }

    public static func load(_ settings: SettingValues, random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        let (means, std, counts) = classes(settings)
        return SourceData(SeedGenerators.gaussians(means: means, std: std, counts: counts, random: &random))
    }

    public static func describe(_ settings: SettingValues) -> String {
        let (means, std, counts) = classes(settings)
        return "two-dimensional Gaussians, " + zip(means, zip(std, counts)).enumerated().map { index, item in
            "class \(index): \(item.1.1) points around (\(item.0.map(\.shortText).joined(separator: ", "))), σ = \(item.1.0.shortText)"
        }.joined(separator: "; ")
    }
}
