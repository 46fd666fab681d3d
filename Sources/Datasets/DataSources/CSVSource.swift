import Configuration
import NeuralNet

/// A CSV file with a header row (gzipped or not): named feature columns and a label column, and
/// optionally a test file of the same columns.
public enum CSVSource: ConfigurableDataSource {
    public static let name = "csv"
    public static let summary = "a CSV file with a header row, gzipped or not"
    public struct Keys: SettingDeclarations {
        let path = DataSourceSettings.path
        let testPath = DataSourceSettings.testPath
        let features: SettingKey<[String]?> = .texts("features", "the input columns, by header name (default: every column but the label)")
        let label: SettingKey<String> = .text("label", default: "label", "the label column's header name")
        public init() {}
    }

    public static func files(_ settings: Settings<Keys>, directory: String) -> [String] {
        ([settings.path] + [settings.testPath].compactMap { $0 }).map { DataSourceSettings.resolve($0, in: directory) }
    }

    public static func load(_ settings: Settings<Keys>, random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        let (features, label) = (settings.features, settings.label)
        let paths = files(settings, directory: directory)
        return try SourceFiles.trainAndTest(path: paths[0], testPath: paths.count > 1 ? paths[1] : nil) { path throws(DataFileError) in
            let table = try CSVFiles.readTable(at: path, features: features, label: label)
            return SourceData(inputs: InputTable(table.data.inputs), targets: table.data.targets, featureNames: table.features, files: [path])
        }
    }

    public static func describe(_ settings: Settings<Keys>) -> String {
        let test = settings.testPath.map { ", test file `\($0)`" } ?? ""
        return "CSV file `\(settings.path)`\(test), label column `\(settings.label)`"
    }

    public static func origin(_ settings: Settings<Keys>) -> String { settings.path }
}
