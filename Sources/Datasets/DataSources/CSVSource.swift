import NeuralNet

/// A CSV file with a header row: named feature columns and a label column.
public enum CSVSource: ConfigurableDataSource {
    public static let name = "csv"
    public static let summary = "a CSV file with a header row"
    public static let settings = [
        DataSourceSettings.path,
        Setting("features", .texts, default: .texts([]), "the input columns, by header name (default: every column but the label)"),
        Setting("label", .text, default: .text("label"), "the label column's header name"),
    ]

    public static func files(_ settings: SettingValues, directory: String) -> [String] {
        [DataSourceSettings.resolve(settings.text("path") ?? "", in: directory)]
    }

    public static func load(_ settings: SettingValues, random: inout RandomState, directory: String) throws(SettingError) -> LabeledData {
        let features = settings.texts("features").flatMap { $0.isEmpty ? nil : $0 }
        do { return try CSVFiles.read(at: files(settings, directory: directory)[0], features: features, label: settings.text("label") ?? "label") } catch {
            throw SettingError(key: "path", "\(error)")
        }
    }

    public static func describe(_ settings: SettingValues) -> String {
        "CSV file `\(settings.text("path") ?? "")`, label column `\(settings.text("label") ?? "label")`"
    }
}
