/// How data values map to positions along an axis.
public enum AxisScale: Sendable, Equatable {
    /// Evenly spaced values.
    case linear
    /// Evenly spaced powers of ten; values must be positive.
    case log
}

/// Where a legend goes.
public enum LegendPlacement: Sendable, Equatable, CaseIterable {
    /// The candidate position covering the fewest data points, as matplotlib's `loc='best'`.
    case best
    case upperRight, upperLeft, lowerLeft, lowerRight, right, centerLeft, centerRight, lowerCenter, upperCenter, center
}

/// One plot: its series, axis settings and texts (matplotlib's `Axes`).
public struct Axes: Sendable {
    /// The series, drawn in order.
    public var series: [Series] = []
    /// The title above the plot.
    public var title: String?
    /// The title's size in points; nil is matplotlib's 12.
    public var titleSize: Double?
    /// The label under the x axis.
    public var xLabel: String?
    /// The label beside the y axis.
    public var yLabel: String?
    /// The x axis scale.
    public var xScale: AxisScale = .linear
    /// The y axis scale.
    public var yScale: AxisScale = .linear
    /// Fixed x limits; nil fits the data with 5% margins.
    public var xLimits: ClosedRange<Double>?
    /// Fixed y limits; nil fits the data with 5% margins.
    public var yLimits: ClosedRange<Double>?
    /// Whether to draw grid lines at the major ticks.
    public var grid = false
    /// Whether a unit in x has the same length on screen as a unit in y.
    public var equalAspect = false
    /// Where the legend goes; nil for none (series without labels are never listed).
    public var legend: LegendPlacement? = .best
    /// A colour bar beside the axes.
    public var colorbar: Colorbar?
    /// Names for the x ticks at 0, 1, 2, …, in place of numbered ticks (categories).
    public var xCategories: [String]?
    /// Names for the y ticks at 0, 1, 2, ….
    public var yCategories: [String]?
    /// The angle of the x tick labels in degrees, counter-clockwise; a rotated label ends at its
    /// tick (matplotlib's `rotation=45, ha="right"`), for category names longer than their slot.
    public var xLabelRotation = 0.0
    /// Whether the x ticks are whole numbers only (epochs, iterations).
    public var xIntegerTicks = false
    /// Whether y grows downward, as the rows of an image or a matrix.
    public var yInverted = false
    /// Whether the frame, the ticks and their labels are drawn (false is matplotlib's `axis("off")`).
    public var showsFrame = true

    /// Whether the axes holds nothing to draw: no series, no texts, no colour bar.
    public var isBlank: Bool {
        series.isEmpty && title == nil && xLabel == nil && yLabel == nil && colorbar == nil
    }

    /// Creates an empty axes.
    public init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// Adds a line through the points.
    public mutating func plot(_ x: [Double], _ y: [Double], color: Color? = nil, width: Double = 1.5,
                              dash: [Double] = [], label: String? = nil) {
        series.append(Series(x: x, y: y, style: .line(width: width, dash: dash), color: color, label: label))
    }

    /// Paints a field through a colormap (a decision surface or probability field), under the other series.
    public mutating func field(_ field: Field, colormap: Colormap, range: ClosedRange<Double>? = nil, alpha: Double = 1) {
        let range = range ?? ((field.values.filter(\.isFinite).min() ?? 0)...(field.values.filter(\.isFinite).max() ?? 1))
        series.append(Series(x: [field.x.lowerBound, field.x.upperBound], y: [field.y.lowerBound, field.y.upperBound],
                             style: .field(field, colormap: colormap, range: range, alpha: alpha)))
    }

    /// Draws the line where a field crosses `level` (the 0.5 contour of a probability field).
    public mutating func contour(_ field: Field, level: Double, color: Color = .black, width: Double = 1.5,
                                 dash: [Double] = [], label: String? = nil) {
        series.append(Series(x: [], y: [], style: .contour(field, level: level, width: width, dash: dash), color: color, label: label))
    }

    /// A horizontal reference line at `y`.
    public mutating func horizontalLine(at y: Double, color: Color = .black, width: Double = 1, dash: [Double] = [4, 2]) {
        series.append(Series(x: [], y: [y], style: .horizontalLine(width: width, dash: dash), color: color))
    }

    /// A vertical reference line at `x`.
    public mutating func verticalLine(at x: Double, color: Color = .black, width: Double = 1, dash: [Double] = [4, 2]) {
        series.append(Series(x: [x], y: [], style: .verticalLine(width: width, dash: dash), color: color))
    }

    /// Text at data coordinates (x, y), starting there (`horizontal` 0) or centred on it (0.5).
    public mutating func annotate(_ text: String, x: Double, y: Double, size: Double = 10, color: Color = .black,
                                  horizontal: Double = 0) {
        series.append(Series(x: [x], y: [y], style: .text(text, size: size, horizontal: horizontal), color: color))
    }

    /// Shows `raster` as `imshow` does: one cell per value, row 0 at the top, square cells, the
    /// limits at the raster's edges; values mapped from `range` (default: their extent) to the colormap.
    public mutating func image(_ raster: Raster, colormap: Colormap, range: ClosedRange<Double>? = nil) {
        let finite = raster.values.filter(\.isFinite)
        let range = range ?? ((finite.min() ?? 0)...(finite.max() ?? 1))
        series.append(Series(x: [], y: [], style: .image(raster, colormap: colormap, range: range)))
        xLimits = xLimits ?? -0.5...(Double(raster.columns) - 0.5)
        yLimits = yLimits ?? -0.5...(Double(raster.rows) - 0.5)
        yInverted = true
        equalAspect = true
    }

    /// Adds bars from 0 to each height, centred on their x positions, `width` wide.
    public mutating func bar(_ x: [Double], _ heights: [Double], width: Double = 0.8, color: Color? = nil, label: String? = nil) {
        series.append(Series(x: x, y: heights, style: .bar(width: width), color: color, label: label))
    }

    /// Adds markers at the points.
    public mutating func scatter(_ x: [Double], _ y: [Double], color: Color? = nil, colors: [Color]? = nil,
                                 size: Double = 36, edge: Color? = nil, label: String? = nil) {
        series.append(Series(x: x, y: y, style: .scatter(size: size, edge: edge), color: color, pointColors: colors, label: label))
    }
}

/// A bar beside an axes showing its colormap over a range of values, with its own ticks.
public struct Colorbar: Sendable, Equatable {
    /// The colours.
    public var colormap: Colormap
    /// The values at the bottom and top of the bar.
    public var range: ClosedRange<Double>
    /// The label beside the bar.
    public var label: String?
    /// Whether its ticks are whole numbers only (run numbers).
    public var integerTicks = false
    /// How values map to the bar: linearly, or by their logarithm (a range of positive values).
    public var scale: AxisScale = .linear

    /// Creates a colour bar.
    public init(colormap: Colormap, range: ClosedRange<Double>, label: String? = nil) {
        self.colormap = colormap
        self.range = range
        self.label = label
    }
}
