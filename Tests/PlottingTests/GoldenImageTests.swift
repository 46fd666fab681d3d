import Foundation
import Testing
import TestSupport
@testable import Plotting

/// The share of pixels whose colour differs by more than a quarter in some channel. Anti-aliasing
/// and font hinting move a pixel's shade a little; a moved line or label changes pixels outright.
func changedShare(_ a: RasterImage, _ b: RasterImage) -> Double {
    guard a.width == b.width, a.height == b.height else { return 1 }
    var changed = 0
    for y in 0..<a.height {
        for x in 0..<a.width where a.color(x: x, y: y).distance(to: b.color(x: x, y: y)) > 0.25 { changed += 1 }
    }
    return Double(changed) / Double(a.width * a.height)
}

@Suite("Golden images")
struct GoldenImageTests {
    static let figures: [(String, @Sendable () -> Figure)] = [
        ("panel", samplePanel),
        ("surface", {
            var figure = Figure()
            let field = Field(columns: 80, rows: 60, x: -2...2, y: -1.5...1.5) { x, y in 1 / (1 + exp(-3 * (y - sin(x)))) }
            figure.axes[0] = Axes(title: "Decision surface", xLabel: "x₁", yLabel: "x₂")
            figure.axes[0].field(field, colormap: .rdBu, range: 0...1, alpha: 0.8)
            figure.axes[0].contour(field, level: 0.5)
            figure.axes[0].scatter([-1, 0, 1], [1, -1, 0.5], colors: [Color(hex: 0x053061), Color(hex: 0x67001F), Color(hex: 0x053061)],
                                   edge: .black)
            figure.axes[0].colorbar = Colorbar(colormap: .rdBu, range: 0...1)
            return figure
        }),
    ]

    func rendered(_ figure: Figure) throws -> RasterImage {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("render.png").path
        try figure.render(to: path, format: .png)
        return try RasterImage(contentsOfPNG: path)
    }

    @Test("Figures match their golden images to within 0.1% of changed pixels", arguments: figures.map(\.0))
    func matchesGolden(name: String) throws {
        let figure = try #require(Self.figures.first { $0.0 == name }).1()
        let golden = fixtureURL("golden/\(name).png").path
        // Update mode writes the golden image and stops: comparing a render with the image just
        // written from it could not fail. It is reported as an issue so that it never reads as a pass.
        if ProcessInfo.processInfo.environment["PLOTTING_UPDATE_GOLDEN"] != nil {
            try figure.render(to: golden, format: .png)
            Issue.record("\(name): golden image written to \(golden); look at it, then run the tests again without PLOTTING_UPDATE_GOLDEN")
            return
        }
        let share = changedShare(try rendered(figure), try RasterImage(contentsOfPNG: golden))
        #expect(share < 0.001, "\(name): \(share * 100)% of pixels changed")
    }

    @Test("The comparison notices a plot moved by three pixels")
    func detectsMovedAxis() throws {
        let figure = Self.figures[1].1()
        var moved = figure
        moved.widthInches += 0.03  // three pixels wider: every element right of the y axis shifts
        let original = try rendered(figure)
        let shifted = try rendered(moved)
        // Compare the overlapping width only, as a moved axis would look in the same-sized image.
        #expect(original.width + 3 == shifted.width)
        var changed = 0
        for y in 0..<original.height {
            for x in 0..<original.width where original.color(x: x, y: y).distance(to: shifted.color(x: x, y: y)) > 0.25 { changed += 1 }
        }
        #expect(Double(changed) / Double(original.width * original.height) > 0.001)
    }
}
