import Configuration
import NeuralNet

/// A NumPy `.npz` archive holding an input matrix and a label vector (seed 004's `data.npz`), and
/// optionally a test archive with arrays of the same names. An input array of images (one more
/// dimension, rows × height × width) is flattened, each image's pixels a row, and keeps its shape.
public enum NPZSource: ConfigurableDataSource {
    public static let name = "npz"
    public static let summary = "a NumPy .npz archive with an input matrix and a label vector (seed 004's data.npz)"
    public static let canGiveImages = true
    public struct Keys: SettingDeclarations {
        let path = DataSourceSettings.path
        let testPath = DataSourceSettings.testPath
        let inputs: SettingKey<String> = .text("inputs", default: "arr_0", "the name of the input array (np.savez names them arr_0, arr_1, …)")
        let labels: SettingKey<String> = .text("labels", default: "arr_1", "the name of the label array")
        public init() {}
    }

    public static func files(_ settings: Settings<Keys>, directory: String) -> [String] {
        ([settings.path] + [settings.testPath].compactMap { $0 }).map { DataSourceSettings.resolve($0, in: directory) }
    }

    public static func load(_ settings: Settings<Keys>, random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        let paths = files(settings, directory: directory)
        let (inputs, labels) = (settings.inputs, settings.labels)
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
            let isInput = key == Keys.key(\.inputs)
            if isInput, array.shape.count > 3 {
                throw DataFileError(file: path, problem: "input array \"\(name)\" has shape \(array.shape); expected rows × features (2-D) "
                    + "or rows × height × width images (3-D)")
            }
            if isInput, array.shape.count == 3 {
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
        let x = try matrix(Keys.key(\.inputs), inputs)
        var y = try matrix(Keys.key(\.labels), labels)
        if y.rows == 1 && y.columns == x.rows { y = .column(y.elements) }
        guard y.rows == x.rows, y.columns == 1 else {
            throw DataFileError(file: path, problem: "\(x.rows) input rows but labels of shape \(y.shapeDescription); expected one label per row")
        }
        return SourceData(inputs: InputTable(x), targets: y, imageShape: imageShape, files: [path])
    }

    public static func describe(_ settings: Settings<Keys>) -> String {
        let test = settings.testPath.map { ", test file `\($0)`" } ?? ""
        return "NumPy file `\(settings.path)`\(test) (inputs `\(settings.inputs)`, labels `\(settings.labels)`)"
    }

    public static func origin(_ settings: Settings<Keys>) -> String { settings.path }
}
