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

    /// Text at data coordinates (x, y).
    public mutating func annotate(_ text: String, x: Double, y: Double, size: Double = 10, color: Color = .black) {
        series.append(Series(x: [x], y: [y], style: .text(text, size: size), color: color))
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

    /// Creates a colour bar.
    public init(colormap: Colormap, range: ClosedRange<Double>, label: String? = nil) {
        self.colormap = colormap
        self.range = range
        self.label = label
    }
}
