import Configuration

/// AdamW, as `torch.optim.AdamW`: Adam with the weight decay applied to the weights directly,
/// w ← w·(1 − η·λ), instead of through the gradient, and PyTorch's default λ = 0.01.
public enum AdamW: ConfigurableOptimizer {
    public static let name = "adamw"
    public static let title = "AdamW"
    public static let summary = "Adam with decoupled weight decay (torch.optim.AdamW)"
    public static func stateCopies(_ settings: Settings<Keys>) -> Int { 4 }

    public struct Keys: SettingDeclarations, AdamSettings {
        let betas = OptimizerSettings.betas
        let epsilon = OptimizerSettings.epsilon(default: 1e-8)
        let weightDecay: SettingKey<Double> = .number("weight_decay", NumberBounds(minimum: 0, maximum: 1e6), default: 0.01, label: "weight decay",
                                                      "decoupled weight decay λ: w ← w·(1 − η·λ) before each step")
        let amsgrad = Adam.Keys().amsgrad
        public init() {}
    }

    public static func make(learningRate: Double, settings: Settings<Keys>) -> any Optimizer {
        Adam.make(learningRate: learningRate, settings: settings, decoupled: true)
    }
}
