import Foundation

/// The mapping of one axis from data values to pixels, and its ticks.
struct AxisMapping {
    let scale: AxisScale
    /// The data range shown.
    let lower: Double
    let upper: Double
    /// The pixel positions of `lower` and `upper`.
    let start: Double
    let end: Double

    /// The pixel position of a data value.
    func pixel(_ value: Double) -> Double {
        let (a, b, v) = scale == .log ? (log10(lower), log10(upper), log10(value)) : (lower, upper, value)
        return start + (v - a) / (b - a) * (end - start)
    }

    /// Major ticks inside the range, and their labels.
    func ticks(maximumIntervals: Int, integer: Bool = false) -> [(value: Double, label: String)] {
        switch scale {
        case .linear:
            let values = LinearTicks(maximumIntervals: maximumIntervals, integer: integer).visible(from: lower, to: upper)
            return Array(zip(values, TickLabels.linear(values)))
        case .log:
            let values = LogTicks(maximumTicks: maximumIntervals).ticks(from: lower, to: upper)
                .filter { $0 >= lower * (1 - 1e-9) && $0 <= upper * (1 + 1e-9) }
            return Array(zip(values, TickLabels.decades(values)))
        }
    }

    /// The data range to show for `values`: their extent widened by 5% on each side (in log space
    /// for a log axis), as matplotlib's default margins; a single value gets ±0.5 (or a decade).
    static func limits(of values: [Double], scale: AxisScale) -> ClosedRange<Double> {
        let usable = values.filter { $0.isFinite && (scale == .linear || $0 > 0) }
        guard let low = usable.min(), let high = usable.max() else { return scale == .log ? 1...10 : 0...1 }
        switch scale {
        case .linear:
            if low == high { return (low - 0.5)...(high + 0.5) }
            let margin = (high - low) * 0.05
            return (low - margin)...(high + margin)
        case .log:
            let (a, b) = (log10(low), log10(high))
            if a == b { return pow(10, a - 1)...pow(10, b + 1) }
            let margin = (b - a) * 0.05
            return pow(10, a - margin)...pow(10, b + margin)
        }
    }
}
