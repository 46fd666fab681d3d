import Foundation

/// Floor division and remainder of doubles with NumPy's and Python's semantics (`a // b`, `a % b`):
/// the remainder has the sign of `b`, and the quotient is rounded back up when the division came
/// out just below an integer. Tick placement depends on these edge cases matching matplotlib's.
func floorDivision(_ a: Double, _ b: Double) -> (quotient: Double, remainder: Double) {
    var remainder = fmod(a, b)
    var division = (a - remainder) / b
    if remainder != 0 {
        if (b < 0) != (remainder < 0) {
            remainder += b
            division -= 1
        }
    } else {
        remainder = copysign(0, b)
    }
    guard division != 0 else { return (copysign(0, a / b), remainder) }
    var quotient = floor(division)
    if division - quotient > 0.5 { quotient += 1 }
    return (quotient, remainder)
}
