import Foundation

extension Double {
    /// The number with at most `digits` significant digits and no float noise or trailing zeros:
    /// 0.1 → "0.1", 0.007368421 → "0.007368", 1e-5 → "1e-5", 30000 → "30000", NaN → "NaN".
    public func text(significantDigits digits: Int = 4) -> String {
        guard isFinite else { return isNaN ? "NaN" : (self > 0 ? "∞" : "−∞") }
        if self == 0 { return "0" }
        let magnitude = abs(self)
        if magnitude >= 1e-3 && magnitude < 1e6 {
            let decimals = Swift.max(0, digits - 1 - Int(floor(log10(magnitude))))
            var text = String(format: "%.\(decimals)f", self)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            return text == "-0" ? "0" : text
        }
        let parts = String(format: "%.\(digits - 1)e", self).split(separator: "e")
        var mantissa = String(parts[0])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        let exponent = Int(parts[1]) ?? 0
        return "\(mantissa)e\(exponent)"
    }

    /// Four significant digits, the precision of the report's tables.
    public var shortText: String { text(significantDigits: 4) }
}

extension Double {
    /// The number as Swift writes it, without a ".0" on whole numbers: 0.5 as "0.5", 3.0 as "3".
    public var cleanText: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
