import NeuralNet

/// Interleaved spiral arms, one class each.
public enum SpiralsSource: ConfigurableDataSource {
    public static let name = "spirals"
    public static let summary = "interleaved spiral arms, one class each"
    public static let settings = [
        DataSourceSettings.samples(default: 300),
        Setting("arms", .integer(minimum: 2), default: .integer(3), "how many arms (classes)"),
        DataSourceSettings.noise(default: 0.2),
    ]

    public static func shape(_ settings: SettingValues) -> (rows: Int, columns: Int)? { (settings.integer("samples"), 3) }

    public static func load(_ settings: SettingValues, random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        SourceData(PatternShapes.spirals(samples: settings.integer("samples"), arms: settings.integer("arms"), noise: settings.number("noise"), random: &random))
    }

    public static func describe(_ settings: SettingValues) -> String {
        "\(settings.integer("arms")) spirals: \(settings.integer("samples")) points, noise \(settings.number("noise").shortText)"
    }
}
