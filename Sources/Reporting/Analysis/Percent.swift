import Configuration
import Experiments
import Wording

extension Double {
    /// 0.975 → "97.5%".
    var percentText: String { isFinite ? (self * 100).text(significantDigits: 3) + "%" : "—" }
}
