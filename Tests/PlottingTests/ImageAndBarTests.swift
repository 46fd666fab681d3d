import Foundation
import Testing
import TestSupport
@testable import Plotting

/// Images (imshow), bars, category ticks and cell texts, read back from the PNG.
@Suite("Images, bars and categories")
struct ImageAndBarTests {
    func render(_ figure: Figure) throws -> (RasterImage, [AxesRenderer.Layout]) { try renderedPixels(figure) }

    @Test("An image puts row 0 at the top and paints each cell its grey, square and unsmoothed")
    func imageRows() throws {
        // A 2 x 3 picture: the top row black, white, black; the bottom row mid grey throughout.
        let raster = try #require(Raster(rows: 2, columns: 3, values: [0, 1, 0, 0.5, 0.5, 0.5]))
        var figure = Figure()
        figure.axes[0].image(raster, colormap: .gray, range: 0...1)
        let (image, layouts) = try render(figure)
        let layout = layouts[0]
        func cell(_ row: Int, _ column: Int) -> Color {
            image.color(x: Int(layout.x.pixel(Double(column))), y: Int(layout.y.pixel(Double(row))))
        }
        #expect(cell(0, 0).distance(to: .black) < 0.02)
        #expect(cell(0, 1).distance(to: .white) < 0.02)
        #expect(cell(0, 2).distance(to: .black) < 0.02)
        for column in 0..<3 { #expect(cell(1, column).distance(to: Color(red: 0.5, green: 0.5, blue: 0.5)) < 0.02) }
        // Row 0 is above row 1 on the page, and a cell is as wide as it is tall.
        #expect(layout.y.pixel(0) < layout.y.pixel(1))
        let width = layout.x.pixel(1) - layout.x.pixel(0), height = layout.y.pixel(1) - layout.y.pixel(0)
        #expect(abs(width - height) < 0.5)
        // Nearest neighbour: just inside the edge between a black and a white cell, no grey.
        let edge = layout.x.pixel(0.5)
        let row = Int(layout.y.pixel(0))
        #expect(image.color(x: Int(edge) - 2, y: row).distance(to: .black) < 0.02)
        #expect(image.color(x: Int(edge) + 2, y: row).distance(to: .white) < 0.02)
    }

    @Test("Bars reach from 0 to their heights at their positions, and the y limits include 0")
    func bars() throws {
        var figure = Figure()
        figure.axes[0].bar([0, 1, 2], [0.25, 1, 0.5], width: 0.8, color: Color.tab10[0])
        figure.axes[0].legend = nil
        let (image, layouts) = try render(figure)
        let layout = layouts[0]
        #expect(layout.y.lower <= 0 && layout.y.upper >= 1)
        let blue = Color.tab10[0]
        for (x, height) in [(0.0, 0.25), (1.0, 1.0), (2.0, 0.5)] {
            let column = Int(layout.x.pixel(x))
            #expect(image.color(x: column, y: Int(layout.y.pixel(height * 0.9))).distance(to: blue) < 0.02, "inside bar \(x)")
            #expect(image.color(x: column, y: Int(layout.y.pixel(height)) - 3).distance(to: .white) < 0.02, "above bar \(x)")
        }
        // Between bars (x = 0.5, beyond each bar's 0.4 half-width) is background.
        #expect(image.color(x: Int(layout.x.pixel(0.5)), y: Int(layout.y.pixel(0.1))).distance(to: .white) < 0.02)
    }

    @Test("Category names replace the numbered ticks, one at each integer")
    func categories() throws {
        var axes = Axes()
        axes.bar([0, 1, 2], [1, 2, 3])
        axes.xCategories = ["T-shirt/top", "Trouser", "Ankle boot"]
        axes.yCategories = nil
        axes.xLabelRotation = 45
        var figure = Figure()
        figure.axes[0] = axes
        let layout = try figure.layouts()[0]
        #expect(layout.xTicks.map(\.value) == [0, 1, 2])
        #expect(layout.xTicks.map(\.label) == ["T-shirt/top", "Trouser", "Ankle boot"])
        // The rotated labels need more room below the plot than a line of text.
        var flat = figure
        flat.axes[0].xLabelRotation = 0
        #expect(layout.box.bottom < (try flat.layouts()[0].box.bottom) - 20)
    }

    @Test("Text on a cell is black on light colours and white on dark ones")
    func contrastingText() {
        #expect(Colormap.blues.color(at: 0).contrastingText == .black)
        #expect(Colormap.blues.color(at: 1).contrastingText == .white)
        #expect(Color.white.contrastingText == .black && Color.black.contrastingText == .white)
        // WCAG's luminance: white 1, black 0, and sRGB 0.5 grey about 0.214.
        #expect(abs(Color(red: 0.5, green: 0.5, blue: 0.5).luminance - 0.2140) < 1e-3)
    }

    @Test("A centred text is centred on its point")
    func centredText() throws {
        var figure = Figure()
        figure.axes[0].xLimits = 0...1
        figure.axes[0].yLimits = 0...1
        figure.axes[0].annotate("MMMMMM", x: 0.5, y: 0.5, size: 20, horizontal: 0.5)
        let (image, layouts) = try render(figure)
        let layout = layouts[0]
        let row = Int(layout.y.pixel(0.5))
        let inked = (Int(layout.box.left) + 2..<Int(layout.box.right) - 2).filter { image.color(x: $0, y: row).distance(to: .white) > 0.3 }
        let first = try #require(inked.first), last = try #require(inked.last)
        #expect(abs(Double(first + last) / 2 - layout.x.pixel(0.5)) < 3)
    }

    @Test("A frameless axes draws no spines or ticks")
    func frameless() throws {
        var figure = Figure()
        figure.axes[0].showsFrame = false
        figure.axes[0].plot([0, 1], [0, 1], color: .white)
        let (image, _) = try render(figure)
        let dark = (0..<image.height).flatMap { y in (0..<image.width).map { (x: $0, y: y) } }
            .filter { image.color(x: $0.x, y: $0.y).distance(to: .white) > 0.1 }
        #expect(dark.isEmpty)
    }
}

/// Dashed lines keep their gaps.
@Suite("Dashes")
struct DashTests {
    @Test("A dashed line has gaps at its dash period, and a solid one none", arguments: [[5.0, 2.0], [1.5, 1.5], [5.92, 2.56], [1.6, 2.64], []])
    func gaps(dash: [Double]) throws {
        var figure = Figure()
        figure.axes[0].xLimits = 0...1
        figure.axes[0].yLimits = 0...1
        figure.axes[0].plot([0, 1], [0.5, 0.5], color: .black, width: 1.6, dash: dash)
        let (image, layouts) = try renderedPixels(figure)
        let layout = layouts[0]
        let row = Int(layout.y.pixel(0.5))
        let columns = Array(Int(layout.box.left) + 4..<Int(layout.box.right) - 4)
        let inked = columns.map { column in
            (row - 1...row + 1).contains { image.color(x: column, y: $0).distance(to: .white) > 0.5 }
        }
        // Starts of dashes: inked columns after a blank one.
        let starts = zip(columns.dropFirst(), zip(inked, inked.dropFirst())).filter { !$1.0 && $1.1 }.map(\.0)
        guard dash.count == 2 else {
            #expect(inked.allSatisfy { $0 }, "a solid line has no gap")
            return
        }
        let period = (dash[0] + dash[1]) * 100 / 72
        let expected = Double(columns.count) / period
        #expect(Double(starts.count) >= expected - 2 && Double(starts.count) <= expected + 1, "\(starts.count) dashes, \(expected) expected")
        let spacings = zip(starts, starts.dropFirst()).map { Double($1 - $0) }
        #expect(spacings.allSatisfy { abs($0 - period) <= 1.5 }, "\(spacings)")
    }
}

/// Cells of a figure's grid with nothing in them.
@Suite("Blank cells")
struct BlankCellTests {
    @Test("An axes with nothing in it leaves its cell white; one with a series is framed")
    func blankCell() throws {
        var figure = Figure(widthInches: 8, heightInches: 3, columns: 2)
        figure.axes[0].plot([0, 1], [0, 1])
        let (image, _) = try renderedPixels(figure)
        let half = image.width / 2
        let inkedRight = (0..<image.height).contains { y in (half..<image.width).contains { image.color(x: $0, y: y).distance(to: .white) > 0.1 } }
        let inkedLeft = (0..<image.height).contains { y in (0..<half).contains { image.color(x: $0, y: y).distance(to: .white) > 0.1 } }
        #expect(!inkedRight && inkedLeft)
        #expect(figure.axes[1].isBlank && !figure.axes[0].isBlank)
    }
}
