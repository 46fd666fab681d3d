/// A setting's value, as read from a file.
public enum SettingValue: Sendable, Equatable, Hashable, Codable {
    case number(Double)
    case integer(Int)
    case flag(Bool)
    /// A string: a text, a choice or a formula's text.
    case text(String)
    case numbers([Double])
    case integers([Int])
    case texts([String])
    case points([[Double]])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Each form is tried in turn; the last one's error is the one reported.
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
        }
    }

    /// The value as a number, when it is one (an integer reads as a number too).
    var number: Double? {
        switch self {
        case .number(let value): value
        case .integer(let value): Double(value)
        default: nil
        }
    }

    /// The value as an integer, when it is a whole number (JSON does not tell `3` from `3.0`).
    var integer: Int? {
        switch self {
        case .integer(let value): value
        case .number(let value) where value == value.rounded() && abs(value) <= Double(SettingKind.largestInteger): Int(value)
        default: nil
        }
    }

    /// The value as a list of numbers, when it is one (integers read as numbers).
    var numbers: [Double]? {
        switch self {
        case .numbers(let values): values
        case .integers(let values): values.map(Double.init)
        default: nil
        }
    }
}
