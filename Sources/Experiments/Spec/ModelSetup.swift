import NeuralNet

/// One layer of a network as the file describes it; widths of inputs follow from the data.
public enum LayerSetup: Sendable, Equatable, Codable {
    /// A fully connected layer.
    case linear(LinearSetup)
    /// A registered activation.
    case activation(ActivationSetup)

    /// The linear layer, if this is one.
    public var linear: LinearSetup? {
        if case .linear(let linear) = self { return linear }
        return nil
    }

    /// The activation, if this is one.
    public var activation: ActivationSetup? {
        if case .activation(let activation) = self { return activation }
        return nil
    }

    /// Encoded as the file writes it: `{"linear": 8, "init": "kaiming"}` or `{"activation": "relu"}`.
    public func encode(to encoder: Encoder) throws {
        switch self {
        case .linear(let linear): try linear.encode(to: encoder)
        case .activation(let activation): try activation.encode(to: encoder)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: LayerKey.self)
        self = container.contains(LayerKey("linear")) ? .linear(try LinearSetup(from: decoder)) : .activation(try ActivationSetup(from: decoder))
    }
}

/// A fully connected layer with `units` outputs, and how its weights and biases are drawn.
public struct LinearSetup: Sendable, Equatable, Codable {
    /// Its number of outputs.
    public var units: Int
    /// How its weights are drawn.
    public var weight: InitializerSetup
    /// How its biases are drawn.
    public var bias: InitializerSetup

    /// A layer of `units` outputs.
    public init(units: Int, weight: InitializerSetup, bias: InitializerSetup) {
        self.units = units
        self.weight = weight
        self.bias = bias
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: LayerKey.self)
        try container.encode(units, forKey: LayerKey("linear"))
        try container.encode(weight, forKey: LayerKey("init"))
        try container.encode(bias, forKey: LayerKey("bias_init"))
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: LayerKey.self)
        units = try container.decode(Int.self, forKey: LayerKey("linear"))
        weight = try container.decode(InitializerSetup.self, forKey: LayerKey("init"))
        bias = try container.decode(InitializerSetup.self, forKey: LayerKey("bias_init"))
    }
}

/// A registered activation with the values of its settings.
public struct ActivationSetup: Sendable, Equatable, Codable {
    /// The registered activation.
    public let kind: any ConfigurableActivation.Type
    /// Its settings.
    public var settings: SettingValues

    /// The activation `kind` with `settings` (the defaults for any left out).
    public init(_ kind: any ConfigurableActivation.Type, settings: SettingValues = SettingValues()) {
        self.kind = kind
        var values = SettingValues.defaults(of: kind.settings)
        for (key, value) in settings.values { values[key] = value }
        self.settings = values
    }

    /// The layer.
    public func makeLayer() -> any Layer { kind.make(settings: settings) }

    /// "ReLU", "LeakyReLU(0.01)".
    public var description: String { kind.describe(settings) }

    public static func == (left: ActivationSetup, right: ActivationSetup) -> Bool {
        left.kind.name == right.kind.name && left.settings == right.settings
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: LayerKey.self)
        try container.encode(kind.name, forKey: LayerKey("activation"))
        for (key, value) in settings.values.sorted(by: { $0.key < $1.key }) { try container.encode(value, forKey: LayerKey(key)) }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: LayerKey.self)
        let name = try container.decode(String.self, forKey: LayerKey("activation"))
        guard let kind = Registry.activation(named: name) else {
            throw DecodingError.dataCorruptedError(forKey: LayerKey("activation"), in: container, debugDescription: "no activation is named \(name)")
        }
        var settings = SettingValues()
        for setting in kind.settings where container.contains(LayerKey(setting.key)) {
            settings[setting.key] = try container.decode(SettingValue.self, forKey: LayerKey(setting.key))
        }
        self.init(kind, settings: settings)
    }
}

/// A registered initialiser and its parameter, encoded as the file writes it: `"kaiming"` or `{"normal": 0.01}`.
public struct InitializerSetup: Sendable, Equatable, Codable {
    /// The registered initialiser.
    public let kind: any ConfigurableInitializer.Type
    /// Its parameter, when it takes one.
    public var value: Double?

    /// The initialiser `kind` with `value`.
    public init(_ kind: any ConfigurableInitializer.Type, value: Double? = nil) {
        self.kind = kind
        self.value = value
    }

    /// PyTorch's default.
    public static let pytorchDefault = InitializerSetup(PyTorchDefault.self)

    /// The initialiser.
    public func make() -> any Initializer { kind.init(parameter: value) }

    /// How pages describe it.
    public var title: String { kind.init(parameter: value).title }

    /// The bias initialiser that goes with this weight initialiser when the file gives none.
    public var defaultBias: InitializerSetup {
        guard let bias = make().defaultBias as? any ConfigurableInitializer else { return InitializerSetup(Zeros.self) }
        return InitializerSetup(type(of: bias), value: bias.parameterValue)
    }

    public static func == (left: InitializerSetup, right: InitializerSetup) -> Bool {
        left.kind.name == right.kind.name && left.value == right.value
    }

    public func encode(to encoder: Encoder) throws {
        if let value {
            var container = encoder.container(keyedBy: LayerKey.self)
            try container.encode(value, forKey: LayerKey(kind.name))
        } else {
            var container = encoder.singleValueContainer()
            try container.encode(kind.name)
        }
    }

    public init(from decoder: Decoder) throws {
        if let name = try? decoder.singleValueContainer().decode(String.self), let kind = Registry.initializer(named: name) {
            self.init(kind)
            return
        }
        let container = try decoder.container(keyedBy: LayerKey.self)
        guard let key = container.allKeys.first, let kind = Registry.initializer(named: key.stringValue) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not an initialiser"))
        }
        self.init(kind, value: try container.decode(Double.self, forKey: key))
    }
}

/// Keys of the file's layer objects, which are open-ended (each activation's settings).
struct LayerKey: CodingKey {
    let stringValue: String
    init(_ key: String) { stringValue = key }
    init?(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}

extension Array where Element == LayerSetup {
    /// The width of the input each layer receives in a network with `inputWidth` inputs, followed by
    /// the width of the network's output: a linear layer sets the width, the others keep it.
    public func widths(inputWidth: Int) -> [Int] {
        reduce(into: [inputWidth]) { widths, layer in widths.append(layer.linear?.units ?? widths.last!) }
    }
}
