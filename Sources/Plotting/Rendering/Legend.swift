/// Draws the legend of an axes: a framed box listing the labelled series, placed like matplotlib's.
///
/// Unlike matplotlib, a legend never leaves its axes: entries that do not fit one above the other
/// flow into more columns, and labels too long for the plot's width are shortened with "…".
struct LegendRenderer {
    let axes: Axes
    let canvas: Canvas

    private var points: Double { canvas.pixelsPerPoint }

    /// Where each part of the legend goes, in pixels.
    struct Layout {
        /// The labels as drawn, in entry order (shortened where needed).
        var labels: [String]
        /// Entries per column; the entries fill the first column top to bottom, then the next.
        var rowsPerColumn: Int
        /// The width of each column (handle, gap and its longest label).
        var columnWidths: [Double]
        var rowHeight: Double
        var width: Double
        var height: Double
    }

    private var entries: [(series: Series, color: Color)] {
        zip(axes.series, axes.seriesColors).filter { $0.0.label != nil }.map { (series: $0.0, color: $0.1) }
    }

    /// Sizes the legend to fit inside `plot`.
    func layout(labels: [String], in plot: Box) -> Layout {
        let text = canvas.measure("0", points: Style.fontSize)
        let rowHeight = text.ascent + text.descent
        let pad = Style.legendBorderPad * points, spacing = Style.legendLabelSpacing * points
        let inset = Style.legendAxesPad * points, columnSpacing = Style.legendColumnSpacing * points
        let handle = (Style.legendHandleLength + Style.legendHandleTextPad) * points
        let rowsThatFit = Int(((plot.height - 2 * inset - 2 * pad + spacing) / (rowHeight + spacing)).rounded(.down))
        let columns = (labels.count + Swift.max(rowsThatFit, 1) - 1) / Swift.max(rowsThatFit, 1)
        let rowsPerColumn = (labels.count + columns - 1) / columns
        let widestLabel = (plot.width - 2 * inset - 2 * pad - Double(columns - 1) * columnSpacing) / Double(columns) - handle
        let shown = labels.map { elide($0, toWidth: widestLabel) }
        let columnWidths = (0..<columns).map { column in
            let members = shown[(column * rowsPerColumn)..<Swift.min((column + 1) * rowsPerColumn, shown.count)]
            return handle + (members.map(\.width).max() ?? 0)
        }
        return Layout(
            labels: shown.map(\.text), rowsPerColumn: rowsPerColumn, columnWidths: columnWidths, rowHeight: rowHeight,
            width: 2 * pad + columnWidths.reduce(0, +) + Double(columns - 1) * columnSpacing,
            height: 2 * pad + Double(rowsPerColumn) * rowHeight + Double(rowsPerColumn - 1) * spacing)
    }

    /// `label`, or its longest prefix that fits `width` followed by "…", with its drawn width.
    private func elide(_ label: String, toWidth width: Double) -> (text: String, width: Double) {
        func measured(_ text: String) -> (text: String, width: Double) {
            (text, canvas.measure(text, points: Style.fontSize).width)
        }
        let whole = measured(label)
        if whole.width <= width { return whole }
        let characters = Array(label)
        var (low, high) = (0, characters.count)  // the longest fitting prefix has between low and high characters
        while low < high {
            let middle = (low + high + 1) / 2
            if measured(String(characters[..<middle]) + "…").width <= width { low = middle } else { high = middle - 1 }
        }
        return measured(String(characters[..<low]).trimmingTrailingSpaces() + "…")
    }

    func draw(in layout: AxesRenderer.Layout, placement: LegendPlacement) {
        let entries = self.entries
        guard !entries.isEmpty else { return }
        let legend = self.layout(labels: entries.map { $0.series.label! }, in: layout.box)
        let pad = Style.legendBorderPad * points
        let box = place(width: legend.width, height: legend.height, in: layout, placement: placement)

        canvas.setColor(Color.white.withAlpha(0.8))
        canvas.rectangle(box.left, box.top, box.width, box.height)
        canvas.fillPreserve()
        canvas.setColor(Color(hex: 0xCCCCCC))
        canvas.setLineWidth(points: 1)
        canvas.stroke()
        for (index, entry) in entries.enumerated() {
            let (column, row) = (index / legend.rowsPerColumn, index % legend.rowsPerColumn)
            let middle = box.top + pad + Double(row) * (legend.rowHeight + Style.legendLabelSpacing * points) + legend.rowHeight / 2
            let handleStart = box.left + pad + legend.columnWidths[..<column].reduce(0, +)
                + Double(column) * Style.legendColumnSpacing * points
            let handleEnd = handleStart + Style.legendHandleLength * points
            switch entry.series.style {
            case .line(let lineWidth, let dash), .contour(_, _, let lineWidth, let dash),
                 .horizontalLine(let lineWidth, let dash), .verticalLine(let lineWidth, let dash):
                canvas.setColor(entry.color)
                canvas.setLineWidth(points: lineWidth)
                canvas.setDash(points: dash)
                canvas.moveTo(handleStart, middle)
                canvas.lineTo(handleEnd, middle)
                canvas.stroke()
                canvas.setDash(points: [])
            case .scatter(let size, let edge):
                canvas.circle((handleStart + handleEnd) / 2, middle, radius: size.squareRoot() / 2 * points)
                canvas.setColor(entry.color)
                canvas.fillPreserve()
                canvas.setColor(edge ?? entry.color)
                canvas.setLineWidth(points: 1)
                canvas.stroke()
            case .bar:
                let side = Style.fontSize * 0.7 * points
                canvas.setColor(entry.color)
                canvas.rectangle((handleStart + handleEnd) / 2 - side, middle - side / 2, 2 * side, side)
                canvas.fill()
            case .field, .text, .image:
                break
            }
            canvas.drawText(legend.labels[index], x: handleEnd + Style.legendHandleTextPad * points, y: middle,
                            points: Style.fontSize, color: Style.textColor, horizontal: 0, vertical: 0.5)
        }
    }

    /// The legend's box for a placement; for `.best`, the candidate that covers the least data, as
    /// matplotlib's `best` judges it: the markers and line vertices inside the box, and one for each
    /// line (or contour) that crosses it, so a long straight stretch with no vertex there still
    /// counts. The first of matplotlib's order wins ties.
    func place(width: Double, height: Double, in layout: AxesRenderer.Layout, placement: LegendPlacement) -> Box {
        let plot = layout.box
        let inset = Style.legendAxesPad * points
        func box(_ candidate: LegendPlacement) -> Box {
            let left = plot.left + inset, right = plot.right - inset - width, centerX = plot.left + (plot.width - width) / 2
            let top = plot.top + inset, bottom = plot.bottom - inset - height, centerY = plot.top + (plot.height - height) / 2
            let (x, y): (Double, Double) = switch candidate {
            case .best, .upperRight: (right, top)
            case .upperLeft: (left, top)
            case .lowerLeft: (left, bottom)
            case .lowerRight: (right, bottom)
            case .right, .centerRight: (right, centerY)
            case .centerLeft: (left, centerY)
            case .lowerCenter: (centerX, bottom)
            case .upperCenter: (centerX, top)
            case .center: (centerX, centerY)
            }
            return Box(left: x, top: y, width: width, height: height)
        }
        guard placement == .best else { return box(placement) }
        let data = LegendRenderer.drawnData(of: axes, in: layout)
        // Each candidate's count once; `min` keeps the first of equal counts.
        let candidates = LegendPlacement.allCases.dropFirst().map { candidate in
            let box = box(candidate)
            return (box: box, covered: data.covered(by: box))
        }
        return candidates.min { $0.covered < $1.covered }?.box ?? box(.upperRight)
    }

    /// The points and line segments of `axes`' series, in pixels, that a legend should not cover.
    static func drawnData(of axes: Axes, in layout: AxesRenderer.Layout) -> DrawnData {
        var data = DrawnData()
        for series in axes.series {
            let points = zip(series.x, series.y).map { (layout.x.pixel($0), layout.y.pixel($1)) }.filter { $0.0.isFinite && $0.1.isFinite }
            switch series.style {
            case .line:
                data.points += points
                data.lines.append(zip(points, points.dropFirst()).map { ($0, $1) })
            case .scatter, .bar, .text:
                data.points += points
            case .contour(let field, let level, _, _):
                data.lines.append(Contour.segments(of: field, at: level).map { start, end in
                    ((layout.x.pixel(start.0), layout.y.pixel(start.1)), (layout.x.pixel(end.0), layout.y.pixel(end.1)))
                })
            case .field, .horizontalLine, .verticalLine, .image:
                break
            }
        }
        return data
    }

    /// Points and lines (each its segments), in pixels, and how much of them a box covers.
    struct DrawnData {
        var points: [(Double, Double)] = []
        var lines: [[((Double, Double), (Double, Double))]] = []

        /// The points inside `box`, and one for each line that crosses it.
        func covered(by box: Box) -> Int {
            points.count { box.contains($0.0, $0.1) } + lines.count { line in line.contains { Self.crosses($0.0, $0.1, box) } }
        }

        /// Whether the segment from `a` to `b` has a point inside `box` (Liang–Barsky clipping).
        static func crosses(_ a: (Double, Double), _ b: (Double, Double), _ box: Box) -> Bool {
            let (dx, dy) = (b.0 - a.0, b.1 - a.1)
            var (low, high) = (0.0, 1.0)
            for (p, q) in [(-dx, a.0 - box.left), (dx, box.right - a.0), (-dy, a.1 - box.top), (dy, box.bottom - a.1)] {
                if p == 0 {
                    if q < 0 { return false }
                } else {
                    let t = q / p
                    if p < 0 { low = max(low, t) } else { high = min(high, t) }
                    if low > high { return false }
                }
            }
            return true
        }
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
