/// Draws a colour bar to the right of an axes, as matplotlib's `fig.colorbar(...)` places it:
/// a gap of 5% of the axes width, a bar 1/20 as wide as it is tall, ticks and labels on its right.
struct ColorbarPainter {
    let canvas: Canvas
    let colorbar: Colorbar

    private var points: Double { canvas.pixelsPerPoint }

    private func ticks(height: Double) -> [(value: Double, label: String)] {
        let mapping = AxisMapping(scale: colorbar.scale, lower: colorbar.range.lowerBound, upper: colorbar.range.upperBound,
                                  start: height, end: 0)
        return mapping.ticks(maximumIntervals: min(Style.maximumTickIntervals, max(1, Int(height / points / (Style.fontSize * 2)))),
                             integer: colorbar.integerTicks)
    }

    /// The room the bar, its ticks and its label take to the right of a plot of this height.
    func width(forPlotHeight height: Double) -> Double {
        let labels = ticks(height: height).map { canvas.measure($0.label, points: Style.fontSize).width }.max() ?? 0
        var width = gap(forPlotHeight: height) + height / 20 + (Style.tickLength + Style.tickPad) * points + labels
        if colorbar.label != nil {
            let size = canvas.measure("0", points: Style.fontSize)
            width += Style.labelPad * points + size.ascent + size.descent
        }
        return width
    }

    private func gap(forPlotHeight height: Double) -> Double { max(6 * points, height * 0.05) }

    func draw(beside plot: Box) {
        let bar = Box(left: plot.right + gap(forPlotHeight: plot.height), top: plot.top, width: plot.height / 20, height: plot.height)
        let steps = 256
        let colors = (0..<steps).map { colorbar.colormap.color(at: 1 - (Double($0) + 0.5) / Double(steps)) }
        canvas.drawImage(colors, columns: 1, rows: steps, into: bar)
        canvas.setColor(.black)
        canvas.setLineWidth(points: Style.spineWidth)
        canvas.rectangle(bar.left, bar.top, bar.width, bar.height)
        canvas.stroke()
        let mapping = AxisMapping(scale: colorbar.scale, lower: colorbar.range.lowerBound, upper: colorbar.range.upperBound,
                                  start: bar.bottom, end: bar.top)
        let labelX = bar.right + (Style.tickLength + Style.tickPad) * points
        var widest = 0.0
        for tick in ticks(height: plot.height) {
            let y = mapping.pixel(tick.value)
            canvas.moveTo(bar.right, y)
            canvas.lineTo(bar.right + Style.tickLength * points, y)
            canvas.stroke()
            canvas.drawText(tick.label, x: labelX, y: y, points: Style.fontSize, color: Style.textColor, horizontal: 0, vertical: 0.5)
            widest = max(widest, canvas.measure(tick.label, points: Style.fontSize).width)
        }
        if let label = colorbar.label {
            canvas.drawText(label, x: labelX + widest + Style.labelPad * points, y: bar.top + bar.height / 2, points: Style.fontSize,
                            color: Style.textColor, horizontal: 0.5, vertical: 0, angle: -.pi / 2)
        }
    }
}
