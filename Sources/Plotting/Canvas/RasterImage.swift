import CCairo

/// A PNG read back into memory, for checking what a figure drew pixel by pixel.
public struct RasterImage: Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    private let pixels: [UInt32]  // premultiplied ARGB, row by row

    /// Reads a PNG file.
    public init(contentsOfPNG path: String) throws(RenderError) {
        guard let surface = cairo_image_surface_create_from_png(path) else {
            throw RenderError(file: path, problem: "cannot read the PNG")
        }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw RenderError(file: path, problem: "cannot read the PNG: \(String(cString: cairo_status_to_string(cairo_surface_status(surface))))")
        }
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        let data = cairo_image_surface_get_data(surface)!.withMemoryRebound(to: UInt32.self, capacity: stride * height) { $0 }
        var pixels = [UInt32](repeating: 0, count: width * height)
        for row in 0..<height {
            for column in 0..<width { pixels[row * width + column] = data[row * stride + column] }
        }
        self.pixels = pixels
    }

    /// The colour at (x, y), from the top-left corner.
    public func color(x: Int, y: Int) -> Color {
        let value = pixels[y * width + x]
        let alpha = Double(value >> 24) / 255
        guard alpha > 0 else { return Color(red: 0, green: 0, blue: 0, alpha: 0) }
        func channel(_ shift: UInt32) -> Double { Double((value >> shift) & 0xFF) / 255 / alpha }
        return Color(red: channel(16), green: channel(8), blue: channel(0), alpha: alpha)
    }
}

extension Color {
    /// The largest difference of any channel to `other`.
    public func distance(to other: Color) -> Double {
        max(abs(red - other.red), abs(green - other.green), abs(blue - other.blue), abs(alpha - other.alpha))
    }
}
