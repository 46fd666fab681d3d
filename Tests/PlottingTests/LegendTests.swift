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
