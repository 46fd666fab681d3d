import Configuration
import NeuralNet
import Wording

/// scikit-learn's `make_moons` (seed 003).
public enum MoonsSource: ConfigurableDataSource {
    public static let name = "moons"
    public static let summary = "two interleaved half circles, scikit-learn's make_moons (seed 003)"

    public struct Keys: SettingDeclarations {
        let samples = DataSourceSettings.samples(default: 100)
        let noise = DataSourceSettings.noise(default: 0)
        public init() {}
    }

    public static func shape(_ settings: Settings<Keys>) -> (rows: Int, columns: Int)? { (settings.samples, 3) }

    public static func load(_ settings: Settings<Keys>, random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        let noise = settings.noise
        return SourceData(TwoClassShapes.moons(samples: settings.samples, noise: noise == 0 ? nil : noise, random: &random))
    }

    public static func describe(_ settings: Settings<Keys>) -> String {
        "make_moons: \(settings.samples) points, noise \(settings.noise.shortText)"
    }
}
