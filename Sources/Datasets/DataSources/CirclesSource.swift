import Configuration
import NeuralNet
import Wording

/// scikit-learn's `make_circles`.
public enum CirclesSource: ConfigurableDataSource {
    public static let name = "circles"
    public static let summary = "a circle inside another, scikit-learn's make_circles"

    public struct Keys: SettingDeclarations {
        let samples = DataSourceSettings.samples(default: 100)
        let noise = DataSourceSettings.noise(default: 0)
        let factor: SettingKey<Double> = .number("factor", .fraction, default: 0.8, "the inner circle's radius as a fraction of the outer's")
        public init() {}
    }

    public static func shape(_ settings: Settings<Keys>) -> (rows: Int, columns: Int)? { (settings.samples, 3) }

    public static func load(_ settings: Settings<Keys>, random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        let noise = settings.noise
        return SourceData(TwoClassShapes.circles(samples: settings.samples, factor: settings.factor, noise: noise == 0 ? nil : noise, random: &random))
    }

    public static func describe(_ settings: Settings<Keys>) -> String {
        "make_circles: \(settings.samples) points, noise \(settings.noise.shortText), factor \(settings.factor.shortText)"
    }
}
