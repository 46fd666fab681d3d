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

    /// Adds markers at the points.
    public mutating func scatter(_ x: [Double], _ y: [Double], color: Color? = nil, colors: [Color]? = nil,
                                 size: Double = 36, edge: Color? = nil, label: String? = nil) {
        series.append(Series(x: x, y: y, style: .scatter(size: size, edge: edge), color: color, pointColors: colors, label: label))
    }
}
