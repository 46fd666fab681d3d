/// The values of a part's settings, every declared setting present (the file's value or the
/// default): what a part is made from, compared and encoded as plain data.
public struct SettingValues: Sendable, Equatable, Hashable, Codable {
    /// The values by key.
    public private(set) var values: [String: SettingValue]

    /// Values by key.
    public init(_ values: [String: SettingValue] = [:]) { self.values = values }

    /// Encoded as a plain object of the values by key.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }

    public init(from decoder: Decoder) throws {
        values = try decoder.singleValueContainer().decode([String: SettingValue].self)
    }

    /// The value of `key`.
    public subscript(key: String) -> SettingValue? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// A number setting (an integer one reads as a number too).
    public func number(_ key: String) -> Double {
        switch values[key] {
        case .number(let value): value
        case .integer(let value): Double(value)
        default: .nan
        }
    }

    /// An integer setting.
    public func integer(_ key: String) -> Int {
        switch values[key] {
        case .integer(let value): value
        case .number(let value) where value == value.rounded() && abs(value) < 1e15: Int(value)
        default: 0
        }
    }

    /// An integer setting, or nil when it was left out and has no default.
    public func optionalInteger(_ key: String) -> Int? {
        values[key] == nil ? nil : integer(key)
    }

    /// A flag.
    public func flag(_ key: String) -> Bool {
        if case .flag(let value) = values[key] { return value }
        return false
    }

    /// A string setting (a formula's text too).
    public func text(_ key: String) -> String? {
        switch values[key] {
        case .text(let value): value
        case .formula(let formula): formula.text
        default: nil
        }
    }

    /// A formula setting, parsed.
    public func formula(_ key: String) -> Formula? {
        if case .formula(let formula) = values[key] { return formula }
        return nil
    }

    /// A list of numbers (integers read as numbers).
    public func numbers(_ key: String) -> [Double] {
        switch values[key] {
        case .numbers(let values): values
        case .integers(let values): values.map(Double.init)
        default: []
        }
    }

    /// A list of integers.
    public func integers(_ key: String) -> [Int] {
        if case .integers(let values) = values[key] { return values }
        return []
    }

    /// A list of strings; nil when the setting has none.
    public func texts(_ key: String) -> [String]? {
        if case .texts(let values) = values[key] { return values }
        return nil
    }

    /// A list of points.
    public func points(_ key: String) -> [[Double]]? {
        if case .points(let values) = values[key] { return values }
        return nil
    }

    /// The defaults of `settings`, for a part made in code rather than read from a file.
    public static func defaults(of settings: [Setting]) -> SettingValues {
        SettingValues(settings.reduce(into: [:]) { values, setting in values[setting.key] = setting.defaultValue })
    }

    /// These values over the defaults of `settings`: every declared setting then has a value,
    /// the given one or its default.
    public func filled(from settings: [Setting]) -> SettingValues {
        var filled = SettingValues.defaults(of: settings)
        for (key, value) in values { filled[key] = value }
        return filled
    }

    /// "momentum 0.9, Nesterov": the labelled settings whose values differ from their defaults.
    public func describe(_ settings: [Setting]) -> [String] {
        settings.compactMap { setting -> String? in
            guard let label = setting.label, let value = values[setting.key], value != setting.defaultValue else { return nil }
            switch value {
            case .flag(let on): return on ? label : nil
            case .number(let number): return "\(label) \(number.shortText)"
            case .integer(let number): return "\(label) \(number)"
            case .text(let text): return "\(label) \(text)"
            case .numbers(let numbers): return "\(label) (\(numbers.map(\.shortText).joined(separator: ", ")))"
            case .integers(let numbers): return "\(label) (\(numbers.map(String.init).joined(separator: ", ")))"
            case .texts(let texts): return "\(label) \(texts.joined(separator: ", "))"
            case .points: return label
            case .formula(let formula): return "\(label) \(formula.text)"
            }
        }
    }
}
