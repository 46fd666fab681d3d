import NeuralNet

/// Evenly spaced x on an interval, labelled x > threshold (seed 002).
public enum ThresholdSource: ConfigurableDataSource {
    public static let name = "threshold"
    public static let summary = "evenly spaced x on an interval, labelled 1 where x > threshold (seed 002)"
    public static let settings = [
        Setting("range", .interval, default: .numbers([-5, 5]), "the interval [low, high]"),
        Setting("count", .integer(minimum: 2), default: .integer(100), "how many points"),
        Setting("threshold", .number(.any), default: .number(0), "where the label changes"),
    ]

    public static func shape(_ settings: SettingValues) -> (rows: Int, columns: Int)? { (settings.integer("count"), 2) }

    public static func load(_ settings: SettingValues, random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        let range = settings.numbers("range")
        return SourceData(SeedGenerators.threshold(start: range[0], stop: range[1], count: settings.integer("count"), threshold: settings.number("threshold")))
    }

    public static func describe(_ settings: SettingValues) -> String {
        let range = settings.numbers("range")
        return "\(settings.integer("count")) evenly spaced x in [\(range[0].shortText), \(range[1].shortText)], label x > \(settings.number("threshold").shortText)"
    }
}
