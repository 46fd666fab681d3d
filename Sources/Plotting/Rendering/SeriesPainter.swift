/// Draws one series inside an axes' plot area.
struct SeriesPainter {
    let canvas: Canvas
    let layout: AxesRenderer.Layout

    private var points: Double { canvas.pixelsPerPoint }

    func draw(_ series: Series, color: Color) {
        switch series.style {
        case .line(let width, let dash):
            let pieces = pixelRuns(series).map(Self.reduced)
            guard !pieces.isEmpty else { return }
            stroke(color: color, width: width, dash: dash) {
                for piece in pieces {
                    canvas.moveTo(piece[0].0, piece[0].1)
                    for point in piece.dropFirst() { canvas.lineTo(point.0, point.1) }
                }
            }
        case .scatter(let size, let edge):
            let radius = size.squareRoot() / 2 * points
            for (index, point) in pixelPoints(series).enumerated() {
                canvas.circle(point.0, point.1, radius: radius)
                canvas.setColor(series.pointColors.map { $0[index % $0.count] } ?? color)
                if let edge {
                    canvas.fillPreserve()
                    canvas.setColor(edge)
                    canvas.setLineWidth(points: 1)
                    canvas.stroke()
                } else {
                    canvas.fill()
                }
            }
        case .field(let field, let colormap, let range, let alpha):
            drawField(field, colormap: colormap, range: range, alpha: alpha)
        case .contour(let field, let level, let width, let dash):
            stroke(color: color, width: width, dash: dash) {
                for (start, end) in Contour.segments(of: field, at: level) {
                    canvas.moveTo(layout.x.pixel(start.0), layout.y.pixel(start.1))
                    canvas.lineTo(layout.x.pixel(end.0), layout.y.pixel(end.1))
                }
            }
        case .horizontalLine(let width, let dash):
            guard let y = series.y.first.map(layout.y.pixel) else { return }
            stroke(color: color, width: width, dash: dash) {
                canvas.moveTo(layout.box.left, y)
                canvas.lineTo(layout.box.right, y)
            }
        case .verticalLine(let width, let dash):
            guard let x = series.x.first.map(layout.x.pixel) else { return }
            stroke(color: color, width: width, dash: dash) {
                canvas.moveTo(x, layout.box.top)
                canvas.lineTo(x, layout.box.bottom)
            }
        case .text(let text, let size, let horizontal):
            guard let x = series.x.first, let y = series.y.first else { return }
            canvas.drawText(text, x: layout.x.pixel(x), y: layout.y.pixel(y), points: size, color: color,
                            horizontal: horizontal, vertical: 0.5)
        case .image(let raster, let colormap, let range):
            drawImage(raster, colormap: colormap, range: range)
        case .bar(let width):
            canvas.setColor(color)
            for (x, height) in zip(series.x, series.y) where x.isFinite && height.isFinite {
                let left = layout.x.pixel(x - width / 2), right = layout.x.pixel(x + width / 2)
                let top = layout.y.pixel(height), bottom = layout.y.pixel(0)
                canvas.rectangle(min(left, right), min(top, bottom), abs(right - left), abs(bottom - top))
            }
            canvas.fill()
        }
    }

    /// The field as an image whose cells are centred on its grid points (as `imshow` with an
    /// extent half a cell wider than the grid on each side).
    private func drawField(_ field: Field, colormap: Colormap, range: ClosedRange<Double>, alpha: Double) {
        let span = range.upperBound - range.lowerBound
        var colors: [Color] = []
        colors.reserveCapacity(field.values.count)
        for row in stride(from: field.rows - 1, through: 0, by: -1) {  // the image's top row is the field's last
            for column in 0..<field.columns {
                let value = field.value(column: column, row: row)
                let position = span > 0 ? (value - range.lowerBound) / span : 0.5
                let color = colormap.color(at: position)
                colors.append(color.withAlpha(color.alpha * alpha))
            }
        }
        let halfColumn = (field.x.upperBound - field.x.lowerBound) / Double(field.columns - 1) / 2
        let halfRow = (field.y.upperBound - field.y.lowerBound) / Double(field.rows - 1) / 2
        let left = layout.x.pixel(field.x.lowerBound - halfColumn), right = layout.x.pixel(field.x.upperBound + halfColumn)
        let top = layout.y.pixel(field.y.upperBound + halfRow), bottom = layout.y.pixel(field.y.lowerBound - halfRow)
        canvas.drawImage(colors, columns: field.columns, rows: field.rows,
                         into: Box(left: left, top: top, width: right - left, height: bottom - top))
    }

    /// A raster's cells, (row r, column c) centred on (c, r), painted as one image with whichever
    /// row is on top of the axes first.
    private func drawImage(_ raster: Raster, colormap: Colormap, range: ClosedRange<Double>) {
        let span = range.upperBound - range.lowerBound
        let left = layout.x.pixel(-0.5), right = layout.x.pixel(Double(raster.columns) - 0.5)
        let firstRow = layout.y.pixel(-0.5), pastLastRow = layout.y.pixel(Double(raster.rows) - 0.5)
        let rowOrder = firstRow < pastLastRow ? Array(0..<raster.rows) : Array((0..<raster.rows).reversed())
        let columnOrder = left < right ? Array(0..<raster.columns) : Array((0..<raster.columns).reversed())
        var colors: [Color] = []
        colors.reserveCapacity(raster.values.count)
        for row in rowOrder {
            for column in columnOrder {
                let value = raster[row, column]
                colors.append(colormap.color(at: span > 0 ? (value - range.lowerBound) / span : 0.5))
            }
        }
        canvas.drawImage(colors, columns: raster.columns, rows: raster.rows,
                         into: Box(left: min(left, right), top: min(firstRow, pastLastRow),
                                   width: abs(right - left), height: abs(pastLastRow - firstRow)))
    }

    /// A line with far more points than pixel columns, its x increasing, reduced to the first,
    /// lowest, highest and last point of each pixel column, in their order (the "M4" reduction):
    /// the same column-by-column envelope on screen, with at most four points per column, so a
    /// 30000-point loss curve costs what a 1000-point one does, in PNG, PDF and SVG alike.
    static func reduced(_ pixels: [(Double, Double)]) -> [(Double, Double)] {
        guard let first = pixels.first, let last = pixels.last else { return pixels }
        let columns = last.0 - first.0
        guard Double(pixels.count) > 4 * max(columns, 1) + 16,
              zip(pixels, pixels.dropFirst()).allSatisfy({ $0.0 <= $1.0 }) else { return pixels }
        var keep: [Int] = []
        var start = 0
        while start < pixels.count {
            let column = pixels[start].0.rounded(.down)
            var end = start, lowest = start, highest = start
            while end + 1 < pixels.count, pixels[end + 1].0.rounded(.down) == column {
                end += 1
                if pixels[end].1 < pixels[lowest].1 { lowest = end }
                if pixels[end].1 > pixels[highest].1 { highest = end }
            }
            keep += Set([start, lowest, highest, end]).sorted()
            start = end + 1
        }
        return keep.map { pixels[$0] }
    }

    private func pixelPoints(_ series: Series) -> [(Double, Double)] {
        pixelRuns(series).flatMap { $0 }
    }

    /// The series in pixels, in stretches of drawable points. A point that cannot be drawn (NaN,
    /// infinite, or not positive on a log axis) ends a stretch: as in matplotlib, a line has a gap
    /// there instead of a segment joining its neighbours, which would show a value nobody measured.
    private func pixelRuns(_ series: Series) -> [[(Double, Double)]] {
        var runs: [[(Double, Double)]] = [[]]
        for (x, y) in zip(series.x, series.y) {
            let (px, py) = (layout.x.pixel(x), layout.y.pixel(y))
            if px.isFinite && py.isFinite {
                runs[runs.count - 1].append((px, py))
            } else if !runs[runs.count - 1].isEmpty {
                runs.append([])
            }
        }
        return runs.filter { !$0.isEmpty }
    }

    private func stroke(color: Color, width: Double, dash: [Double], path: () -> Void) {
        canvas.setColor(color)
        canvas.setLineWidth(points: width)
        canvas.setDash(points: dash)
        // matplotlib's solid_capstyle is projecting, its dash_capstyle butt: a projecting cap on
        // each dash would reach half the line width into both gaps and close them.
        canvas.setLineCap(.init(rawValue: dash.isEmpty ? 2 : 0))
        canvas.setLineJoin(.init(rawValue: 1))  // round
        path()
        canvas.stroke()
        canvas.setDash(points: [])
    }
}

extension Axes {
    /// The colour of each series: its own, else its first point colour, else the next colour of the
    /// tab10 cycle, which advances only for lines and scatters without a colour, as in matplotlib.
    var seriesColors: [Color] {
        var cycle = 0
        return series.map { series in
            let color = series.color ?? series.pointColors?.first ?? Color.tab10[cycle % Color.tab10.count]
            if series.usesColorCycle { cycle += 1 }
            return color
        }
    }
}

extension Series {
    /// Whether the series takes the next colour of the cycle (lines and scatters without a colour).
    var usesColorCycle: Bool {
        guard color == nil, pointColors == nil else { return false }
        switch style {
        case .line, .scatter: return true
        case .bar: return true
        case .field, .contour, .horizontalLine, .verticalLine, .text, .image: return false
        }
    }
}
