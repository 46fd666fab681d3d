/// One setting a configurable part (an optimizer, a layer, a data source) takes from an
/// experiment file: its key, the kind of value, its default and what it means. The declarations
/// are the single description of a part's keys: the file reader, the JSON Schema and the
/// documentation's key tables are all made from them. Parts declare them as `SettingKey`s, which
/// also read the value back with its Swift type.
public struct Setting: Sendable, Equatable {
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

    /// The same setting, not required: for a key that only some of the parts sharing a section need.
    public var optional: Setting { Setting(key, kind, default: defaultValue, required: false, label: label, summary) }
}
