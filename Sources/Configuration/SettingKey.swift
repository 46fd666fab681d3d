/// A setting declared with the Swift type its part reads it as: the declaration that the reader,
/// the JSON Schema and the key reference are made from, and the key the part reads the value back
/// with (`settings.momentum` is a `Double`). The key's name is written once, here, so a part cannot
/// read a setting it did not declare or under another name. The constructors (`.number`,
/// `.flag`, …) tie the kind of value to the type: a `SettingKey<Double>` is always a number.
public struct SettingKey<Value: SettingValueConvertible>: DeclaredSetting {
    /// The declaration.
    public let setting: Setting

    /// A setting of `kind` whose value reads as `Value`. Without a `defaultValue` it is required
    /// unless `Value` is optional.
    public init(_ key: String, _ kind: SettingKind, default defaultValue: Value.Plain? = nil, label: String? = nil, _ summary: String) {
        setting = Setting(key, kind, default: defaultValue?.plainSettingValue,
                          required: !Value.isOptional && defaultValue == nil, label: label, summary)
    }

    /// The key in the file.
    public var key: String { setting.key }

    /// The value in `values`, which were checked against this declaration when they were made.
    func value(in values: SettingValues) -> Value {
        guard let value = Value.read(values[setting.key], kind: setting.kind) else {
            preconditionFailure("\(setting.key) was checked when its settings were made")
        }
        return value
    }

    public func canonicalValue(in values: SettingValues) throws(SettingError) -> SettingValue? {
        guard let value = Value.read(values[setting.key], kind: setting.kind) else {
            throw values[setting.key] == nil
                ? SettingError(key: key, "missing required key \"\(key)\"")
                : SettingError(key: key, "expected \(setting.kind.expectation)")
        }
        return value.settingValue
    }
}

/// A declared setting, whatever the type of its value: what a part's `SettingDeclarations` list.
public protocol DeclaredSetting: Sendable {
    /// The declaration.
    var setting: Setting { get }
    /// The value `values` hold for this setting as the reader writes it (a whole number given for a
    /// number setting becomes a number); nil when an optional setting has none. An error says why
    /// the value does not fit or is missing.
    func canonicalValue(in values: SettingValues) throws(SettingError) -> SettingValue?
}

extension SettingKey where Value.Plain == Double {
    /// A number within `bounds`.
    public static func number(_ key: String, _ bounds: NumberBounds = .any, default value: Double? = nil, label: String? = nil,
                              _ summary: String) -> SettingKey {
        SettingKey(key, .number(bounds), default: value, label: label, summary)
    }
}

extension SettingKey where Value.Plain == Int {
    /// An integer of at least `minimum`.
    public static func integer(_ key: String, minimum: Int, default value: Int? = nil, label: String? = nil, _ summary: String) -> SettingKey {
        SettingKey(key, .integer(minimum: minimum), default: value, label: label, summary)
    }
}

extension SettingKey where Value.Plain == UInt32 {
    /// A NumPy seed.
    public static func seed(_ key: String, default value: UInt32? = nil, _ summary: String) -> SettingKey {
        SettingKey(key, .seed, default: value, summary)
    }
}

extension SettingKey where Value.Plain == Bool {
    /// true or false.
    public static func flag(_ key: String, default value: Bool? = nil, label: String? = nil, _ summary: String) -> SettingKey {
        SettingKey(key, .flag, default: value, label: label, summary)
    }
}

extension SettingKey where Value.Plain == String {
    /// A string.
    public static func text(_ key: String, default value: String? = nil, _ summary: String) -> SettingKey {
        SettingKey(key, .text, default: value, summary)
    }

    /// One of `choices` (names that only exist at run time, such as the registered losses').
    public static func choice(_ key: String, among choices: [String], default value: String? = nil, _ summary: String) -> SettingKey {
        SettingKey(key, .choice(choices), default: value, summary)
    }
}

extension SettingKey where Value.Plain: SettingChoice {
    /// One of the words of `Value`'s cases (or of `among`, when only some of them may be written).
    public static func choice(_ key: String, among choices: [Value.Plain] = Array(Value.Plain.allCases), default value: Value.Plain? = nil,
                              label: String? = nil, _ summary: String) -> SettingKey {
        SettingKey(key, .choice(choices.map(\.rawValue)), default: value, label: label, summary)
    }
}

extension SettingKey where Value.Plain == [Double] {
    /// A list of numbers within `bounds`, exactly `count` of them when given.
    public static func numbers(_ key: String, _ bounds: NumberBounds = .any, count: Int? = nil, default value: [Double]? = nil,
                               label: String? = nil, _ summary: String) -> SettingKey {
        SettingKey(key, .numbers(bounds, count: count), default: value, label: label, summary)
    }
}

extension SettingKey where Value.Plain == [Int] {
    /// A list of integers of at least `minimum`.
    public static func integers(_ key: String, minimum: Int, default value: [Int]? = nil, _ summary: String) -> SettingKey {
        SettingKey(key, .integers(minimum: minimum), default: value, summary)
    }
}

extension SettingKey where Value.Plain == [String] {
    /// A list of strings.
    public static func texts(_ key: String, default value: [String]? = nil, _ summary: String) -> SettingKey {
        SettingKey(key, .texts, default: value, summary)
    }
}

extension SettingKey where Value.Plain == ClosedRange<Double> {
    /// `[low, high]` with low < high.
    public static func interval(_ key: String, default value: ClosedRange<Double>? = nil, _ summary: String) -> SettingKey {
        SettingKey(key, .interval, default: value, summary)
    }
}

extension SettingKey where Value.Plain == [[Double]] {
    /// A list of points of `dimensions` coordinates.
    public static func points(_ key: String, dimensions: Int, default value: [[Double]]? = nil, _ summary: String) -> SettingKey {
        SettingKey(key, .points(dimensions: dimensions), default: value, summary)
    }
}
