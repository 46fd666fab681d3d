import Configuration
import NeuralNet
import Wording

/// Evenly spaced x on an interval, labelled x > threshold (seed 002).
public enum ThresholdSource: ConfigurableDataSource {
    public static let name = "threshold"
    public static let summary = "evenly spaced x on an interval, labelled 1 where x > threshold (seed 002)"

    public struct Keys: SettingDeclarations {
        let range: SettingKey<ClosedRange<Double>> = .interval("range", default: -5...5, "the interval [low, high]")
        let count: SettingKey<Int> = .integer("count", minimum: 2, default: 100, "how many points")
        let threshold: SettingKey<Double> = .number("threshold", default: 0, "where the label changes")
        public init() {}
    }

    public static func shape(_ settings: Settings<Keys>) -> (rows: Int, columns: Int)? { (settings.count, 2) }

    public static func load(_ settings: Settings<Keys>, random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        let range = settings.range
        return SourceData(SeedGenerators.threshold(start: range.lowerBound, stop: range.upperBound, count: settings.count, threshold: settings.threshold))
    }

    public static func describe(_ settings: Settings<Keys>) -> String {
        let range = settings.range
        return "\(settings.count) evenly spaced x in [\(range.lowerBound.shortText), \(range.upperBound.shortText)], label x > \(settings.threshold.shortText)"
    }
}
