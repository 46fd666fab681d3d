import Configuration

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
    static func make(settings: Settings<Keys>) -> any Layer
    /// How a model's description names it ("ReLU", "LeakyReLU(0.01)").
    static func describe(_ settings: Settings<Keys>) -> String
}

extension ConfigurableActivation {
    public static var range: ActivationRange { .unrestricted }

    /// `make` from values made by `settings(_:)`.
    public static func make(values: SettingValues) -> any Layer { make(settings: checked(values)) }

    /// `describe` of values made by `settings(_:)`.
    public static func describe(values: SettingValues) -> String { describe(checked(values)) }
}
