/// One setting a configurable part (an optimizer, a layer, a data source) takes from an
/// experiment file: its key, the kind of value, its default and what it means. The declarations
/// are the single description of a part's keys: the file reader, the JSON Schema and the
/// documentation's key tables are all made from them.
public struct Setting: Sendable {
    /// The key in the file (`momentum`, `weight_decay`).
    public let key: String
    /// What values it takes.
    public let kind: SettingKind
    /// The value when the file leaves it out; nil when there is none.
    public let defaultValue: SettingValue?
    /// Whether a file must give it. A setting with neither a default nor this is optional, and
    /// absent from the values when the file leaves it out.
    public let isRequired: Bool
    /// What it means, in one line (shown in the documentation and by editors).
    public let summary: String
    /// How a table names a non-default value ("momentum 0.9", "Nesterov"); nil to leave it out.
    public let label: String?

    /// Declares a setting; without a default it is required unless `required` is false.
    public init(_ key: String, _ kind: SettingKind, default defaultValue: SettingValue?, required: Bool? = nil, label: String? = nil,
                _ summary: String) {
        self.key = key
        self.kind = kind
        self.defaultValue = defaultValue
        self.isRequired = required ?? (defaultValue == nil)
        self.summary = summary
        self.label = label
    }
}

/// The kinds of value a setting takes.
public indirect enum SettingKind: Sendable, Equatable {
    /// A finite number within bounds.
    case number(NumberBounds)
    /// An integer of at least `minimum`.
    case integer(minimum: Int)
    /// A random seed: an integer from 0 to 2³² − 1, as NumPy's `RandomState` takes.
    case seed
    /// true or false.
    case flag
    /// A string.
    case text
    /// One of these strings.
    case choice([String])
    /// A formula in one variable (`x^2 + sin(x)`).
    case formula(variable: String)
    /// A list of numbers, each within bounds, of exactly `count` when given.
    case numbers(NumberBounds, count: Int?)
    /// A list of integers of at least `minimum`.
    case integers(minimum: Int)
    /// A list of strings.
    case texts
    /// `[low, high]` with low < high.
    case interval
    /// A list of points of `dimensions` numbers.
    case points(dimensions: Int)
    /// Any one of these kinds (the first that fits).
    case either([SettingKind])
}

/// Bounds on a number: `minimum ≤ x ≤ maximum`, either end open when `excluding` it.
public struct NumberBounds: Sendable, Equatable {
    public var minimum: Double?
    public var maximum: Double?
    public var excludesMinimum = false
    public var excludesMaximum = false

    /// Any finite number.
    public static let any = NumberBounds()
    /// x > 0.
    public static let positive = NumberBounds(minimum: 0, excludesMinimum: true)
    /// x ≥ 0.
    public static let nonNegative = NumberBounds(minimum: 0)
    /// 0 ≤ x ≤ 1.
    public static let fraction = NumberBounds(minimum: 0, maximum: 1)
    /// 0 ≤ x < 1 (a decay rate such as Adam's β).
    public static let decay = NumberBounds(minimum: 0, maximum: 1, excludesMaximum: true)

    /// Bounds from `minimum` to `maximum`.
    public init(minimum: Double? = nil, maximum: Double? = nil, excludesMinimum: Bool = false, excludesMaximum: Bool = false) {
        self.minimum = minimum
        self.maximum = maximum
        self.excludesMinimum = excludesMinimum
        self.excludesMaximum = excludesMaximum
    }

    /// Whether `value` is within the bounds.
    public func contains(_ value: Double) -> Bool {
        if let minimum, excludesMinimum ? value <= minimum : value < minimum { return false }
        if let maximum, excludesMaximum ? value >= maximum : value > maximum { return false }
        return true
    }
}

/// A setting's value, as read from a file.
public enum SettingValue: Sendable, Equatable, Hashable, Codable {
    case number(Double)
    case integer(Int)
    case flag(Bool)
    case text(String)
    case numbers([Double])
    case integers([Int])
    case texts([String])
    case points([[Double]])
    /// A formula, parsed when read.
    case formula(Formula)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) { self = .flag(flag) }
        else if let integer = try? container.decode(Int.self) { self = .integer(integer) }
        else if let number = try? container.decode(Double.self) { self = .number(number) }
        else if let text = try? container.decode(String.self) { self = .text(text) }
        else if let integers = try? container.decode([Int].self) { self = .integers(integers) }
        else if let numbers = try? container.decode([Double].self) { self = .numbers(numbers) }
        else if let texts = try? container.decode([String].self) { self = .texts(texts) }
        else { self = .points(try container.decode([[Double]].self)) }
    }

    /// Encoded as the plain JSON value the file holds.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .flag(let value): try container.encode(value)
        case .text(let value): try container.encode(value)
        case .numbers(let value): try container.encode(value)
        case .integers(let value): try container.encode(value)
        case .texts(let value): try container.encode(value)
        case .points(let value): try container.encode(value)
        case .formula(let value): try container.encode(value)
        }
    }
}

/// A mistake that involves one setting, found by the part that takes it (Nesterov momentum
/// without a momentum): the reader reports it at that setting's place in the file.
public struct SettingError: Error, Sendable, Equatable {
    /// The setting at fault.
    public let key: String
    /// What is wrong.
    public let message: String

    /// Creates an error.
    public init(key: String, _ message: String) {
        self.key = key
        self.message = message
    }
}

/// A part an experiment file can name and configure.
public protocol Configurable: SendableMetatype {
    /// The name files use (`sgd`, `leaky-relu`, `moons`).
    static var name: String { get }
    /// What it is, in one line.
    static var summary: String { get }
    /// The settings it takes.
    static var settings: [Setting] { get }
}
