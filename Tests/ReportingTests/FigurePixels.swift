import Foundation
import Reporting
@testable import Plotting

/// A report figure drawn to PNG, read back, and checked series by series against where its data
/// maps: each line passes through its points, each marker sits on its point, each bar reaches its
/// height, each image and field cell has its value's colour. What one figure of each type is
/// checked with, so a figure that draws in the wrong place, in the wrong colour or not at all fails.
struct FigurePixels {
    let figure: ReportFigure
    let image: RasterImage
    let layouts: [AxesRenderer.Layout]

    /// Draws `figure` and reads it back.
    init(_ figure: ReportFigure) throws {
        try self.init(figure, drawn: figure)
    }

    /// Checks `figure` against the picture of `drawn` (the same figure, unless a test shows that a
    /// figure drawn otherwise fails the checks).
    init(_ figure: ReportFigure, drawn: ReportFigure) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pixels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("\(figure.fileName).png").path
        try drawn.figure.render(to: path, format: .png)
        self.figure = figure
        image = try RasterImage(contentsOfPNG: path)
        layouts = try figure.figure.layouts()
    }

    /// One series' check: how many of its sampled points were found as drawn.
    struct Check: CustomStringConvertible {
        var axes: Int
        var series: Int
        var kind: String
        var sampled: Int
        var found: Int
        var description: String { "axes \(axes) series \(series) (\(kind)): \(found) of \(sampled) points as drawn" }
        /// The share found; 0 when nothing was sampled.
        var share: Double { sampled == 0 ? 0 : Double(found) / Double(sampled) }
    }

    /// Every drawable series of every axes, checked.
    func checks() -> [Check] {
        var checks: [Check] = []
        for (index, axes) in figure.figure.axes.enumerated() where !axes.isBlank && index < layouts.count {
            let layout = layouts[index]
            let colors = axes.seriesColors
            for (number, (series, color)) in zip(axes.series, colors).enumerated() {
                // A series drawn later may cover this one's points: its colour there counts too.
                let later = zip(axes.series, colors).dropFirst(number + 1).filter { later in
                    switch later.0.style { case .line, .scatter: true; default: false }
                }.flatMap { [$0.1] + ($0.0.pointColors ?? []) }
                if let check = check(series, color: color, covers: later, layout: layout) {
                    checks.append(Check(axes: index, series: number, kind: check.kind, sampled: check.sampled, found: check.found))
                }
            }
        }
        return checks
    }

    /// The colour `color` shows over white.
    static func onWhite(_ color: Color, alpha: Double? = nil) -> Color {
        let a = alpha ?? color.alpha
        return Color(red: a * color.red + 1 - a, green: a * color.green + 1 - a, blue: a * color.blue + 1 - a)
    }

    /// Whether a pixel within `radius` of (x, y) is within `tolerance` of one of `colors`.
    func finds(_ colors: [Color], nearX x: Double, y: Double, radius: Int, tolerance: Double = 0.12) -> Bool {
        let (cx, cy) = (Int(x.rounded()), Int(y.rounded()))
        for dy in -radius...radius {
            for dx in -radius...radius {
                let (px, py) = (cx + dx, cy + dy)
                guard px >= 0, py >= 0, px < image.width, py < image.height else { continue }
                let pixel = image.color(x: px, y: py)
                if colors.contains(where: { pixel.distance(to: $0) <= tolerance }) { return true }
            }
        }
        return false
    }

    /// Whether a pixel within `radius` of (x, y) is within `tolerance` of `color`.
    func finds(_ color: Color, nearX x: Double, y: Double, radius: Int, tolerance: Double = 0.12) -> Bool {
        finds([color], nearX: x, y: y, radius: radius, tolerance: tolerance)
    }

    /// Up to `count` evenly spaced indices of `total`.
    static func sample(_ total: Int, count: Int = 24) -> [Int] {
        guard total > 0 else { return [] }
        return Array(Set((0..<min(count, total)).map { $0 * (total - 1) / max(min(count, total) - 1, 1) })).sorted()
    }

    private func check(_ series: Series, color: Color, covers later: [Color], layout: AxesRenderer.Layout) -> (kind: String, sampled: Int, found: Int)? {
        let drawn = [Self.onWhite(color)] + later.map { Self.onWhite($0) }
        let box = layout.box
        func inside(_ x: Double, _ y: Double) -> Bool {
            x.isFinite && y.isFinite && box.contains(x, y) && x > box.left + 2 && x < box.right - 2 && y > box.top + 2 && y < box.bottom - 2
        }
        switch series.style {
        case .line(_, let dash):
            // A dashed line may have a gap at any one point; a solid one has none.
            let points = Self.sample(series.x.count).map { (layout.x.pixel(series.x[$0]), layout.y.pixel(series.y[$0])) }.filter { inside($0.0, $0.1) }
            let found = points.filter { finds(drawn, nearX: $0.0, y: $0.1, radius: dash.isEmpty ? 2 : 5, tolerance: 0.2) }.count
            return ("line", points.count, found)
        case .scatter:
            let indices = Self.sample(series.x.count).filter { inside(layout.x.pixel(series.x[$0]), layout.y.pixel(series.y[$0])) }
            let found = indices.filter { index in
                let fill = series.pointColors?[index] ?? color
                return finds([Self.onWhite(fill)] + drawn.dropFirst(), nearX: layout.x.pixel(series.x[index]), y: layout.y.pixel(series.y[index]), radius: 1, tolerance: 0.2)
            }.count
            return ("scatter", indices.count, found)
        case .bar:
            // Just inside the top of each bar is its colour.
            let indices = series.x.indices.filter { series.x[$0].isFinite && series.y[$0].isFinite && series.y[$0] > 0.05 }
            let found = indices.filter { index in
                finds(Self.onWhite(color), nearX: layout.x.pixel(series.x[index]), y: layout.y.pixel(series.y[index]) + 2, radius: 0, tolerance: 0.1)
                    && !finds(Self.onWhite(color), nearX: layout.x.pixel(series.x[index]), y: layout.y.pixel(series.y[index]) - 3, radius: 0, tolerance: 0.1)
            }.count
            return ("bar", indices.count, found)
        case .image(let raster, let colormap, let range):
            // A point a quarter of a cell from each cell's top-left corner: clear of the centred
            // text a matrix writes in its cells.
            var (sampled, found) = (0, 0)
            for row in Self.sample(raster.rows, count: 10) {
                for column in Self.sample(raster.columns, count: 10) {
                    let value = raster[row, column]
                    let (x, y) = (layout.x.pixel(Double(column) - 0.25), layout.y.pixel(Double(row) - 0.25))
                    guard value.isFinite, inside(x, y) else { continue }
                    sampled += 1
                    let span = range.upperBound - range.lowerBound
                    let expected = colormap.color(at: span > 0 ? min(max((value - range.lowerBound) / span, 0), 1) : 0)
                    if finds(expected, nearX: x, y: y, radius: 0, tolerance: 0.06) { found += 1 }
                }
            }
            return ("image", sampled, found)
        case .field(let field, let colormap, let range, let alpha):
            var (sampled, found) = (0, 0)
            for row in Self.sample(field.rows, count: 12) {
                for column in Self.sample(field.columns, count: 12) {
                    let value = field.values[row * field.columns + column]
                    let x = layout.x.pixel(field.x.lowerBound + (field.x.upperBound - field.x.lowerBound) * Double(column) / Double(field.columns - 1))
                    let y = layout.y.pixel(field.y.lowerBound + (field.y.upperBound - field.y.lowerBound) * Double(row) / Double(field.rows - 1))
                    guard value.isFinite, inside(x, y) else { continue }
                    sampled += 1
                    let span = range.upperBound - range.lowerBound
                    let expected = Self.onWhite(colormap.color(at: span > 0 ? min(max((value - range.lowerBound) / span, 0), 1) : 0), alpha: alpha)
                    if finds(expected, nearX: x, y: y, radius: 1, tolerance: 0.08) { found += 1 }
                }
            }
            return ("field", sampled, found)
        case .horizontalLine:
            guard let value = series.y.first else { return nil }
            let y = layout.y.pixel(value)
            let xs = (1...9).map { box.left + box.width * Double($0) / 10 }.filter { inside($0, y) }
            return ("horizontal line", xs.count, xs.filter { finds(Self.onWhite(color), nearX: $0, y: y, radius: 4, tolerance: 0.2) }.count)
        case .verticalLine:
            guard let value = series.x.first else { return nil }
            let x = layout.x.pixel(value)
            let ys = (1...9).map { box.top + box.height * Double($0) / 10 }.filter { inside(x, $0) }
            return ("vertical line", ys.count, ys.filter { finds(Self.onWhite(color), nearX: x, y: $0, radius: 4, tolerance: 0.2) }.count)
        case .contour, .text:
            // A contour's place depends on the field it crosses; text is checked by the pages.
            return nil
        }
    }
}
