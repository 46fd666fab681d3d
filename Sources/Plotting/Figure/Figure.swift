/// A page of plots: one or more `Axes` in a grid, with a size in inches and a resolution.
///
/// Defaults are matplotlib's: 6.4 x 4.8 inches at 100 dpi. A figure is a plain value; `render`
/// draws it to PNG, PDF or SVG, and the same figure always gives the same bytes.
public struct Figure: Sendable {
    /// Width in inches.
    public var widthInches: Double
    /// Height in inches.
    public var heightInches: Double
    /// Pixels per inch of the PNG (and of the layout of every format).
    public var dpi: Double
    /// Rows of the grid of axes.
    public let rows: Int
    /// Columns of the grid of axes.
    public let columns: Int
    /// The axes, row by row.
    public var axes: [Axes]
    /// A title over the whole figure, above its axes (matplotlib's `suptitle`); nil for none.
    public var title: String?

    /// Creates a figure with a `rows` x `columns` grid of empty axes.
    public init(widthInches: Double = 6.4, heightInches: Double = 4.8, dpi: Double = 100, rows: Int = 1, columns: Int = 1) {
        precondition(rows > 0 && columns > 0, "A figure needs at least one row and one column, got \(rows)x\(columns)")
        self.widthInches = widthInches
        self.heightInches = heightInches
        self.dpi = dpi
        self.rows = rows
        self.columns = columns
        self.axes = Array(repeating: Axes(), count: rows * columns)
    }

    /// The axes in row `row`, column `column` (from 0).
    public subscript(row: Int, column: Int) -> Axes {
        get { axes[row * columns + column] }
        set { axes[row * columns + column] = newValue }
    }

    /// Where each axes' plot area lands, and how it maps data to pixels, row by row.
    func layouts() throws(RenderError) -> [AxesRenderer.Layout] {
        let canvas = try Canvas(format: .png, widthInches: widthInches, heightInches: heightInches, dpi: dpi, path: nil)
        return FigureRenderer(figure: self, canvas: canvas).axesRenderers.map { $0.makeLayout() }
    }

    /// Draws the figure into a file at `path` in `format`.
    public func render(to path: String, format: OutputFormat) throws(RenderError) {
        let canvas = try Canvas(format: format, widthInches: widthInches, heightInches: heightInches, dpi: dpi, path: path)
        FigureRenderer(figure: self, canvas: canvas).draw()
        try canvas.finish()
    }
}
