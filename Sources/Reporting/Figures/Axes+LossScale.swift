import Plotting

extension Axes {
    /// Makes the y axis logarithmic when asked to, or, when the file does not say, when the plotted
    /// positive values span more than two decades (a loss that falls from 1 to 0.001 is unreadable
    /// on a linear axis).
    mutating func chooseLogScale(requested: Bool?) {
        let values = series.flatMap(\.y).filter { $0 > 0 && $0.isFinite }
        guard let low = values.min(), let high = values.max() else { return }
        if requested ?? (high / low > 100) { yScale = .log }
    }
}
