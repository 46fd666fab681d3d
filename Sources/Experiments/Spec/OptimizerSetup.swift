import Configuration
import NeuralNet
import Wording

/// An optimizer and its settings, with PyTorch's names and defaults: which registered optimizer,
/// its learning rate, and the values of the settings it declares.
public struct OptimizerSetup: Sendable, Equatable, Codable {
    /// The registered optimizer.
    public let kind: any ConfigurableOptimizer.Type
    /// The step size.
    public var learningRate: Double
    /// Every setting `kind` declares, the file's value or the default, checked against its declarations.
    public let settings: SettingValues

    /// A setup of `kind` with `learningRate`, and the default of every setting not in `settings`;
    /// refused when the settings do not fit the optimizer's declarations or its `check`.
    public init(_ kind: any ConfigurableOptimizer.Type, learningRate: Double, settings: SettingValues = SettingValues()) throws(SettingError) {
        self.kind = kind
        self.learningRate = learningRate
        self.settings = try kind.validated(settings)
        if let problem = kind.check(values: self.settings) { throw problem }
    }

    /// The optimizer object (stateful, one per run).
    public func makeOptimizer() -> any Optimizer {
        kind.make(learningRate: learningRate, values: settings)
    }

    /// "SGD, lr 0.1, momentum 0.9" for tables.
    public var summary: String {
        ([kind.title, "lr \(learningRate.shortText)"] + settings.describe(kind.settings)).joined(separator: ", ")
    }

    public static func == (left: OptimizerSetup, right: OptimizerSetup) -> Bool {
        left.kind.name == right.kind.name && left.learningRate == right.learningRate && left.settings == right.settings
    }

    private enum CodingKeys: String, CodingKey { case name, learningRate, settings }

    /// Encoded as `{"name": "sgd", "learning_rate": 0.1, "settings": {...}}`: only this optimizer's settings.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind.name, forKey: .name)
        try container.encode(learningRate, forKey: .learningRate)
        try container.encode(settings, forKey: .settings)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .name)
        guard let kind = Registry.optimizer(named: name) else {
            throw DecodingError.dataCorruptedError(forKey: .name, in: container, debugDescription: "no optimizer is named \(name)")
        }
        try self.init(kind, learningRate: try container.decode(Double.self, forKey: .learningRate),
                  settings: try container.decode(SettingValues.self, forKey: .settings))
    }
}
