import Configuration

/// The floating-point precision a network's steps are computed in.
///
/// `float64` is the reference: every product, activation and gradient in `Double`, which is what
/// lets the small seeds agree with NumPy to rounding. `float32` computes the forward and backward
/// passes (the matrix products and activations, nearly all the work) in `Float`, as PyTorch does
/// by default, while the parameters, the loss, the gradients the optimizer sees and its state
/// stay in `Double`: a rounded copy of each weight matrix is taken after every update. On large
/// layers it is the faster of the two (`bench fashion` times an epoch of each beside PyTorch's),
/// and it agrees with PyTorch's float32 training to single-precision rounding.
public enum Precision: String, Sendable, Equatable, Codable, CaseIterable {
    /// Everything in `Double`.
    case float64
    /// Products and activations in `Float`; parameters and optimizer in `Double`.
    case float32
}

/// A file names the precision by its raw value.
extension Precision: SettingChoice {}
