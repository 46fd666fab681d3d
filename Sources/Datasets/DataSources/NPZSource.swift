import NeuralNet

/// A NumPy `.npz` archive holding an input matrix and a label vector (seed 004's `data.npz`), and
/// optionally a test archive with arrays of the same names. An input array of images (one more
/// dimension, rows × height × width) is flattened, each image's pixels a row, and keeps its shape.
public enum NPZSource: ConfigurableDataSource {
    public static let name = "npz"
    public static let summary = "a NumPy .npz archive with an input matrix and a label vector (seed 004's data.npz)"
    public static let settings = [
        DataSourceSettings.path,
        DataSourceSettings.testPath,
        Setting("inputs", .text, default: .text("arr_0"), "the name of the input array (np.savez names them arr_0, arr_1, …)"),
        Setting("labels", .text, default: .text("arr_1"), "the name of the label array"),
    ]

    public static func files(_ settings: SettingValues, directory: String) -> [String] {
        ["path", "test_path"].compactMap { settings.text($0) }.map { DataSourceSettings.resolve($0, in: directory) }
    }

    public static func load(_ settings: SettingValues, random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        let paths = files(settings, directory: directory)
        let (inputs, labels) = (settings.text("inputs") ?? "arr_0", settings.text("labels") ?? "arr_1")
        // A missing array is a mistake in `inputs` or `labels`, the rest in the file's own key.
        var missing: SettingError?
        do {
            return try SourceFiles.trainAndTest(path: paths[0], testPath: paths.count > 1 ? paths[1] : nil) { path throws(DataFileError) in
                do { return try read(path, inputs: inputs, labels: labels) } catch let error as MissingArray {
                    missing = SettingError(key: error.key, error.message)
                    throw DataFileError(file: path, problem: error.message)
                } catch let error as DataFileError { throw error } catch { throw DataFileError(file: path, problem: "\(error)") }
            }
        } catch {
            throw missing ?? error
        }
    }

    private struct MissingArray: Error {
        let key: String
        let message: String
    }

    private static func read(_ path: String, inputs: String, labels: String) throws -> SourceData {
        let arrays = try NumPyFiles.readNPZ(at: path)
        var imageShape: [Int]?
        func matrix(_ key: String, _ name: String) throws -> Matrix {
            guard var array = arrays[name] else {
                throw MissingArray(key: key, message: "\(path) has no array \"\(name)\"; it holds \(arrays.keys.sorted().joined(separator: ", "))")
            }
            if key == "inputs", array.shape.count > 3 {
                throw DataFileError(file: path, problem: "input array \"\(name)\" has shape \(array.shape); expected rows × features (2-D) "
                    + "or rows × height × width images (3-D)")
            }
            if key == "inputs", array.shape.count == 3 {
                imageShape = Array(array.shape.dropFirst())
                array.shape = [array.shape[0], array.shape[1] * array.shape[2]]
            }
            let matrix = try array.matrix(file: path)
            if let index = matrix.elements.firstIndex(where: { !$0.isFinite }) {
                let value = matrix.elements[index], columns = max(matrix.columns, 1)
                throw DataFileError(file: path, problem: "array \"\(name)\" holds \(value.isNaN ? "NaN" : value > 0 ? "Infinity" : "-Infinity") "
                    + "at row \(index / columns + 1), column \(index % columns + 1) (counting from 1); every value must be a finite number")
            }
            return matrix
        }
        let x = try matrix("inputs", inputs)
        var y = try matrix("labels", labels)
        if y.rows == 1 && y.columns == x.rows { y = .column(y.elements) }
        guard y.rows == x.rows, y.columns == 1 else {
            throw DataFileError(file: path, problem: "\(x.rows) input rows but labels of shape \(y.shapeDescription); expected one label per row")
        }
        return SourceData(inputs: InputTable(x), targets: y, imageShape: imageShape, files: [path])
    }

    public static func describe(_ settings: SettingValues) -> String {
        let test = settings.text("test_path").map { ", test file `\($0)`" } ?? ""
        return "NumPy file `\(settings.text("path") ?? "")`\(test) (inputs `\(settings.text("inputs") ?? "")`, labels `\(settings.text("labels") ?? "")`)"
    }
}
