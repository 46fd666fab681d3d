import Foundation
import Testing
import TestSupport
@testable import Plotting

@Suite("PNG encoder")
struct PNGEncoderTests {
    @Test("Translucent pixels survive a round trip through Cairo's PNG reader (RGBA, un-premultiplied)")
    func translucentRoundTrip() throws {
        let colors = [Color(red: 1, green: 0, blue: 0, alpha: 0.5), Color(red: 0.2, green: 0.4, blue: 0.6, alpha: 1),
                      Color(red: 0, green: 1, blue: 0, alpha: 0.25), Color(red: 0, green: 0, blue: 0, alpha: 0)]
        let (width, height) = (4, 3)
        let pixels: [UInt32] = (0..<(width * height)).map { index in
            let color = colors[index % colors.count]
            func byte(_ value: Double) -> UInt32 { UInt32((value * color.alpha * 255).rounded()) }
            return UInt32((color.alpha * 255).rounded()) << 24 | byte(color.red) << 16 | byte(color.green) << 8 | byte(color.blue)
        }
        let data = try #require(pixels.withUnsafeBufferPointer { PNGEncoder.encode(pixels: $0.baseAddress!, width: width, height: height, stride: width) })
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("rgba.png").path
        try data.write(to: URL(fileURLWithPath: path))
        let image = try RasterImage(contentsOfPNG: path)
        #expect((image.width, image.height) == (width, height))
        for index in 0..<(width * height) {
            let expected = colors[index % colors.count]
            let actual = image.color(x: index % width, y: index / width)
            #expect(abs(actual.alpha - expected.alpha) < 0.01)
            if expected.alpha > 0 { #expect(actual.distance(to: expected) < 0.02, "pixel \(index): \(actual)") }
        }
    }
}
