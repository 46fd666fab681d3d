import CCairo
import Foundation

/// The file formats a figure renders to.
public enum OutputFormat: String, Sendable, CaseIterable, Codable {
    /// A raster image.
    case png
    /// A vector page.
    case pdf
    /// A vector drawing for the web.
    case svg
}

/// A failure to draw or write a figure.
public struct RenderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file being written, if any.
    public let file: String
    /// What went wrong.
    public let problem: String

    public var description: String { "\(file): \(problem)" }
}

/// A thin wrapper over one Cairo surface and context: the only type that calls Cairo.
///
/// Coordinates are pixels at the figure's dpi, origin top left, for every format: the PDF surface
/// (sized in points) is scaled by 72/dpi, so the same drawing gives a vector page of the right size.
final class Canvas {
    let format: OutputFormat
    /// Width and height in pixels at the figure's dpi.
    let width: Double
    let height: Double
    /// Pixels per typographic point (dpi / 72): font sizes and line widths are given in points.
    let pixelsPerPoint: Double
    private let surface: OpaquePointer
    let context: OpaquePointer
    private let path: String?

    /// Creates a canvas; PDF and SVG write to `path` as they are drawn, PNG when `finish` is called.
    init(format: OutputFormat, widthInches: Double, heightInches: Double, dpi: Double, path: String?) throws(RenderError) {
        self.format = format
        self.path = path
        self.pixelsPerPoint = dpi / 72
        width = (widthInches * dpi).rounded()
        height = (heightInches * dpi).rounded()
        let file = path ?? "(memory)"
        switch format {
        case .png:
            surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
        case .pdf:
            guard let path else { throw RenderError(file: file, problem: "a PDF needs a file to write to") }
            surface = cairo_pdf_surface_create(path, widthInches * 72, heightInches * 72)
            // No creation date: the same figure must give the same bytes.
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "")
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "NeuralReport")
        case .svg:
            guard let path else { throw RenderError(file: file, problem: "an SVG needs a file to write to") }
            surface = cairo_svg_surface_create(path, width, height)
            cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
        }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            let message = String(cString: cairo_status_to_string(cairo_surface_status(surface)))
            cairo_surface_destroy(surface)
            throw RenderError(file: file, problem: "cannot create the \(format.rawValue) surface: \(message)")
        }
        context = cairo_create(surface)
        if format == .pdf { cairo_scale(context, 72 / dpi, 72 / dpi) }
        selectFont(FontFallback.primaryFamily)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    // MARK: Paths and paint

    func setColor(_ color: Color) { cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha) }

    /// Line width in points.
    func setLineWidth(points: Double) { cairo_set_line_width(context, points * pixelsPerPoint) }

    /// Dash pattern in points; empty for a solid line.
    func setDash(points: [Double]) {
        let scaled = points.map { $0 * pixelsPerPoint }
        cairo_set_dash(context, scaled, Int32(scaled.count), 0)
    }

    func setLineCap(_ cap: cairo_line_cap_t) { cairo_set_line_cap(context, cap) }
    func setLineJoin(_ join: cairo_line_join_t) { cairo_set_line_join(context, join) }
    func moveTo(_ x: Double, _ y: Double) { cairo_move_to(context, x, y) }
    func lineTo(_ x: Double, _ y: Double) { cairo_line_to(context, x, y) }
    func closePath() { cairo_close_path(context) }
    func rectangle(_ x: Double, _ y: Double, _ width: Double, _ height: Double) { cairo_rectangle(context, x, y, width, height) }
    func circle(_ x: Double, _ y: Double, radius: Double) {
        cairo_new_sub_path(context)
        cairo_arc(context, x, y, radius, 0, 2 * .pi)
    }
    func stroke() { cairo_stroke(context) }
    func fill() { cairo_fill(context) }
    func fillPreserve() { cairo_fill_preserve(context) }
    func save() { cairo_save(context) }
    func restore() { cairo_restore(context) }
    func clip() { cairo_clip(context) }

    /// Fills the whole canvas.
    func paint(_ color: Color) {
        setColor(color)
        cairo_paint(context)
    }

    /// Paints a grid of colours (row 0 at the top) stretched over `box`, each cell a sharp-edged
    /// rectangle: one embedded image, however many cells, so PDF and SVG stay small.
    func drawImage(_ colors: [Color], columns: Int, rows: Int, into box: Box) {
        guard let image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(columns), Int32(rows)) else { return }
        defer { cairo_surface_destroy(image) }
        cairo_surface_flush(image)
        let stride = Int(cairo_image_surface_get_stride(image)) / 4
        if let data = cairo_image_surface_get_data(image) {
            data.withMemoryRebound(to: UInt32.self, capacity: stride * rows) { pixels in
                for row in 0..<rows {
                    for column in 0..<columns {
                        let color = colors[row * columns + column]
                        // Cairo stores premultiplied ARGB.
                        func byte(_ value: Double) -> UInt32 { UInt32((min(max(value, 0), 1) * color.alpha * 255).rounded()) }
                        let alpha = UInt32((min(max(color.alpha, 0), 1) * 255).rounded())
                        pixels[row * stride + column] = alpha << 24 | byte(color.red) << 16 | byte(color.green) << 8 | byte(color.blue)
                    }
                }
            }
        }
        cairo_surface_mark_dirty(image)
        save()
        cairo_rectangle(context, box.left, box.top, box.width, box.height)
        cairo_clip(context)
        cairo_translate(context, box.left, box.top)
        cairo_scale(context, box.width / Double(columns), box.height / Double(rows))
        cairo_set_source_surface(context, image, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_NEAREST)
        cairo_pattern_set_extend(cairo_get_source(context), CAIRO_EXTEND_PAD)
        cairo_paint(context)
        restore()
    }

    // MARK: Text

    private func selectFont(_ family: String) {
        if let face = FontFaces.shared.face(for: family) {
            cairo_set_font_face(context, face)
        } else {
            cairo_select_font_face(context, family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        }
    }

    /// The size of `text` at `points`: advance width, and the primary font's ascent and descent
    /// (so that a line's box does not move with the fonts its characters fall back to), in pixels.
    func measure(_ text: String, points: Double) -> (width: Double, ascent: Double, descent: Double) {
        measure(FontFallback.shared.runs(text), points: points)
    }

    private func measure(_ runs: [FontFallback.Run], points: Double) -> (width: Double, ascent: Double, descent: Double) {
        cairo_set_font_size(context, points * pixelsPerPoint)
        var font = cairo_font_extents_t()
        cairo_font_extents(context, &font)
        var width = 0.0
        for run in runs {
            if run.family != FontFallback.primaryFamily { selectFont(run.family) }
            var extents = cairo_text_extents_t()
            cairo_text_extents(context, run.text, &extents)
            width += extents.x_advance
            if run.family != FontFallback.primaryFamily { selectFont(FontFallback.primaryFamily) }
        }
        return (width, font.ascent, font.descent)
    }

    /// Draws `text` with its anchor at (x, y): `horizontal` 0 = left, 0.5 = centre, 1 = right;
    /// `vertical` 0 = top, 0.5 = middle, 1 = bottom of the line box; rotated by `angle` radians.
    /// Characters the figure font lacks are drawn by a font that has them.
    func drawText(_ text: String, x: Double, y: Double, points: Double, color: Color,
                  horizontal: Double = 0.5, vertical: Double = 0.5, angle: Double = 0) {
        let runs = FontFallback.shared.runs(text)
        let size = measure(runs, points: points)
        save()
        cairo_translate(context, x, y)
        cairo_rotate(context, angle)
        setColor(color)
        let lineHeight = size.ascent + size.descent
        cairo_move_to(context, -horizontal * size.width, -vertical * lineHeight + size.ascent)
        // Each run continues from where the previous one's advance left the current point.
        for run in runs {
            selectFont(run.family)
            cairo_show_text(context, run.text)
        }
        restore()
    }

    // MARK: Output

    /// Finishes the drawing and writes the file (PNG) or completes it (PDF, SVG).
    func finish() throws(RenderError) {
        let file = path ?? "(memory)"
        if format == .png, let path {
            cairo_surface_flush(surface)
            let stride = Int(cairo_image_surface_get_stride(surface)) / 4
            let encoded = cairo_image_surface_get_data(surface).flatMap { data in
                data.withMemoryRebound(to: UInt32.self, capacity: stride * Int(height)) {
                    PNGEncoder.encode(pixels: $0, width: Int(width), height: Int(height), stride: stride)
                }
            }
            guard let encoded, FileManager.default.createFile(atPath: path, contents: encoded) else {
                throw RenderError(file: file, problem: "cannot write the PNG")
            }
        }
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError(file: file, problem: "drawing failed: \(String(cString: cairo_status_to_string(status)))")
        }
        if format == .svg, let path { try Self.renumberSurfaces(inSVG: path) }
    }

    /// Cairo names SVG groups `surfaceN` from a counter shared by the whole process, so the second
    /// figure of a run would differ from the same figure drawn first. Renumbering them in order of
    /// appearance makes the file depend on the figure alone.
    static func renumberSurfaces(inSVG path: String) throws(RenderError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RenderError(file: path, problem: "cannot read back the SVG just written")
        }
        var text = String(decoding: data, as: UTF8.self)
        var numbers: [String: Int] = [:]
        var result = ""
        while let range = text.range(of: "surface") {
            result += text[..<range.upperBound]
            text = String(text[range.upperBound...])
            let digits = text.prefix { $0.isNumber }
            if !digits.isEmpty {
                let number = numbers[String(digits)] ?? (numbers.count + 1)
                numbers[String(digits)] = number
                result += String(number)
                text = String(text.dropFirst(digits.count))
            }
        }
        result += text
        guard FileManager.default.createFile(atPath: path, contents: Data(result.utf8)) else {
            throw RenderError(file: path, problem: "cannot rewrite the SVG")
        }
    }
}
