import Configuration
import NeuralNet
import Wording

/// Four quadrants, opposite ones sharing a class.
public enum XORSource: ConfigurableDataSource {
    public static let name = "xor"
    public static let summary = "four quadrants, opposite ones sharing a class"

    public struct Keys: SettingDeclarations {
        let samples = DataSourceSettings.samples(default: 200)
        let noise = DataSourceSettings.noise(default: 0)
        public init() {}
    }

    public static func shape(_ settings: Settings<Keys>) -> (rows: Int, columns: Int)? { (settings.samples, 3) }

    public static func load(_ settings: Settings<Keys>, random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        SourceData(PatternShapes.xor(samples: settings.samples, noise: settings.noise, random: &random))
    }

    public static func describe(_ settings: Settings<Keys>) -> String {
        "XOR quadrants: \(settings.samples) points, noise \(settings.noise.shortText)"
    }
}
