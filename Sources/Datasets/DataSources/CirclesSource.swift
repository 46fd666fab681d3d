import NeuralNet

/// scikit-learn's `make_circles`.
public enum CirclesSource: ConfigurableDataSource {
    public static let name = "circles"
    public static let summary = "a circle inside another, scikit-learn's make_circles"
    public static let settings = [
        DataSourceSettings.samples(default: 100),
        DataSourceSettings.noise(default: 0),
        Setting("factor", .number(.fraction), default: .number(0.8), "the inner circle's radius as a fraction of the outer's"),
    ]

    public static func shape(_ settings: SettingValues) -> (rows: Int, columns: Int)? { (settings.integer("samples"), 3) }

    public static func load(_ settings: SettingValues, random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        let noise = settings.number("noise")
        return SourceData(TwoClassShapes.circles(samples: settings.integer("samples"), factor: settings.number("factor"),
                                                 noise: noise == 0 ? nil : noise, random: &random))
    }

    public static func describe(_ settings: SettingValues) -> String {
        "make_circles: \(settings.integer("samples")) points, noise \(settings.number("noise").shortText), factor \(settings.number("factor").shortText)"
    }
}
