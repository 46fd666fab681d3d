/// What an activation's outputs are, for the checks of a model against its loss.
public enum ActivationRange: Sendable, Equatable {
    /// Each output in (0, 1): a probability (the sigmoid).
    case probability
    /// Each row sums to 1 (softmax).
    case distribution
    /// Anything else.
    case unrestricted
}

/// An activation layer an experiment file can name, `{"activation": "relu"}`.
public protocol ConfigurableActivation: Configurable {
    /// What its outputs are.
    static var range: ActivationRange { get }
    /// The layer.
    static func make(settings: SettingValues) -> any Layer
    /// How a model's description names it ("ReLU", "LeakyReLU(0.01)").
    static func describe(_ settings: SettingValues) -> String
}

extension ConfigurableActivation {
    public static var settings: [Setting] { [] }
    public static var range: ActivationRange { .unrestricted }
}
