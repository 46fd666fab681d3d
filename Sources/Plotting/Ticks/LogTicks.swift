import Foundation

/// Major tick positions for a base-10 logarithmic axis, as matplotlib's `LogLocator` places them:
/// whole decades 10^k, every decade when at most `maximumTicks` fit, else every n-th decade,
/// aligned so that 10^0 is a tick when it can be; plus one decade beyond each end.
public struct LogTicks: Sendable {
    /// The most decade ticks wanted inside the range.
    public var maximumTicks: Int

    /// Creates a locator.
    public init(maximumTicks: Int = 9) {
        self.maximumTicks = Swift.max(2, maximumTicks)
    }

    /// Tick positions for the range `lower ... upper`, both positive.
    public func ticks(from lower: Double, to upper: Double) -> [Double] {
        guard lower > 0, upper > 0, lower.isFinite, upper.isFinite else { return [] }
        let (vmin, vmax) = lower <= upper ? (lower, upper) : (upper, lower)
        let exactLow = log10(vmin), exactHigh = log10(vmax)
        let lowest = Int(ceil(exactLow)), highest = Int(floor(exactHigh))
        let available = highest - lowest + 1
        var requested = maximumTicks
        var stride = available / (requested + 1) + 1
        let rounds = Int((Double(available) / Double(stride)).rounded(.up))
        if rounds <= requested { requested = rounds }
        let decades: [Int]
        switch requested {
        case 0:
            decades = [lowest - 1, highest + 1]
        case 1:
            let middle = Int(((exactLow + exactHigh) / 2).rounded(.toNearestOrEven))
            stride = Swift.max(middle - (lowest - 1), (highest + 1) - middle)
            decades = [middle - stride, middle, middle + stride]
        default:
            stride = (available - 1) / (requested - 1)
            if Double(stride) < Double(available) / Double(requested) { stride = available / requested }
            let offsetLow = Swift.max(available - stride * requested, 0)
            let offsetHigh = Swift.min(available - stride * (requested - 1), stride)
            var offset = ((-lowest) % stride + stride) % stride
            if !(offsetLow <= offset && offset < offsetHigh) { offset = offsetLow }
            decades = Array(Swift.stride(from: lowest + offset - stride, through: highest + stride, by: stride))
        }
        return decades.map { pow(10, Double($0)) }
    }
}
