import NeuralNet

/// What identifies the code that computes a run's numbers, as a run's key records it.
///
/// The sources' digest covers the project's own numeric code. OpenBLAS is a system library, so its
/// version is named too: another release may order a product's sums differently.
public enum CodeIdentity {
    /// The SHA-256 of the numeric sources, written at build time by the `NumericIdentity` plugin.
    public static let sources = numericCodeIdentity
    /// The BLAS library's name and version.
    public static var blas: String { BLASLibrary.version }
}
