import Configuration
import NeuralNet

/// What the file sources share: reading a file with its problems reported at the setting that
/// names it, and putting a training file's rows and a test file's in one table, test rows last.
enum SourceFiles {
    /// `read()`, its `DataFileError` reported at the setting `key`.
    static func reading<Value>(at key: String, _ read: () throws(DataFileError) -> Value) throws(SettingError) -> Value {
        do { return try read() } catch { throw SettingError(key: key, "\(error)") }
    }

    /// The rows of `train` then those of `test` (when given) in one table; a mismatch between
    /// the two is reported at `testKey`.
    static func combine(_ train: SourceData, _ test: SourceData?, testKey: String, testFile: String) throws(SettingError) -> SourceData {
        guard let test else { return train }
        guard test.inputs.columns == train.inputs.columns else {
            throw SettingError(key: testKey, "\(testFile) has \(test.inputs.columns) input columns, the training file \(train.inputs.columns)")
        }
        guard let inputs = InputTable(concatenating: train.inputs, test.inputs) else {
            throw SettingError(key: testKey, "\(testFile) stores its inputs differently from the training file (bytes in one, numbers in the other)")
        }
        var combined = train
        let rows = train.count
        combined.inputs = inputs
        combined.targets = Matrix(rows: rows + test.count, columns: 1, elements: train.targets.elements + test.targets.elements)
        combined.testRows = rows..<(rows + test.count)
        combined.files += test.files
        return combined
    }

    /// The rows of the training file at `path` and of the test file at `testPath`, if given, read
    /// alike by `read`; problems are reported at `key` and `testKey`.
    static func trainAndTest(path: String, testPath: String?, key: String = "path", testKey: String = "test_path",
                             read: (String) throws(DataFileError) -> SourceData) throws(SettingError) -> SourceData {
        let train = try reading(at: key) { () throws(DataFileError) in try read(path) }
        guard let testPath else { return train }
        let test = try reading(at: testKey) { () throws(DataFileError) in try read(testPath) }
        return try combine(train, test, testKey: testKey, testFile: testPath)
    }
}
