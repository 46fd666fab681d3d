import NeuralNet

/// scikit-learn's `make_blobs`, with given centres or a number of centres drawn in a box.
public enum BlobsSource: ConfigurableDataSource {
    public static let name = "blobs"
    public static let summary = "normal clouds around centres, scikit-learn's make_blobs"
    public static let settings = [
        DataSourceSettings.samples(default: 100),
        Setting("centers", .either([.points(dimensions: 2), .integer(minimum: 1)]), default: .integer(3),
                "the centres, or how many to draw uniformly in the box"),
        Setting("box", .interval, default: .numbers([-10, 10]), "where random centres are drawn, [low, high] in each coordinate"),
        Setting("std", .numbers(.positive, count: nil), default: .numbers([1]), "the standard deviation: one for all, or one per centre"),
    ]

    static func centerCount(_ settings: SettingValues) -> Int {
        settings.points("centers")?.count ?? settings.integer("centers")
    }

    public static func check(_ settings: SettingValues) -> SettingError? {
        let count = centerCount(settings)
        return [1, count].contains(settings.numbers("std").count)
            ? nil : SettingError(key: "std", "expected one positive deviation, or one per centre (\(count))")
    }

    public static func shape(_ settings: SettingValues) -> (rows: Int, columns: Int)? { (settings.integer("samples"), 3) }

    public static func load(_ settings: SettingValues, random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        let box = settings.numbers("box")
        let centers: BlobCenters = settings.points("centers").map { .given($0) } ?? .random(count: centerCount(settings), box: box[0]...box[1])
        return SourceData(TwoClassShapes.blobs(samples: settings.integer("samples"), centers: centers, clusterStd: settings.numbers("std"), random: &random))
    }

    public static func describe(_ settings: SettingValues) -> String {
        let centers = settings.points("centers").map { "centres " + $0.map { "(" + $0.map(\.shortText).joined(separator: ", ") + ")" }.joined(separator: ", ") }
            ?? "\(centerCount(settings)) random centres"
        return "make_blobs: \(settings.integer("samples")) points, \(centers), σ = \(settings.numbers("std").map(\.shortText).joined(separator: ", "))"
    }
}
