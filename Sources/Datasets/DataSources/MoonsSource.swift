import NeuralNet

/// scikit-learn's `make_moons` (seed 003).
public enum MoonsSource: ConfigurableDataSource {
    public static let name = "moons"
    public static let summary = "two interleaved half circles, scikit-learn's make_moons (seed 003)"
    public static let settings = [DataSourceSettings.samples(default: 100), DataSourceSettings.noise(default: 0)]

    public static func shape(_ settings: SettingValues) -> (rows: Int, columns: Int)? { (settings.integer("samples"), 3) }

    public static func load(_ settings: SettingValues, random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        let noise = settings.number("noise")
        return SourceData(TwoClassShapes.moons(samples: settings.integer("samples"), noise: noise == 0 ? nil : noise, random: &random))
    }

    public static func describe(_ settings: SettingValues) -> String {
        "make_moons: \(settings.integer("samples")) points, noise \(settings.number("noise").shortText)"
    }
}
