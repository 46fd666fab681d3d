import Configuration
import NeuralNet
import Wording

/// Interleaved spiral arms, one class each.
public enum SpiralsSource: ConfigurableDataSource {
    public static let name = "spirals"
    public static let summary = "interleaved spiral arms, one class each"

    public struct Keys: SettingDeclarations {
        let samples = DataSourceSettings.samples(default: 300)
        let arms: SettingKey<Int> = .integer("arms", minimum: 2, default: 3, "how many arms (classes)")
        let noise = DataSourceSettings.noise(default: 0.2)
        public init() {}
    }

    public static func shape(_ settings: Settings<Keys>) -> (rows: Int, columns: Int)? { (settings.samples, 3) }

    public static func load(_ settings: Settings<Keys>, random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        SourceData(PatternShapes.spirals(samples: settings.samples, arms: settings.arms, noise: settings.noise, random: &random))
    }

    public static func describe(_ settings: Settings<Keys>) -> String {
        "\(settings.arms) spirals: \(settings.samples) points, noise \(settings.noise.shortText)"
    }
}
