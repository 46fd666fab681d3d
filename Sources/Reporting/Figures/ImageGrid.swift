import Configuration
import Experiments
import NeuralNet
import Plotting
import Wording

/// Data rows drawn as pictures in a grid, each with its own title and caption line: what the
/// samples and mistakes figures share.
enum ImageGrid {
    /// One picture of the grid: a data set row and the texts above and below it.
    struct Cell {
        var row: Int
        var title: String
        var caption: String?
    }

    /// The option of how many pictures a row holds.
    static let columns: SettingKey<Int> = .integer("columns", minimum: 1, default: 8, "images per row")

    /// Why the data's rows cannot be drawn as pictures, or nil when they can.
    static func problem(for prepared: PreparedExperiment) -> String? {
        for index in Set(prepared.dataIndices.compactMap { $0 }) {
            let data = prepared.datasets[index]
            guard let shape = data.imageShape, shape.count == 2, shape[0] * shape[1] == data.inputWidth else {
                let sources = Registry.dataSources.filter { $0.canGiveImages }.map { $0.name }
                return "it draws each row as a picture; this data's rows are not images (an \(sources.listed("or")) source of height × width "
                    + "arrays gives them)"
            }
        }
        return nil
    }

    /// The grid of `cells` from `data`, `columns` pictures a row, ink dark on white (`gray_r`).
    static func figure(_ cells: [Cell], data: PreparedData, columns: Int, cellInches: Double) -> Figure {
        let shape = data.imageShape ?? [1, data.inputWidth]
        let columns = max(1, min(columns, cells.count))
        let rows = max(1, (cells.count + columns - 1) / columns)
        var figure = Figure(widthInches: cellInches * Double(columns), heightInches: cellInches * 1.25 * Double(rows),
                            rows: rows, columns: columns)
        let range = displayRange(data)
        for position in 0..<(rows * columns) {
            var axes = Axes()
            axes.showsFrame = false
            axes.legend = nil
            if position < cells.count, let raster = Raster(rows: shape[0], columns: shape[1], values: data.inputs.row(cells[position].row)) {
                axes.image(raster, colormap: Colormap.gray.reversed, range: range)
                axes.title = cells[position].title
                axes.titleSize = 9
                axes.xLabel = cells[position].caption
            }
            figure.axes[position] = axes
        }
        return figure
    }

    /// The values from white to black: the scaled byte range for divided data (0 to 255 / divisor),
    /// else the data's own extent, the same for every picture so that greys compare.
    private static func displayRange(_ data: PreparedData) -> ClosedRange<Double> {
        if let divisor = data.divisor, data.standardizer == nil, case .bytes = data.inputs.values { return 0...(255 / divisor) }
        var (low, high) = (Double.infinity, -Double.infinity)
        for row in 0..<min(data.count, 2048) {
            for value in data.inputs.row(row) where value.isFinite { (low, high) = (min(low, value), max(high, value)) }
        }
        return low < high ? low...high : 0...1
    }
}
