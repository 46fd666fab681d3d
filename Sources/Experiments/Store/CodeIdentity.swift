import NeuralNet

/// What identifies the code that computes a run's numbers, as a run's key records it.
///
/// The sources' digest covers the project's own numeric code, whose AVX2 and baseline copies give
/// the same bits (`.ci/kernel-copies-test`). OpenBLAS is a system library that picks its kernels by
/// CPU at load time, and its kernels do not agree to the bit: the digits and Fashion-MNIST runs,
/// whose products go to OpenBLAS, stored different records with `OPENBLAS_CORETYPE=Haswell` and
/// `=Nehalem`. So the key names OpenBLAS's version and kernel; machines of different kinds share
/// records when each is given the same `OPENBLAS_CORETYPE`.
public enum CodeIdentity {
    /// The SHA-256 of the numeric sources, written at build time by the `SourceDigest` plugin.
    public static let sources = numericCodeIdentity
    /// The BLAS library's name, version and CPU kernel: "OpenBLAS 0.3.21 (Zen kernels)".
    public static var blas: String { "\(BLASLibrary.version) (\(BLASLibrary.kernel) kernels)" }
}
