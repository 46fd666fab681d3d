/// One set of data drawn in an axes: a line through points, or scattered markers.
public struct Series: Sendable {
    /// How the points are drawn.
    public enum Style: Sendable, Equatable {
        /// Points joined by a line of `width` points, dashed by `dash` (on/off lengths in points).
        case line(width: Double = 1.5, dash: [Double] = [])
        /// Circular markers of `size` square points (matplotlib's `s`), outlined by `edge` when given.
        case scatter(size: Double = 36, edge: Color? = nil)
        /// A field painted through a colormap (values mapped from `range` to 0...1), as one image.
        case field(Field, colormap: Colormap, range: ClosedRange<Double>, alpha: Double = 1)
        /// The line where a field crosses `level`.
        case contour(Field, level: Double, width: Double = 1.5, dash: [Double] = [])
        /// A horizontal line across the axes at the series' single y value.
        case horizontalLine(width: Double = 1, dash: [Double] = [])
        /// A vertical line across the axes at the series' single x value.
        case verticalLine(width: Double = 1, dash: [Double] = [])
        /// Text at the series' single point, of `size` points, anchored at its left end
        /// (`horizontal` 0), its centre (0.5) or its right end (1), and vertically at its middle.
        case text(String, size: Double = 10, horizontal: Double = 0)
        /// A grid of values painted through a colormap, cell (row r, column c) centred on (c, r):
        /// an image or a matrix, as matplotlib's `imshow` (nearest neighbour, no smoothing).
        case image(Raster, colormap: Colormap, range: ClosedRange<Double>)
        /// A bar from 0 to each y, centred on its x and `width` wide in data units.
        case bar(width: Double)
    }

    /// x coordinates.
    public var x: [Double]
    /// y coordinates, as many as x.
    public var y: [Double]
    /// How the points are drawn.
    public var style: Style
    /// The colour; nil takes the next colour of the tab10 cycle.
    public var color: Color?
    /// Per-point colours (scatter only), overriding `color`.
    public var pointColors: [Color]?
    /// The name in the legend; nil leaves the series out of it.
    public var label: String?

    /// Creates a series.
    public init(x: [Double], y: [Double], style: Style, color: Color? = nil, pointColors: [Color]? = nil, label: String? = nil) {
        switch style {
        case .line, .scatter, .field, .text, .bar:
            precondition(x.count == y.count, "A series needs as many x as y values, got \(x.count) and \(y.count)")
        case .contour, .horizontalLine, .verticalLine, .image:
            break
        }
        self.x = x
        self.y = y
        self.style = style
        self.color = color
        self.pointColors = pointColors
        self.label = label
    }
}
