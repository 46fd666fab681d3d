import Foundation

/// Tick labels without floating-point noise: `0.3`, not `0.30000000000000004`.
///
/// All labels of an axis get the same number of decimals, the fewest that tell the ticks apart
/// exactly (one more for steps like 2.5 or 0.25). Negative numbers use the true minus sign, as
/// matplotlib does. Very large or small magnitudes switch to scientific form, `2×10⁵`.
public enum TickLabels {
    /// Labels for evenly spaced `ticks`.
    public static func linear(_ ticks: [Double]) -> [String] {
        guard ticks.count > 1 else { return ticks.map { format($0, decimals: 6).trimmingFractionZeros() } }
        let step = abs(ticks[1] - ticks[0])
        let largest = ticks.map(abs).max() ?? 0
        if largest >= 1e6 || (largest > 0 && largest < 1e-4) {
            return ticks.map(scientific)
        }
        let decimals = Swift.max(0, decimalsNeeded(for: step))
        return ticks.map { format($0, decimals: decimals) }
    }

    /// Labels for decade ticks: `10⁻²`, `10⁰`, `10³`.
    public static func decades(_ ticks: [Double]) -> [String] {
        ticks.map { "10" + superscript(Int(log10($0).rounded())) }
    }

    /// The decimals a step needs: 0.25 needs 2, 0.5 needs 1, 20 needs 0.
    static func decimalsNeeded(for step: Double) -> Int {
        guard step > 0, step.isFinite else { return 0 }
        for decimals in 0...15 {
            let scaled = step * pow(10, Double(decimals))
            if abs(scaled - scaled.rounded()) < 1e-6 * Swift.max(1, scaled) { return decimals }
        }
        return 15
    }

    static func format(_ value: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value == 0 ? 0 : value)  // no "-0"
        if text.hasPrefix("-") {
            if Double(text) == 0 { text.removeFirst() } else { text = "\u{2212}" + text.dropFirst() }
        }
        return text
    }

    static func scientific(_ value: Double) -> String {
        guard value != 0 else { return "0" }
        let exponent = Int(floor(log10(abs(value))))
        let mantissa = value / pow(10, Double(exponent))
        let mantissaText = format(mantissa, decimals: 2).trimmingFractionZeros()
        return (mantissaText == "1" ? "" : mantissaText == "\u{2212}1" ? "\u{2212}" : mantissaText + "×") + "10" + superscript(exponent)
    }

    static func superscript(_ exponent: Int) -> String {
        let digits: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶",
                                              "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        return String(String(exponent).map { digits[$0] ?? $0 })
    }
}

extension String {
    /// "2.50" → "2.5", "3.00" → "3".
    func trimmingFractionZeros() -> String {
        guard contains(".") else { return self }
        var text = self
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
