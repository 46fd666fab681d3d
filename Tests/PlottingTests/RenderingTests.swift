import Foundation
import Testing
import TestSupport
@testable import Plotting

/// A scratch folder for rendered files, removed by the caller.
func scratchFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plotting-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// `figure` drawn to a scratch PNG and read back, with where each axes landed.
func renderedPixels(_ figure: Figure) throws -> (RasterImage, [AxesRenderer.Layout]) {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("figure.png").path
    try figure.render(to: path, format: .png)
    return (try RasterImage(contentsOfPNG: path), try figure.layouts())
}

/// The 2x2 panel of seed 003: loss, accuracy, weight norms, and a log-scale curve.
func samplePanel() -> Figure {
    var figure = Figure(widthInches: 15, heightInches: 10, rows: 2, columns: 2)
    let epochs = (0..<20).map(Double.init)
    var loss = Axes(title: "Функция потерь", xLabel: "Эпоха", yLabel: "Loss")
    loss.plot(epochs, epochs.map { 0.7 * exp(-$0 / 6) + 0.1 }, label: "Loss")
    loss.grid = true
    figure[0, 0] = loss
    var accuracy = Axes(title: "Accuracy", xLabel: "Epoch", yLabel: "Accuracy")
    accuracy.plot(epochs, epochs.map { 0.5 + 0.4 * (1 - exp(-$0 / 5)) }, color: Color(hex: 0x2CA02C), label: "Train")
    accuracy.plot(epochs, epochs.map { 0.5 + 0.38 * (1 - exp(-$0 / 5)) }, color: Color(hex: 0xD62728), label: "Test")
    accuracy.grid = true
    figure[0, 1] = accuracy
    var norms = Axes(title: "Weights ‖W‖", xLabel: "Epoch", yLabel: "‖W‖")
    norms.plot(epochs, epochs.map { 1.2 + 0.02 * $0 }, label: "‖W₁‖")
    norms.plot(epochs, epochs.map { 0.9 + 0.05 * $0 }, label: "‖W₂‖")
    figure[1, 0] = norms
    var logAxes = Axes(title: "Objective, log scale (σ, ∂L/∂w)", xLabel: "iteration", yLabel: "f(x)")
    logAxes.yScale = .log
    let iterations = (0..<80).map(Double.init)
    logAxes.plot(iterations, iterations.map { 16 * pow(0.8, $0) + 1e-9 })
    logAxes.scatter([10, 20, 40], [16 * pow(0.8, 10), 16 * pow(0.8, 20), 16 * pow(0.8, 40)], color: Color(hex: 0xFF7F0E), edge: .black, label: "checkpoints")
    figure[1, 1] = logAxes
    return figure
}

@Suite("Rendering")
struct RenderingTests {
    @Test("The sample panel renders to PNG, PDF and SVG")
    func renders() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in OutputFormat.allCases {
            let path = folder.appendingPathComponent("panel.\(format.rawValue)").path
            try samplePanel().render(to: path, format: format)
            #expect(FileManager.default.fileExists(atPath: path))
        }
        if let keep = ProcessInfo.processInfo.environment["PLOTTING_KEEP"] {
            try samplePanel().render(to: keep, format: .png)
        }
    }
}

@Suite("Rendered pixels")
struct PixelTests {
    func render(_ figure: Figure) throws -> (RasterImage, [AxesRenderer.Layout]) { try renderedPixels(figure) }

    @Test("Default size is 6.4 x 4.8 in at 100 dpi: 640 x 480 pixels")
    func size() throws {
        let (image, _) = try render(Figure())
        #expect((image.width, image.height) == (640, 480))
    }

    @Test("A scatter point at known data coordinates has its class colour at the expected pixel")
    func scatterPoint() throws {
        var figure = Figure()
        figure.axes[0].scatter([1, 3], [2, 1], colors: [Color(hex: 0xD62728), Color(hex: 0x1F77B4)], size: 100)
        figure.axes[0].xLimits = 0...4
        figure.axes[0].yLimits = 0...3
        let (image, layouts) = try render(figure)
        let layout = layouts[0]
        for (x, y, color) in [(1.0, 2.0, Color(hex: 0xD62728)), (3.0, 1.0, Color(hex: 0x1F77B4))] {
            let pixel = image.color(x: Int(layout.x.pixel(x)), y: Int(layout.y.pixel(y)))
            #expect(pixel.distance(to: color) < 0.02, "at (\(x), \(y)): \(pixel)")
        }
        // Between the points the background is white.
        #expect(image.color(x: Int(layout.x.pixel(2)), y: Int(layout.y.pixel(1.5))).distance(to: .white) < 0.02)
    }

    @Test("A log axis puts 10⁻² where it belongs: its grid line is at the log-linear position")
    func logAxis() throws {
        var figure = Figure()
        figure.axes[0].plot([0, 1], [1e-4, 1])
        figure.axes[0].yScale = .log
        figure.axes[0].yLimits = 1e-4...1
        figure.axes[0].grid = true
        figure.axes[0].series[0].color = Color(hex: 0x1F77B4).withAlpha(0)
        let (image, layouts) = try render(figure)
        let box = layouts[0].box
        // 10⁻² is halfway between 10⁻⁴ and 10⁰.
        let expected = box.top + box.height / 2
        #expect(abs(layouts[0].y.pixel(1e-2) - expected) < 1e-9)
        let x = Int(box.left + box.width * 0.3)
        let row = Int(expected.rounded(.down))
        let darkest = (row - 1...row + 1).map { image.color(x: x, y: $0).red }.min()!
        #expect(darkest < 0.9, "grid line at y = \(row)")
        #expect(image.color(x: x, y: row + 6).distance(to: .white) < 0.02)
    }

    @Test("A line breaks at a NaN, as matplotlib's does, instead of joining its neighbours")
    func lineGapAtNaN() throws {
        var figure = Figure()
        figure.axes[0].plot([0, 1, 2, 3, 4], [1, 1, .nan, 1, 1], color: Color(hex: 0x1F77B4), width: 3)
        figure.axes[0].xLimits = 0...4
        figure.axes[0].yLimits = 0...2
        let (image, layouts) = try render(figure)
        let layout = layouts[0]
        let row = Int(layout.y.pixel(1))
        let blue = Color(hex: 0x1F77B4)
        #expect(image.color(x: Int(layout.x.pixel(0.5)), y: row).distance(to: blue) < 0.05)
        #expect(image.color(x: Int(layout.x.pixel(3.5)), y: row).distance(to: blue) < 0.05)
        #expect(image.color(x: Int(layout.x.pixel(2)), y: row).distance(to: .white) < 0.02)
    }

    @Test("A point with a NaN coordinate does not stretch the other axis, as in matplotlib")
    func autoscaleSkipsNaNPoints() throws {
        var figure = Figure()
        figure.axes[0].plot([1, 2, 1000], [3, 4, .nan])
        let box = try figure.layouts()[0]
        // 1…2 with 5% margins; 1000 would put x = 2 near the left edge.
        #expect(abs(box.x.pixel(2) - (box.box.left + box.box.width * 1.05 / 1.1)) < 1e-6)
    }

    @Test("Long titles and labels stay inside the image: its border is untouched")
    func textStaysInside() throws {
        var figure = Figure(widthInches: 4, heightInches: 3)
        figure.axes[0] = Axes(title: "A rather long title that goes on and on",
                              xLabel: "an x label that is long too", yLabel: "a long y label, rotated")
        figure.axes[0].plot([0, 1e5], [-123456, 654321])
        let (image, _) = try render(figure)
        for x in 0..<image.width {
            #expect(image.color(x: x, y: 0).distance(to: .white) < 0.02)
            #expect(image.color(x: x, y: image.height - 1).distance(to: .white) < 0.02)
        }
        for y in 0..<image.height {
            #expect(image.color(x: 0, y: y).distance(to: .white) < 0.02)
            #expect(image.color(x: image.width - 1, y: y).distance(to: .white) < 0.02)
        }
    }

    @Test("The 2x2 layout keeps each plot inside its own quarter, with no overlap")
    func gridLayout() throws {
        let figure = samplePanel()
        let boxes = try figure.layouts().map(\.box)
        #expect(boxes.count == 4)
        let (width, height) = (figure.widthInches * figure.dpi, figure.heightInches * figure.dpi)
        for (index, box) in boxes.enumerated() {
            let (row, column) = (Double(index / 2), Double(index % 2))
            let cell = Box(left: column * width / 2, top: row * height / 2, width: width / 2, height: height / 2)
            #expect(box.left > cell.left && box.right < cell.right && box.top > cell.top && box.bottom < cell.bottom)
            #expect(box.width > width / 2 * 0.7 && box.height > height / 2 * 0.6)
            for other in boxes[(index + 1)...] { #expect(!box.intersects(other)) }
        }
    }

    @Test("The same figure gives the same bytes, in every format")
    func determinism() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in OutputFormat.allCases {
            let first = folder.appendingPathComponent("first.\(format.rawValue)").path
            let second = folder.appendingPathComponent("second.\(format.rawValue)").path
            try samplePanel().render(to: first, format: format)
            try samplePanel().render(to: second, format: format)
            let a = try Data(contentsOf: URL(fileURLWithPath: first)), b = try Data(contentsOf: URL(fileURLWithPath: second))
            #expect(a == b, "\(format.rawValue) differs between two renders")
            if format == .pdf { #expect(String(decoding: a, as: UTF8.self).contains("CreationDate") == false) }
        }
    }

    @Test("A PNG's bytes do not depend on what the process drew first: a PDF first once left every later PNG unhinted")
    func independentOfFirstSurface() async throws {
        // A fresh process, whose first drawing is a PDF, writes its PNG where this one can read it.
        await #expect(processExitsWith: .success) {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plotting-first-surface")
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? samplePanel().render(to: folder.appendingPathComponent("first.pdf").path, format: .pdf)
            try? samplePanel().render(to: folder.appendingPathComponent("after-pdf.png").path, format: .png)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plotting-first-surface")
        defer { try? FileManager.default.removeItem(at: folder) }
        let here = folder.appendingPathComponent("here.png").path
        try samplePanel().render(to: here, format: .png)
        let child = try Data(contentsOf: folder.appendingPathComponent("after-pdf.png"))
        #expect(child == (try Data(contentsOf: URL(fileURLWithPath: here))))
    }
}
