import Configuration
import NeuralNet
import Wording

/// scikit-learn's `make_blobs`, with given centres or a number of centres drawn in a box.
public enum BlobsSource: ConfigurableDataSource {
    public static let name = "blobs"
    public static let summary = "normal clouds around centres, scikit-learn's make_blobs"
    public struct Keys: SettingDeclarations {
        let samples = DataSourceSettings.samples(default: 100)
        let centers: SettingKey<BlobCenterSetting> = SettingKey("centers", .either([.points(dimensions: 2), .integer(minimum: 1)]),
                                                                default: .count(3), "the centres, or how many to draw uniformly in the box")
        let box: SettingKey<ClosedRange<Double>> = .interval("box", default: -10...10, "where random centres are drawn, [low, high] in each coordinate")
        let std: SettingKey<[Double]> = .numbers("std", .positive, default: [1], "the standard deviation: one for all, or one per centre")
        public init() {}
    }

    static func centerCount(_ settings: Settings<Keys>) -> Int {
        switch settings.centers {
        case .given(let points): points.count
        case .count(let count): count
        }
    }

    public static func check(_ settings: Settings<Keys>) -> SettingError? {
        let count = centerCount(settings)
        return [1, count].contains(settings.std.count)
            ? nil : settings.error(\.std, "expected one positive deviation, or one per centre (\(count))")
    }

    public static func shape(_ settings: Settings<Keys>) -> (rows: Int, columns: Int)? { (settings.samples, 3) }

    public static func load(_ settings: Settings<Keys>, random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        let centers: BlobCenters = switch settings.centers {
        case .given(let points): .given(points)
        case .count(let count): .random(count: count, box: settings.box)
        }
        return SourceData(TwoClassShapes.blobs(samples: settings.samples, centers: centers, clusterStd: settings.std, random: &random))
    }

    public static func describe(_ settings: Settings<Keys>) -> String {
        let centers = switch settings.centers {
        case .given(let points): "centres " + points.map { "(" + $0.map(\.shortText).joined(separator: ", ") + ")" }.joined(separator: ", ")
        case .count(let count): "\(count) random centres"
        }
        return "make_blobs: \(settings.samples) points, \(centers), σ = \(settings.std.map(\.shortText).joined(separator: ", "))"
    }
}

/// `centers`: the centres themselves, or how many to draw.
public enum BlobCenterSetting: PlainSettingValue {
    case given([[Double]])
    case count(Int)

    public init?(setting value: SettingValue, kind: SettingKind) {
        if let points = [[Double]](setting: value, kind: .points(dimensions: 2)) {
            self = .given(points)
        } else if let count = Int(setting: value, kind: .integer(minimum: 1)) {
            self = .count(count)
        } else {
            return nil
        }
    }

    public var plainSettingValue: SettingValue {
        switch self {
        case .given(let points): points.plainSettingValue
        case .count(let count): count.plainSettingValue
        }
    }
}
