import Foundation
import Testing
import TestSupport
@testable import Plotting

@Suite("Decision surfaces, contours, colour bars")
struct SurfaceTests {
    func render(_ figure: Figure, format: OutputFormat = .png) throws -> (URL, [AxesRenderer.Layout]) {
        let folder = try scratchFolder()
        let url = folder.appendingPathComponent("figure.\(format.rawValue)")
        try figure.render(to: url.path, format: format)
        return (url, try figure.layouts())
    }

    func boundaryFigure() -> Figure {
        var figure = Figure()
        let classes = Field(columns: 200, rows: 200, x: -2...2, y: -1...1) { x, _ in x > 0 ? 1 : 0 }
        figure.axes[0].field(classes, colormap: .rdBu, range: 0...1)
        figure.axes[0].xLimits = -2...2
        figure.axes[0].yLimits = -1...1
        figure.axes[0].colorbar = Colorbar(colormap: .viridis, range: 0...1, label: "p")
        return figure
    }

    @Test("A decision surface has the right colour on each side of a known boundary")
    func sides() throws {
        let (url, layouts) = try render(boundaryFigure())
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let image = try RasterImage(contentsOfPNG: url.path)
        let layout = layouts[0]
        for (x, expected) in [(-1.0, Colormap.rdBu.color(at: 0)), (-0.05, Colormap.rdBu.color(at: 0)),
                              (0.05, Colormap.rdBu.color(at: 1)), (1.5, Colormap.rdBu.color(at: 1))] {
            for y in [-0.8, 0.0, 0.7] {
                let pixel = image.color(x: Int(layout.x.pixel(x)), y: Int(layout.y.pixel(y)))
                #expect(pixel.distance(to: expected) < 0.02, "at (\(x), \(y)): \(pixel)")
            }
        }
    }

    @Test("The colour bar runs from the colormap's bottom colour to its top colour, inside the image")
    func colorbar() throws {
        let (url, layouts) = try render(boundaryFigure())
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let image = try RasterImage(contentsOfPNG: url.path)
        let box = layouts[0].box
        // The bar starts right of the plot; find its first coloured column on the middle row.
        let middle = Int(box.top + box.height / 2)
        let barColumn = try #require((Int(box.right) + 2..<image.width).first { image.color(x: $0, y: middle).distance(to: .white) > 0.1 && image.color(x: $0 + 3, y: middle).distance(to: .black) > 0.2 })
        let top = image.color(x: barColumn + 3, y: Int(box.top) + 3)
        let bottom = image.color(x: barColumn + 3, y: Int(box.bottom) - 3)
        #expect(top.distance(to: Colormap.viridis.color(at: 1)) < 0.05, "\(top)")
        #expect(bottom.distance(to: Colormap.viridis.color(at: 0)) < 0.05, "\(bottom)")
        #expect(barColumn < image.width - 30)
    }

    @Test("Contour segments of x² + y² at level 1 lie on the unit circle and go all the way round")
    func contourCircle() {
        let field = Field(columns: 101, rows: 101, x: -2...2, y: -2...2) { $0 * $0 + $1 * $1 }
        let segments = Contour.segments(of: field, at: 1)
        #expect(segments.count > 50)
        let ends = segments.flatMap { [$0.0, $0.1] }
        for (x, y) in ends { #expect(abs((x * x + y * y).squareRoot() - 1) < 0.01) }
        let angles = Set(ends.map { Int((atan2($0.1, $0.0) + .pi) / (2 * .pi) * 12) % 12 })
        #expect(angles.count == 12)
    }

    @Test("A saddle cell gives two separate segments")
    func saddle() {
        // Row by row: the lower corners are 1, 0 and the upper ones 0, 1, so diagonal corners agree.
        let field = Field(columns: 2, rows: 2, values: [1, 0, 0, 1], x: 0...1, y: 0...1)
        #expect(Contour.segments(of: field, at: 0.5).count == 2)
    }

    @Test("A 200 x 200 surface stays one small image in PDF and SVG", arguments: [OutputFormat.pdf, .svg])
    func vectorSize(format: OutputFormat) throws {
        let (url, _) = try render(boundaryFigure(), format: format)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
        #expect(size < 200_000, "\(format.rawValue) is \(size) bytes")
    }

    @Test("Reference lines cross the whole plot at their value")
    func referenceLines() throws {
        var figure = Figure()
        figure.axes[0].plot([0, 10], [0, 10], color: Color.white.withAlpha(0))
        figure.axes[0].horizontalLine(at: 5, color: Color(hex: 0xD62728), width: 2, dash: [])
        figure.axes[0].verticalLine(at: 2, color: Color(hex: 0x2CA02C), width: 2, dash: [])
        let (url, layouts) = try render(figure)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let image = try RasterImage(contentsOfPNG: url.path)
        let layout = layouts[0]
        let y = Int(layout.y.pixel(5).rounded(.down)), x = Int(layout.x.pixel(2).rounded(.down))
        for fraction in [0.05, 0.5, 0.95] {
            let along = Int(layout.box.left + layout.box.width * fraction)
            #expect(image.color(x: along, y: y).distance(to: Color(hex: 0xD62728)) < 0.1 || along == x)
            let down = Int(layout.box.top + layout.box.height * fraction)
            #expect(image.color(x: x, y: down).distance(to: Color(hex: 0x2CA02C)) < 0.1 || down == y)
        }
    }
}

@Suite("Long lines")
struct LineReductionTests {
    @Test("A 30000-point line keeps each pixel column's first, lowest, highest and last point")
    func reduction() {
        let pixels = (0..<30_000).map { index -> (Double, Double) in
            let x = Double(index) / 50  // 600 pixel columns
            return (x, 100 + 80 * sin(Double(index) / 7))
        }
        let reduced = SeriesPainter.reduced(pixels)
        #expect(reduced.count <= 4 * 600 + 4)
        #expect(reduced.first! == pixels.first! && reduced.last! == pixels.last!)
        for column in [0, 123, 599] {
            let original = pixels.filter { Int($0.0) == column }.map(\.1)
            let kept = reduced.filter { Int($0.0) == column }.map(\.1)
            #expect(kept.min() == original.min() && kept.max() == original.max())
        }
        #expect(zip(reduced, reduced.dropFirst()).allSatisfy { $0.0 <= $1.0 })
    }

    @Test("Short or back-tracking lines are drawn as they are")
    func unchanged() {
        let short = (0..<100).map { (Double($0), Double($0 % 7)) }
        #expect(SeriesPainter.reduced(short).count == 100)
        let loop: [(Double, Double)] = (0..<10_000).map { index in
            let angle = Double(index) / 100
            return (cos(angle) * 50 + 60, sin(angle) * 50 + 60)
        }
        #expect(SeriesPainter.reduced(loop).count == 10_000)
    }
}
