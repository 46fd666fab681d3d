import Foundation

/// Tick positions for a linear axis, chosen as matplotlib's default locator chooses them
/// (`MaxNLocator` with steps 1, 2, 2.5, 5, 10): the smallest "nice" step, a power of ten times one
/// of those, that covers the range in at most `maximumIntervals` intervals, stepping down to smaller
/// steps while fewer than two ticks would be visible.
///
/// An axis from 0 to 20 with 9 intervals gets a tick every 2.5. The result includes the ticks just
/// outside the range that bracket it, as matplotlib's does; `visible(in:)` keeps the ones inside.
public struct LinearTicks: Sendable {
    /// The most intervals between ticks (matplotlib: at most 9, fewer on short axes).
    public var maximumIntervals: Int
    /// The fewest ticks that must fall inside the range.
    public var minimumTicks = 2
    /// Whether steps above 1 must be whole numbers (matplotlib's `MaxNLocator(integer=True)`), for
    /// counts such as epochs: 0 to 20 gets a tick every 5, not every 2.5.
    public var integer = false

    /// The multipliers of a power of ten a step may be.
    static let steps: [Double] = [1, 2, 2.5, 5, 10]

    /// Creates a locator.
    public init(maximumIntervals: Int = 9, integer: Bool = false) {
        self.maximumIntervals = Swift.max(1, maximumIntervals)
        self.integer = integer
    }

    /// Tick positions for the range `lower ... upper`.
    public func ticks(from lower: Double, to upper: Double) -> [Double] {
        let (vmin, vmax) = Self.nonsingular(lower, upper)
        let intervals = Double(maximumIntervals)
        let (scale, offset) = Self.scaleAndOffset(vmin, vmax, intervals: intervals)
        let low = vmin - offset, high = vmax - offset
        // 0.1, 0.2, 0.25, 0.5 below the base steps and 20 above, so a range can land on either side.
        let extended = Self.steps.dropLast().map { 0.1 * $0 } + Self.steps + [10 * Self.steps[1]]
        let candidates = extended.map { $0 * scale }.filter { !integer || $0 < 1 || abs($0 - $0.rounded()) < 0.001 }
        let rawStep = (high - low) / intervals
        let first = candidates.firstIndex { $0 >= rawStep } ?? candidates.count - 1
        var ticks: [Double] = []
        for step in candidates[...first].reversed() {
            let start = floorDivision(low, step).quotient * step
            let edge = IntegerEdge(step: step, offset: offset)
            let lowest = edge.floor(low - start), highest = edge.ceiling(high - start)
            ticks = stride(from: lowest, through: highest, by: 1).map { $0 * step + start }
            if ticks.filter({ $0 >= low && $0 <= high }).count >= minimumTicks { break }
        }
        return ticks.map { $0 + offset }
    }

    /// The ticks inside `lower ... upper` (with a little slack for rounding).
    public func visible(from lower: Double, to upper: Double) -> [Double] {
        let slack = (upper - lower) * 1e-10
        return ticks(from: lower, to: upper).filter { $0 >= lower - slack && $0 <= upper + slack }
    }

    /// matplotlib's `scale_range`: the power of ten of a step, and an offset subtracted first when
    /// the range is tiny next to its values (1000.0 ... 1000.1), so the steps keep their precision.
    static func scaleAndOffset(_ vmin: Double, _ vmax: Double, intervals: Double) -> (Double, Double) {
        let span = abs(vmax - vmin)
        let middle = (vmax + vmin) / 2
        let offset = abs(middle) / span < 100 ? 0 : copysign(pow(10, floor(log10(abs(middle)))), middle)
        return (pow(10, floor(log10(span / intervals))), offset)
    }

    /// matplotlib's `nonsingular` with its locator's settings: an empty or degenerate range is
    /// widened a little so that a step exists.
    static func nonsingular(_ lower: Double, _ upper: Double) -> (Double, Double) {
        let expander = 1e-13, tiny = 1e-14
        guard lower.isFinite, upper.isFinite else { return (-expander, expander) }
        var (vmin, vmax) = lower <= upper ? (lower, upper) : (upper, lower)
        let largest = Swift.max(abs(vmin), abs(vmax))
        if largest < (1e6 / tiny) * Double.leastNormalMagnitude {
            (vmin, vmax) = (-expander, expander)
        } else if vmax - vmin <= largest * tiny {
            if vmax == 0 && vmin == 0 {
                (vmin, vmax) = (-expander, expander)
            } else {
                vmin -= expander * abs(vmin)
                vmax += expander * abs(vmax)
            }
        }
        return (vmin, vmax)
    }

    /// Whole numbers of steps from a start, with a tolerance for values that sit within rounding
    /// of a step boundary (larger when an offset has eaten into the precision).
    struct IntegerEdge {
        let step: Double
        let tolerance: Double

        init(step: Double, offset: Double) {
            self.step = step
            if offset > 0 {
                let digits = log10(offset / step)
                tolerance = Swift.min(0.4999, Swift.max(1e-10, pow(10, digits - 12)))
            } else {
                tolerance = 1e-10
            }
        }

        /// The number of whole steps at or below x.
        func floor(_ x: Double) -> Double {
            let (quotient, remainder) = floorDivision(x, step)
            return abs(remainder / step - 1) < tolerance ? quotient + 1 : quotient
        }

        /// The number of whole steps at or above x.
        func ceiling(_ x: Double) -> Double {
            let (quotient, remainder) = floorDivision(x, step)
            return abs(remainder / step) < tolerance ? quotient : quotient + 1
        }
    }
}
