import NeuralNet

/// Four quadrants, opposite ones sharing a class.
public enum XORSource: ConfigurableDataSource {
    public static let name = "xor"
    public static let summary = "four quadrants, opposite ones sharing a class"
    public static let settings = [DataSourceSettings.samples(default: 200), DataSourceSettings.noise(default: 0)]

    public static func shape(_ settings: SettingValues) -> (rows: Int, columns: Int)? { (settings.integer("samples"), 3) }

    public static func load(_ settings: SettingValues, random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        SourceData(PatternShapes.xor(samples: settings.integer("samples"), noise: settings.number("noise"), random: &random))
    }

    public static func describe(_ settings: SettingValues) -> String {
        "XOR quadrants: \(settings.integer("samples")) points, noise \(settings.number("noise").shortText)"
    }
}
