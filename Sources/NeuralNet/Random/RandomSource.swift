/// A seeded stream of random numbers, as the core needs them for weight initialisation and shuffling.
///
/// The core does not choose a generator: the `Datasets` module provides one that reproduces NumPy's
/// `RandomState`, so that a network initialised here draws the same weights as the notebook it replaces.
public protocol RandomSource {
    /// A uniform sample from the half-open interval [0, 1).
    mutating func nextUniform() -> Double
    /// A sample from the standard normal distribution.
    mutating func nextStandardNormal() -> Double
    /// Puts `indices` in a uniformly random order: what the training loop does to its rows' order
    /// each epoch (a non-generic requirement, so that each epoch's swaps are plain integer moves).
    mutating func shuffle(_ indices: inout [Int])
}
