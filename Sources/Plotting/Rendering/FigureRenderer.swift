import Foundation

/// Draws a `Figure` onto a `Canvas`: lays out each axes in its grid cell, then draws it.
struct FigureRenderer {
    let figure: Figure
    let canvas: Canvas

    /// The height the figure's title takes at the top, 0 without one.
    var titleHeight: Double {
        guard let title = figure.title, !title.isEmpty else { return 0 }
        let size = canvas.measure(title, points: Style.titleSize)
        return size.ascent + size.descent + 2 * Style.titlePad * canvas.pixelsPerPoint
    }

    /// The renderer of each axes, row by row, with its cell of the grid (below the title).
    var axesRenderers: [AxesRenderer] {
        let top = titleHeight
        let cellWidth = canvas.width / Double(figure.columns)
        let cellHeight = (canvas.height - top) / Double(figure.rows)
        return (0..<figure.rows).flatMap { row in
            (0..<figure.columns).map { column in
                let cell = Box(left: Double(column) * cellWidth, top: top + Double(row) * cellHeight, width: cellWidth, height: cellHeight)
                return AxesRenderer(axes: figure[row, column], canvas: canvas, cell: cell)
            }
        }
    }

    func draw() {
        canvas.paint(.white)
        if let title = figure.title, !title.isEmpty {
            canvas.drawText(title, x: canvas.width / 2, y: titleHeight / 2, points: Style.titleSize, color: Style.textColor,
                            horizontal: 0.5, vertical: 0.5)
        }
        // A grid cell with nothing in it (the eighth and ninth of seven plots) is left blank,
        // not drawn as an empty frame with ticks from 0 to 1.
        for renderer in axesRenderers where !renderer.axes.isBlank { renderer.draw() }
    }
}

/// Lays out and draws one `Axes` inside its cell of the figure.
struct AxesRenderer {
    let axes: Axes
    let canvas: Canvas
    let cell: Box

    private var points: Double { canvas.pixelsPerPoint }

    func draw() {
        let layout = makeLayout()
        let box = layout.box
        canvas.setColor(.white)
        canvas.rectangle(box.left, box.top, box.width, box.height)
        canvas.fill()
        if axes.grid { drawGrid(layout) }
        canvas.save()
        canvas.rectangle(box.left, box.top, box.width, box.height)
        canvas.clip()
        drawSeries(layout)
        canvas.restore()
        if axes.showsFrame {
            drawSpines(box)
            drawTicks(layout)
        }
        drawTexts(layout)
        if let colorbar = axes.colorbar { ColorbarPainter(canvas: canvas, colorbar: colorbar).draw(beside: box) }
        if let placement = axes.legend { LegendRenderer(axes: axes, canvas: canvas).draw(in: layout, placement: placement) }
    }

    // MARK: Layout

    /// Where the plot area goes, the axis mappings, and the ticks.
    struct Layout {
        var box: Box
        var x: AxisMapping
        var y: AxisMapping
        var xTicks: [(value: Double, label: String)]
        var yTicks: [(value: Double, label: String)]
    }

    /// The values the axis limits are fitted to. As in matplotlib, a point counts only when both of
    /// its coordinates are finite: a run whose final loss is NaN does not stretch the x axis to its
    /// learning rate. Series that are not points (reference lines) give their values as they are.
    func autoscaledValues() -> (x: [Double], y: [Double]) {
        var xs: [Double] = [], ys: [Double] = []
        for series in axes.series {
            if case .bar(let width) = series.style {
                // A bar spans its width and reaches down (or up) to 0, which the limits include.
                for (x, y) in zip(series.x, series.y) where x.isFinite && y.isFinite {
                    xs += [x - width / 2, x + width / 2]
                    ys += [0, y]
                }
                continue
            }
            guard series.x.count == series.y.count else {
                xs += series.x
                ys += series.y
                continue
            }
            for (x, y) in zip(series.x, series.y) where x.isFinite && y.isFinite {
                xs.append(x)
                ys.append(y)
            }
        }
        return (xs, ys)
    }

    func makeLayout() -> Layout {
        let (allX, allY) = autoscaledValues()
        let xRange = axes.xLimits ?? AxisMapping.limits(of: allX, scale: axes.xScale)
        let yRange = axes.yLimits ?? AxisMapping.limits(of: allY, scale: axes.yScale)
        let pad = Style.cellPad * points
        var box = Box(left: cell.left + pad, top: cell.top + pad, width: cell.width - 2 * pad, height: cell.height - 2 * pad)
        var layout = Layout(box: box, x: AxisMapping(scale: axes.xScale, lower: xRange.lowerBound, upper: xRange.upperBound, start: 0, end: 1),
                            y: AxisMapping(scale: axes.yScale, lower: yRange.lowerBound, upper: yRange.upperBound, start: 0, end: 1),
                            xTicks: [], yTicks: [])
        // Tick labels decide the margins and the axis lengths decide the ticks: settle in two passes.
        for _ in 0..<2 {
            layout.x = AxisMapping(scale: axes.xScale, lower: xRange.lowerBound, upper: xRange.upperBound, start: box.left, end: box.right)
            layout.y = yMapping(yRange, box: box)
            let xIntervals = Int(box.width / points / (Style.fontSize * 3))
            let yIntervals = Int(box.height / points / (Style.fontSize * 2))
            layout.xTicks = Self.categoryTicks(axes.xCategories) ?? layout.x.ticks(maximumIntervals: min(Style.maximumTickIntervals, max(1, xIntervals)), integer: axes.xIntegerTicks)
            layout.yTicks = Self.categoryTicks(axes.yCategories) ?? layout.y.ticks(maximumIntervals: min(Style.maximumTickIntervals, max(1, yIntervals)))
            if !axes.showsFrame { (layout.xTicks, layout.yTicks) = ([], []) }
            box = plotBox(for: layout)
        }
        if axes.equalAspect { box = equalAspectBox(box, layout: layout) }
        layout.box = box
        layout.x = AxisMapping(scale: axes.xScale, lower: xRange.lowerBound, upper: xRange.upperBound, start: box.left, end: box.right)
        layout.y = yMapping(yRange, box: box)
        return layout
    }

    /// The y mapping onto `box`: upward, or downward for an inverted axis.
    private func yMapping(_ range: ClosedRange<Double>, box: Box) -> AxisMapping {
        AxisMapping(scale: axes.yScale, lower: range.lowerBound, upper: range.upperBound,
                    start: axes.yInverted ? box.top : box.bottom, end: axes.yInverted ? box.bottom : box.top)
    }

    /// Ticks at 0, 1, 2, … labelled with the category names, when an axis has them.
    private static func categoryTicks(_ names: [String]?) -> [(value: Double, label: String)]? {
        names.map { names in names.enumerated().map { (Double($0.offset), $0.element) } }
    }

    /// The angle of the x tick labels in radians, clockwise as Cairo turns (so counter-clockwise on the page).
    private var xLabelAngle: Double { -axes.xLabelRotation * .pi / 180 }

    /// The height an x tick label takes below its tick, rotated as the axes says.
    private func xLabelDrop(_ label: String) -> Double {
        let size = canvas.measure(label, points: Style.fontSize)
        let angle = abs(xLabelAngle)
        return size.width * sin(angle) + (size.ascent + size.descent) * cos(angle)
    }

    /// The cell minus the room its texts need, so that nothing is clipped or overlaps a neighbour.
    private func plotBox(for layout: Layout) -> Box {
        let pad = Style.cellPad * points
        let tickSpace = (Style.tickLength + Style.tickPad) * points
        let labelHeight = canvas.measure("0", points: Style.fontSize)
        let lineHeight = labelHeight.ascent + labelHeight.descent
        let yLabelWidth = layout.yTicks.map { canvas.measure($0.label, points: Style.fontSize).width }.max() ?? 0
        let lastXLabel = axes.xLabelRotation == 0 ? layout.xTicks.last.map { canvas.measure($0.label, points: Style.fontSize).width } ?? 0 : 0
        let frame = axes.showsFrame ? tickSpace : 0
        var left = frame + yLabelWidth
        if axes.yLabel != nil { left += Style.labelPad * points + lineHeight }
        // A rotated label's right end is at its tick, so the first one reaches furthest left.
        if axes.xLabelRotation != 0, let first = layout.xTicks.first {
            let reach = canvas.measure(first.label, points: Style.fontSize).width * cos(xLabelAngle)
            left = max(left, reach - (layout.x.pixel(first.value) - layout.box.left))
        }
        var bottom = axes.showsFrame ? tickSpace + (layout.xTicks.map { xLabelDrop($0.label) }.max() ?? lineHeight) : 0
        if axes.xLabel != nil { bottom += Style.labelPad * points + lineHeight }
        var top = lineHeight / 2
        if let title = axes.title {
            let size = canvas.measure(title, points: axes.titleSize ?? Style.titleSize)
            top = Style.titlePad * points + size.ascent + size.descent
        }
        var right = lastXLabel / 2
        if let colorbar = axes.colorbar { right = max(right, ColorbarPainter(canvas: canvas, colorbar: colorbar).width(forPlotHeight: layout.box.height)) }
        return Box(left: cell.left + pad + left, top: cell.top + pad + top,
                   width: max(10, cell.width - 2 * pad - left - right), height: max(10, cell.height - 2 * pad - top - bottom))
    }

    private func equalAspectBox(_ box: Box, layout: Layout) -> Box {
        let xSpan = abs(layout.x.upper - layout.x.lower), ySpan = abs(layout.y.upper - layout.y.lower)
        guard xSpan > 0, ySpan > 0, axes.xScale == .linear, axes.yScale == .linear else { return box }
        let unit = min(box.width / xSpan, box.height / ySpan)
        let width = xSpan * unit, height = ySpan * unit
        return Box(left: box.left + (box.width - width) / 2, top: box.top + (box.height - height) / 2, width: width, height: height)
    }

    // MARK: Drawing

    private func drawGrid(_ layout: Layout) {
        canvas.setColor(Style.gridColor)
        canvas.setLineWidth(points: Style.gridWidth)
        canvas.setDash(points: [])
        for tick in layout.xTicks {
            let x = layout.x.pixel(tick.value)
            canvas.moveTo(x, layout.box.top)
            canvas.lineTo(x, layout.box.bottom)
        }
        for tick in layout.yTicks {
            let y = layout.y.pixel(tick.value)
            canvas.moveTo(layout.box.left, y)
            canvas.lineTo(layout.box.right, y)
        }
        canvas.stroke()
    }

    private func drawSeries(_ layout: Layout) {
        let painter = SeriesPainter(canvas: canvas, layout: layout)
        for (series, color) in zip(axes.series, axes.seriesColors) { painter.draw(series, color: color) }
    }

    private func drawSpines(_ box: Box) {
        canvas.setColor(.black)
        canvas.setLineWidth(points: Style.spineWidth)
        canvas.setDash(points: [])
        canvas.rectangle(box.left, box.top, box.width, box.height)
        canvas.stroke()
    }

    private func drawTicks(_ layout: Layout) {
        let length = Style.tickLength * points
        let gap = (Style.tickLength + Style.tickPad) * points
        canvas.setColor(.black)
        canvas.setLineWidth(points: Style.tickWidth)
        for tick in layout.xTicks {
            let x = layout.x.pixel(tick.value)
            canvas.moveTo(x, layout.box.bottom)
            canvas.lineTo(x, layout.box.bottom + length)
        }
        for tick in layout.yTicks {
            let y = layout.y.pixel(tick.value)
            canvas.moveTo(layout.box.left, y)
            canvas.lineTo(layout.box.left - length, y)
        }
        canvas.stroke()
        for tick in layout.xTicks {
            if axes.xLabelRotation == 0 {
                canvas.drawText(tick.label, x: layout.x.pixel(tick.value), y: layout.box.bottom + gap, points: Style.fontSize,
                                color: Style.textColor, horizontal: 0.5, vertical: 0)
            } else {
                // Anchored at its right end's middle, as matplotlib's `rotation_mode="anchor"`.
                let size = canvas.measure(tick.label, points: Style.fontSize)
                let half = (size.ascent + size.descent) / 2
                canvas.drawText(tick.label, x: layout.x.pixel(tick.value),
                                y: layout.box.bottom + gap + half * cos(xLabelAngle), points: Style.fontSize,
                                color: Style.textColor, horizontal: 1, vertical: 0.5, angle: xLabelAngle)
            }
        }
        for tick in layout.yTicks {
            canvas.drawText(tick.label, x: layout.box.left - gap, y: layout.y.pixel(tick.value), points: Style.fontSize,
                            color: Style.textColor, horizontal: 1, vertical: 0.5)
        }
    }

    private func drawTexts(_ layout: Layout) {
        let box = layout.box
        if let title = axes.title {
            canvas.drawText(title, x: box.left + box.width / 2, y: box.top - Style.titlePad * points, points: axes.titleSize ?? Style.titleSize,
                            color: Style.textColor, horizontal: 0.5, vertical: 1)
        }
        let labelSize = canvas.measure("0", points: Style.fontSize)
        let tickSpace = (Style.tickLength + Style.tickPad) * points
        if let xLabel = axes.xLabel {
            let drop = layout.xTicks.map { xLabelDrop($0.label) }.max() ?? (labelSize.ascent + labelSize.descent)
            let y = box.bottom + (axes.showsFrame ? tickSpace + drop : 0) + Style.labelPad * points
            canvas.drawText(xLabel, x: box.left + box.width / 2, y: y, points: Style.fontSize, color: Style.textColor,
                            horizontal: 0.5, vertical: 0)
        }
        if let yLabel = axes.yLabel {
            let widest = layout.yTicks.map { canvas.measure($0.label, points: Style.fontSize).width }.max() ?? 0
            let x = box.left - (axes.showsFrame ? tickSpace : 0) - widest - Style.labelPad * points
            canvas.drawText(yLabel, x: x, y: box.top + box.height / 2, points: Style.fontSize, color: Style.textColor,
                            horizontal: 0.5, vertical: 1, angle: -.pi / 2)
        }
    }
}
