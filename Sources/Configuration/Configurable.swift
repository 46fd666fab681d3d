/// A part an experiment file can name and configure.
public protocol Configurable: SendableMetatype {
    /// Its settings' declarations.
    associatedtype Keys: SettingDeclarations = NoSettings
    /// The name files use (`sgd`, `leaky-relu`, `moons`).
    static var name: String { get }
    /// What it is, in one line.
    static var summary: String { get }
}

extension Configurable {
    /// The settings it takes, in the order the documentation lists them.
    public static var settings: [Setting] { Keys.declarations }

    /// `values` as this part's settings: its defaults filled in, checked against its declarations.
    public static func settings(_ values: SettingValues) throws(SettingError) -> Settings<Keys> {
        try Settings<Keys>(values)
    }

    /// `values`, which were made by `settings(_:)`, as this part's settings again.
    public static func checked(_ values: SettingValues) -> Settings<Keys> {
        do { return try Settings<Keys>(values) } catch {
            preconditionFailure("\(name)'s settings were checked when its setup was made: \(error.message)")
        }
    }
}

extension Configurable {
    /// `values` with this part's defaults filled in, once they fit its declarations.
    public static func validated(_ values: SettingValues) throws(SettingError) -> SettingValues {
        try Settings<Keys>(values).values
    }
}
