import Configuration
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
        let container = try decoder.container(keyedBy: MemberKey.self)
        self = container.contains(MemberKey(LinearSetup.Key.units.rawValue)) ? .linear(try LinearSetup(from: decoder)) : .activation(try ActivationSetup(from: decoder))
    }
}

/// A fully connected layer with `units` outputs, and how its weights and biases are drawn.
public struct LinearSetup: Sendable, Equatable, Codable {
    /// The keys of a linear layer's object, for the reader, the encoding and the schema.
    public enum Key: String, CaseIterable, Sendable {
        /// The number of outputs.
        case units = "linear"
        /// How the weights are drawn.
        case weight = "init"
        /// How the biases are drawn.
        case bias = "bias_init"

        /// What it means, in one line.
        public var summary: String {
            switch self {
            case .units: "the layer's number of outputs"
            case .weight: "how the weights are drawn: an initialiser"
            case .bias: "how the biases are drawn: an initialiser"
            }
        }

        /// Its default, as the key reference writes it; nil when a file must give it.
        public var defaultText: String? {
            switch self {
            case .units: nil
            case .weight: "`\"\(InitializerSetup.pytorchDefault.kind.name)\"`"
            case .bias: "PyTorch's for `\"\(InitializerSetup.pytorchDefault.kind.name)\"`, else `\"\(Zeros.name)\"`"
            }
        }
    }

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
        var container = encoder.container(keyedBy: MemberKey.self)
        try container.encode(units, forKey: MemberKey(Key.units.rawValue))
        try container.encode(weight, forKey: MemberKey(Key.weight.rawValue))
        try container.encode(bias, forKey: MemberKey(Key.bias.rawValue))
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: MemberKey.self)
        units = try container.decode(Int.self, forKey: MemberKey(Key.units.rawValue))
        weight = try container.decode(InitializerSetup.self, forKey: MemberKey(Key.weight.rawValue))
        bias = try container.decode(InitializerSetup.self, forKey: MemberKey(Key.bias.rawValue))
    }
}

/// A registered activation with the values of its settings.
public struct ActivationSetup: Sendable, Equatable, Codable {
    /// The registered activation.
    public let kind: any ConfigurableActivation.Type
    /// Its settings, the defaults filled in, checked against its declarations.
    public let settings: SettingValues
    /// The key of an activation layer's object that names it.
    public static let nameKey = "activation"

    /// The activation `kind` with `settings` (the defaults for any left out), refused when they
    /// do not fit its declarations.
    public init(_ kind: any ConfigurableActivation.Type, settings: SettingValues = SettingValues()) throws(SettingError) {
        self.kind = kind
        self.settings = try kind.validated(settings)
    }

    /// The layer.
    public func makeLayer() -> any Layer { kind.make(values: settings) }

    /// "ReLU", "LeakyReLU(0.01)".
    public var description: String { kind.describe(values: settings) }

    public static func == (left: ActivationSetup, right: ActivationSetup) -> Bool {
        left.kind.name == right.kind.name && left.settings == right.settings
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: MemberKey.self)
        try container.encode(kind.name, forKey: MemberKey(Self.nameKey))
        try container.encode(settings: settings)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: MemberKey.self)
        let name = try container.decode(String.self, forKey: MemberKey(Self.nameKey))
        guard let kind = Registry.activation(named: name) else {
            throw DecodingError.dataCorruptedError(forKey: MemberKey(Self.nameKey), in: container, debugDescription: "no activation is named \(name)")
        }
        try self.init(kind, settings: try container.settings(kind.settings))
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
            var container = encoder.container(keyedBy: MemberKey.self)
            try container.encode(value, forKey: MemberKey(kind.name))
        } else {
            var container = encoder.singleValueContainer()
            try container.encode(kind.name)
        }
    }

    public init(from decoder: Decoder) throws {
        // A name, or an object of one name and its parameter: what is not the first is read as the second.
        if let name = try? decoder.singleValueContainer().decode(String.self), let kind = Registry.initializer(named: name) {
            self.init(kind)
            return
        }
        let container = try decoder.container(keyedBy: MemberKey.self)
        guard let key = container.allKeys.first, let kind = Registry.initializer(named: key.stringValue) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not an initialiser"))
        }
        self.init(kind, value: try container.decode(Double.self, forKey: key))
    }
}

/// Keys of the file's objects that hold a part's settings beside their own members (a layer, a
/// data source), so are open-ended.
struct MemberKey: CodingKey {
    let stringValue: String
    init(_ key: String) { stringValue = key }
    init?(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where Key == MemberKey {
    /// The values of `settings` this object holds.
    func settings(_ settings: [Setting]) throws -> SettingValues {
        var values = SettingValues()
        for setting in settings where contains(MemberKey(setting.key)) {
            values[setting.key] = try decode(SettingValue.self, forKey: MemberKey(setting.key))
        }
        return values
    }
}

extension KeyedEncodingContainer where Key == MemberKey {
    /// Writes `settings` as members of this object, by key.
    mutating func encode(settings: SettingValues) throws {
        for (key, value) in settings.values.sorted(by: { $0.key < $1.key }) { try encode(value, forKey: MemberKey(key)) }
    }
}

extension Array where Element == LayerSetup {
    /// The width of the input each layer receives in a network with `inputWidth` inputs, followed by
    /// the width of the network's output: a linear layer sets the width, the others keep it.
    public func widths(inputWidth: Int) -> [Int] {
        reduce(into: [inputWidth]) { widths, layer in widths.append(layer.linear?.units ?? widths.last!) }
    }
}
