import Foundation
import NeuralNet

/// A random stream with the semantics of NumPy's legacy `numpy.random.RandomState(seed)`: the same
/// seed gives the same numbers as `np.random.seed(seed)` followed by the same calls, bit for bit.
///
/// That makes a seeded experiment draw exactly what the notebook it replaces drew. The algorithms
/// are those NumPy documents for its legacy generator: MT19937; doubles from two 32-bit words
/// (27 + 26 bits); normals by the Marsaglia polar method, which makes two and caches the second;
/// bounded integers by masked rejection; Fisher-Yates shuffles from the last element down.
public struct RandomState: RandomSource, Sendable {
    private var twister: MersenneTwister
    private var cachedNormal: Double?

    /// Seeds the stream as `np.random.seed(seed)`; seeds are 0 ... 2³² − 1, as NumPy requires.
    public init(seed: UInt32) {
        twister = MersenneTwister(seed: seed)
    }

    /// The next 32 random bits.
    public mutating func nextUInt32() -> UInt32 { twister.next() }

    /// A uniform double in [0, 1) with 53 random bits: `random_sample()`, `rand()`.
    public mutating func nextUniform() -> Double {
        let high = Double(twister.next() >> 5)
        let low = Double(twister.next() >> 6)
        return (high * 67_108_864.0 + low) / 9_007_199_254_740_992.0
    }

    /// A standard normal sample: `standard_normal()`, `randn()`.
    public mutating func nextStandardNormal() -> Double {
        if let cached = cachedNormal {
            cachedNormal = nil
            return cached
        }
        var x1 = 0.0, x2 = 0.0, radiusSquared = 0.0
        repeat {
            x1 = 2 * nextUniform() - 1
            x2 = 2 * nextUniform() - 1
            radiusSquared = x1 * x1 + x2 * x2
        } while radiusSquared >= 1 || radiusSquared == 0
        let factor = (-2 * Foundation.log(radiusSquared) / radiusSquared).squareRoot()
        cachedNormal = factor * x1
        return factor * x2
    }

    /// A normal sample with the given mean and standard deviation: `normal(loc, scale)`.
    public mutating func nextNormal(mean: Double, standardDeviation: Double) -> Double {
        mean + standardDeviation * nextStandardNormal()
    }

    /// A uniform double in [low, high): `uniform(low, high)`.
    public mutating func nextUniform(low: Double, high: Double) -> Double {
        low + (high - low) * nextUniform()
    }

    /// A uniform integer in 0 ... maximum by masked rejection, as NumPy's `random_interval`.
    public mutating func nextInteger(upTo maximum: UInt64) -> UInt64 {
        if maximum == 0 { return 0 }
        var mask = maximum
        mask |= mask >> 1
        mask |= mask >> 2
        mask |= mask >> 4
        mask |= mask >> 8
        mask |= mask >> 16
        mask |= mask >> 32
        if maximum <= UInt64(UInt32.max) {
            while true {
                let value = UInt64(twister.next()) & mask
                if value <= maximum { return value }
            }
        }
        while true {
            let value = ((UInt64(twister.next()) << 32) | UInt64(twister.next())) & mask
            if value <= maximum { return value }
        }
    }

    /// A uniform integer in [low, high): `randint(low, high)`.
    public mutating func nextInteger(low: Int, high: Int) -> Int {
        precondition(low < high, "randint needs low < high, got \(low) and \(high)")
        return low + Int(nextInteger(upTo: UInt64(high - low - 1)))
    }

    /// Shuffles row indices in place as `shuffle(x)` does for a one-dimensional array (the
    /// training loop's, each epoch; specialised for `Int` so that its swaps are plain moves).
    public mutating func shuffle(_ indices: inout [Int]) {
        shuffleElements(&indices)
    }

    /// Shuffles in place as `shuffle(x)` does for a one-dimensional array.
    @inlinable
    public mutating func shuffle<Element>(_ elements: inout [Element]) {
        shuffleElements(&elements)
    }

    @inlinable
    mutating func shuffleElements<Element>(_ elements: inout [Element]) {
        guard elements.count > 1 else { return }
        for index in stride(from: elements.count - 1, to: 0, by: -1) {
            let other = Int(nextInteger(upTo: UInt64(index)))
            elements.swapAt(index, other)
        }
    }

    /// A random ordering of 0 ..< count: `permutation(count)`.
    public mutating func permutation(_ count: Int) -> [Int] {
        var indices = Array(0..<count)
        shuffle(&indices)
        return indices
    }

    /// `count` distinct values from 0 ..< population: `choice(population, count, replace=False)`,
    /// which in the legacy generator is the first `count` entries of a full permutation.
    public mutating func choiceWithoutReplacement(from population: Int, count: Int) -> [Int] {
        precondition(count <= population, "Cannot choose \(count) of \(population) without replacement")
        return Array(permutation(population).prefix(count))
    }
}
