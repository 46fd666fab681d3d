/// The values of one part's settings, checked against its declarations when made, read back by
/// property with their Swift types: `settings.momentum` is the `Double` the `momentum` key holds.
/// Making one fills in the defaults and refuses a value a declaration does not fit, a required
/// key left out and a key nobody declared; after that every read has a value.
@dynamicMemberLookup
public struct Settings<Keys: SettingDeclarations>: Sendable, Hashable {
    /// The values by key, every declared setting present unless optional and left out.
    public let values: SettingValues
    private let keys = Keys()

    /// `values` over the declared defaults, checked, each in the form the reader gives it.
    public init(_ values: SettingValues = SettingValues()) throws(SettingError) {
        let declared = Keys.declared
        let filled = values.filled(from: declared.map(\.setting))
        let keys = Set(declared.map(\.setting.key))
        if let unknown = filled.values.keys.sorted().first(where: { !keys.contains($0) }) {
            throw SettingError(key: unknown, "unknown key \"\(unknown)\"")
        }
        var canonical = SettingValues()
        for setting in declared { canonical[setting.setting.key] = try setting.canonicalValue(in: filled) }
        self.values = canonical
    }

    /// The value of the setting `key` declares.
    public subscript<Value>(dynamicMember key: KeyPath<Keys, SettingKey<Value>>) -> Value {
        keys[keyPath: key].value(in: values)
    }

    /// A mistake in the setting at `key`, to be reported at its place in the file.
    public func error<Value>(_ key: KeyPath<Keys, SettingKey<Value>>, _ message: String) -> SettingError {
        SettingError(key: keys[keyPath: key].key, message)
    }

    public static func == (left: Settings, right: Settings) -> Bool { left.values == right.values }
    public func hash(into hasher: inout Hasher) { hasher.combine(values) }
}
