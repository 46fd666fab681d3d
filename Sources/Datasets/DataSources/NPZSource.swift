import NeuralNet

/// A NumPy `.npz` archive holding an input matrix and a label vector (seed 004's `data.npz`).
public enum NPZSource: ConfigurableDataSource {
    public static let name = "npz"
    public static let summary = "a NumPy .npz archive with an input matrix and a label vector (seed 004's data.npz)"
    public static let settings = [
        DataSourceSettings.path,
        Setting("inputs", .text, default: .text("arr_0"), "the name of the input array (np.savez names them arr_0, arr_1, …)"),
        Setting("labels", .text, default: .text("arr_1"), "the name of the label array"),
    ]

    public static func files(_ settings: SettingValues, directory: String) -> [String] {
        [DataSourceSettings.resolve(settings.text("path") ?? "", in: directory)]
    }

    public static func load(_ settings: SettingValues, random: inout RandomState, directory: String) throws(SettingError) -> LabeledData {
        let path = files(settings, directory: directory)[0]
        let arrays: [String: NumPyArray]
        do { arrays = try NumPyFiles.readNPZ(at: path) } catch { throw SettingError(key: "path", "\(error)") }
        func matrix(_ key: String) throws(SettingError) -> Matrix {
            let name = settings.text(key) ?? ""
            guard let array = arrays[name] else {
                throw SettingError(key: key, "\(path) has no array \"\(name)\"; it holds \(arrays.keys.sorted().joined(separator: ", "))")
            }
            let matrix: Matrix
            do { matrix = try array.matrix(file: path) } catch { throw SettingError(key: "path", "\(error)") }
            if let index = matrix.elements.firstIndex(where: { !$0.isFinite }) {
                let value = matrix.elements[index], columns = max(matrix.columns, 1)
                throw SettingError(key: "path", "\(path): array \"\(name)\" holds \(value.isNaN ? "NaN" : value > 0 ? "Infinity" : "-Infinity") "
                    + "at row \(index / columns + 1), column \(index % columns + 1) (counting from 1); every value must be a finite number")
            }
            return matrix
        }
        let x = try matrix("inputs")
        var y = try matrix("labels")
        if y.rows == 1 && y.columns == x.rows { y = .column(y.elements) }
        guard y.rows == x.rows, y.columns == 1 else {
            throw SettingError(key: "path", "\(path): \(x.rows) input rows but labels of shape \(y.shapeDescription); expected one label per row")
        }
        return LabeledData(inputs: x, targets: y)
    }

    public static func describe(_ settings: SettingValues) -> String {
        "NumPy file `\(settings.text("path") ?? "")` (inputs `\(settings.text("inputs") ?? "")`, labels `\(settings.text("labels") ?? "")`)"
    }
}
