import Foundation
import Testing
@testable import Plotting

@Suite("Legend")
struct LegendTests {
    /// An axes with `count` labelled lines, labelled by `label`.
    func axes(lines count: Int, label: (Int) -> String) -> Axes {
        var axes = Axes(xLabel: "x", yLabel: "y")
        for index in 0..<count {
            axes.plot([0, 1], [Double(index), Double(index) + 0.5], label: label(index))
        }
        return axes
    }

    /// The legend layout of `axes` drawn alone in a default-sized figure, and the plot box.
    func legendLayout(of axes: Axes) throws -> (LegendRenderer.Layout, Box) {
        var figure = Figure()
        figure.axes[0] = axes
        let canvas = try Canvas(format: .png, widthInches: figure.widthInches, heightInches: figure.heightInches, dpi: figure.dpi, path: nil)
        let plot = try figure.layouts()[0].box
        let legend = LegendRenderer(axes: axes, canvas: canvas)
        return (legend.layout(labels: axes.series.compactMap(\.label), in: plot), plot)
    }

    @Test("A few short labels make one column, unchanged")
    func shortLabels() throws {
        let (layout, _) = try legendLayout(of: axes(lines: 3) { "run \($0)" })
        #expect(layout.labels == ["run 0", "run 1", "run 2"])
        #expect(layout.columnWidths.count == 1 && layout.rowsPerColumn == 3)
    }

    @Test("Entries too many for the axes' height flow into columns that fit it")
    func manyEntries() throws {
        let (layout, plot) = try legendLayout(of: axes(lines: 40) { "lr \($0)" })
        #expect(layout.columnWidths.count > 1)
        #expect(layout.rowsPerColumn * layout.columnWidths.count >= 40)
        #expect(layout.height < plot.height && layout.width < plot.width)
    }

    @Test("Labels too long for the axes' width are shortened with an ellipsis to fit")
    func longLabels() throws {
        let long = String(repeating: "a very long label ", count: 10)
        let (layout, plot) = try legendLayout(of: axes(lines: 2) { $0 == 0 ? long : "short" })
        #expect(layout.labels[0].hasSuffix("…") && long.hasPrefix(String(layout.labels[0].dropLast())))
        #expect(layout.labels[1] == "short")
        #expect(layout.width < plot.width)
    }

    @Test("A crowded legend with long labels leaves the figure outside its axes untouched")
    func staysInsideAxes() throws {
        var figure = Figure()
        figure.axes[0] = axes(lines: 30) { "learning rate \($0) with a description that goes on and on" }
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("legend.png").path
        try figure.render(to: path, format: .png)
        let image = try RasterImage(contentsOfPNG: path)
        let plot = try figure.layouts()[0].box
        // Nothing is drawn above or to the right of an untitled axes but its legend, if it strays.
        for y in 0..<Int(plot.top) - 2 {
            for x in 0..<image.width { #expect(image.color(x: x, y: y).distance(to: .white) < 0.02) }
        }
        for x in (Int(plot.right) + 2)..<image.width {
            for y in 0..<image.height { #expect(image.color(x: x, y: y).distance(to: .white) < 0.02) }
        }
    }
}

/// matplotlib's `best`: the legend goes where it covers the least data, counted as markers and
/// line vertices inside it and line segments crossing it.
@Suite("Legend placement")
struct LegendPlacementTests {
    /// Where the legend of `axes`, alone in a default figure, is placed, with the axes' layout.
    static func placed(_ axes: Axes) throws -> (Box, AxesRenderer.Layout) {
        var figure = Figure()
        figure.axes[0] = axes
        let canvas = try Canvas(format: .png, widthInches: figure.widthInches, heightInches: figure.heightInches, dpi: figure.dpi, path: nil)
        let layout = try figure.layouts()[0]
        let renderer = LegendRenderer(axes: axes, canvas: canvas)
        let legend = renderer.layout(labels: axes.series.compactMap(\.label), in: layout.box)
        return (renderer.place(width: legend.width, height: legend.height, in: layout, placement: .best), layout)
    }

    /// The points of `axes` under `box`, counted from the data (not from the placement's own tally).
    static func pointsUnder(_ box: Box, _ axes: Axes, _ layout: AxesRenderer.Layout) -> Int {
        axes.series.flatMap { zip($0.x, $0.y) }.filter { box.contains(layout.x.pixel($0.0), layout.y.pixel($0.1)) }.count
    }

    @Test("Clouds in three corners put the legend in the fourth, over none of their points")
    func emptyCorner() throws {
        var axes = Axes()
        // A square grid of 8 × 8 points around each of three corners.
        for (index, corner) in [(0.0, 1.0), (1.0, 1.0), (0.0, 0.0)].enumerated() {
            let x = (0..<64).map { corner.0 + 0.3 * (Double($0 % 8) / 7 - 0.5) }
            let y = (0..<64).map { corner.1 + 0.3 * (Double($0 / 8) / 7 - 0.5) }
            axes.scatter(x, y, color: Color.tab10[index], label: "cloud \(index)")
        }
        let (box, layout) = try Self.placed(axes)
        #expect(Self.pointsUnder(box, axes, layout) == 0)
        #expect(box.left > layout.box.left + layout.box.width / 2 && box.top > layout.box.top + layout.box.height / 2, "\(box) is not lower right")
    }

    @Test("A straight line with no vertex near a corner still keeps the legend off it")
    func longSegment() throws {
        var axes = Axes()
        // A diagonal from the lower left to the upper right: two vertices, both far from the middle of the edges.
        axes.plot([0, 1], [0, 1], label: "diagonal")
        axes.scatter([0.02, 0.98], [0.98, 0.02], label: "points")
        let (box, layout) = try Self.placed(axes)
        let (a, b) = ((layout.x.pixel(0), layout.y.pixel(0)), (layout.x.pixel(1), layout.y.pixel(1)))
        #expect(!LegendRenderer.DrawnData.crosses(a, b, box), "the legend \(box) sits on the diagonal")
    }

    @Test("A segment crossing a box is found; one beside it is not")
    func crossing() {
        let box = Box(left: 10, top: 10, width: 10, height: 10)
        #expect(LegendRenderer.DrawnData.crosses((0, 15), (30, 15), box))
        #expect(LegendRenderer.DrawnData.crosses((12, 12), (13, 13), box))
        #expect(!LegendRenderer.DrawnData.crosses((0, 0), (30, 5), box))
        #expect(!LegendRenderer.DrawnData.crosses((0, 0), (5, 30), box))
    }
}
