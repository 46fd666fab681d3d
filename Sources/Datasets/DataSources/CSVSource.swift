import NeuralNet

/// A CSV file with a header row (gzipped or not): named feature columns and a label column, and
/// optionally a test file of the same columns.
public enum CSVSource: ConfigurableDataSource {
    public static let name = "csv"
    public static let summary = "a CSV file with a header row, gzipped or not"
    public static let settings = [
        DataSourceSettings.path,
        DataSourceSettings.testPath,
        Setting("features", .texts, default: .texts([]), "the input columns, by header name (default: every column but the label)"),
        Setting("label", .text, default: .text("label"), "the label column's header name"),
    ]

    public static func files(_ settings: SettingValues, directory: String) -> [String] {
        ["path", "test_path"].compactMap { settings.text($0) }.map { DataSourceSettings.resolve($0, in: directory) }
    }

    public static func load(_ settings: SettingValues, random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        let features = settings.texts("features").flatMap { $0.isEmpty ? nil : $0 }
        let label = settings.text("label") ?? "label"
        let paths = files(settings, directory: directory)
        return try SourceFiles.trainAndTest(path: paths[0], testPath: paths.count > 1 ? paths[1] : nil) { path throws(DataFileError) in
            let table = try CSVFiles.readTable(at: path, features: features, label: label)
            return SourceData(inputs: InputTable(table.data.inputs), targets: table.data.targets, featureNames: table.features, files: [path])
        }
    }

    public static func describe(_ settings: SettingValues) -> String {
        let test = settings.text("test_path").map { ", test file `\($0)`" } ?? ""
        return "CSV file `\(settings.text("path") ?? "")`\(test), label column `\(settings.text("label") ?? "label")`"
    }
}
