import Foundation
import Plotting

extension Axes {
    /// Makes the y axis logarithmic when asked to, or, when the file does not say, when the plotted
    /// positive values span more than two decades (a loss that falls from 1 to 0.001 is unreadable
    /// on a linear axis).
    mutating func chooseLogScale(requested: Bool?, values: [Double]? = nil) {
        let values = (values ?? series.flatMap(\.y)).filter { $0 > 0 && $0.isFinite }
        guard let low = values.min(), let high = values.max() else { return }
        if requested ?? (high / low > 100) { yScale = .log }
    }

    /// Limits that show `values` with matplotlib's 5% margins, on a log axis in log space.
    static func limits(of values: [Double], logarithmic: Bool) -> ClosedRange<Double>? {
        let usable = values.filter { $0.isFinite && (!logarithmic || $0 > 0) }
        guard let low = usable.min(), let high = usable.max() else { return nil }
        if logarithmic {
            let (a, b) = (log10(low), log10(high))
            let margin = a == b ? 0.5 : (b - a) * 0.05
            return pow(10, a - margin)...pow(10, b + margin)
        }
        let margin = low == high ? 0.5 : (high - low) * 0.05
        return (low - margin)...(high + margin)
    }
}
