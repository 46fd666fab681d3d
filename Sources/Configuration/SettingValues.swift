import Wording

/// The values of a part's settings by key, as plain data: what a setup stores, compares, encodes
/// and digests. A part reads them back through its `Settings`, which checks them against its
/// declarations once and then gives each value with its Swift type.
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

    /// The value of `key`, nil when it has none.
    public subscript(key: String) -> SettingValue? {
        get { values[key] }
        set { values[key] = newValue }
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
            }
        }
    }
}
