/// Draws the legend of an axes: a framed box listing the labelled series, placed like matplotlib's.
struct LegendRenderer {
    let axes: Axes
    let canvas: Canvas

    private var points: Double { canvas.pixelsPerPoint }

    func draw(in layout: AxesRenderer.Layout, placement: LegendPlacement) {
        let entries = zip(axes.series, axes.seriesColors).filter { $0.0.label != nil }.map { (series: $0.0, color: $0.1) }
        guard !entries.isEmpty else { return }
        let text = canvas.measure("0", points: Style.fontSize)
        let rowHeight = text.ascent + text.descent
        let labelWidth = entries.map { canvas.measure($0.series.label!, points: Style.fontSize).width }.max() ?? 0
        let pad = Style.legendBorderPad * points
        let width = 2 * pad + (Style.legendHandleLength + Style.legendHandleTextPad) * points + labelWidth
        let height = 2 * pad + Double(entries.count) * rowHeight + Double(entries.count - 1) * Style.legendLabelSpacing * points
        let box = place(width: width, height: height, in: layout, placement: placement)

        canvas.setColor(Color.white.withAlpha(0.8))
        canvas.rectangle(box.left, box.top, box.width, box.height)
        canvas.fillPreserve()
        canvas.setColor(Color(hex: 0xCCCCCC))
        canvas.setLineWidth(points: 1)
        canvas.stroke()
        for (index, entry) in entries.enumerated() {
            let middle = box.top + pad + Double(index) * (rowHeight + Style.legendLabelSpacing * points) + rowHeight / 2
            let handleStart = box.left + pad, handleEnd = handleStart + Style.legendHandleLength * points
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
            case .field, .text:
                break
            }
            canvas.drawText(entry.series.label!, x: handleEnd + Style.legendHandleTextPad * points, y: middle,
                            points: Style.fontSize, color: Style.textColor, horizontal: 0, vertical: 0.5)
        }
    }

    /// The legend's box for a placement; for `.best`, the candidate covering the fewest data
    /// points and line vertices (the first of matplotlib's order on ties).
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
        let data = axes.series.flatMap { series in
            zip(series.x, series.y).map { (layout.x.pixel($0), layout.y.pixel($1)) }
        }
        let candidates = LegendPlacement.allCases.dropFirst()
        return candidates.map(box).min { first, second in
            data.filter { first.contains($0.0, $0.1) }.count < data.filter { second.contains($0.0, $0.1) }.count
        } ?? box(.upperRight)
    }
}
