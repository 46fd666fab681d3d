/// Sizes and colours of the figure's furniture, in points: matplotlib's defaults (rcParams).
enum Style {
    static let fontSize = 10.0
    static let titleSize = 12.0
    static let titlePad = 6.0
    static let labelPad = 4.0
    static let tickLength = 3.5
    static let tickWidth = 0.8
    static let tickPad = 3.5
    static let spineWidth = 0.8
    static let gridWidth = 0.8
    static let gridColor = Color.gray.withAlpha(0.5)
    static let textColor = Color.black
    /// Space kept around each plot of the grid.
    static let cellPad = 6.0
    /// The most tick intervals on an axis, and the label spacing that bounds them (matplotlib:
    /// three font sizes per x tick label, two per y tick label).
    static let maximumTickIntervals = 9
    static let legendBorderPad = 0.4 * fontSize
    static let legendHandleLength = 2.0 * fontSize
    static let legendHandleTextPad = 0.8 * fontSize
    static let legendLabelSpacing = 0.5 * fontSize
    static let legendAxesPad = 0.5 * fontSize
    static let legendColumnSpacing = 2.0 * fontSize
}

/// A rectangle in pixels.
struct Box: Equatable {
    var left: Double
    var top: Double
    var width: Double
    var height: Double
    var right: Double { left + width }
    var bottom: Double { top + height }

    func contains(_ x: Double, _ y: Double) -> Bool { x >= left && x <= right && y >= top && y <= bottom }

    func intersects(_ other: Box) -> Bool {
        left < other.right && other.left < right && top < other.bottom && other.top < bottom
    }
}
