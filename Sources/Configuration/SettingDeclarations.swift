/// The settings of one part or section, declared as the stored `SettingKey` properties of a
/// struct, in the order the documentation lists them:
///
///     struct Keys: SettingDeclarations {
///         let momentum: SettingKey<Double> = .number("momentum", .fraction, default: 0, "momentum factor μ")
///         let nesterov: SettingKey<Bool> = .flag("nesterov", default: false, "Nesterov momentum")
///     }
///
/// The list of declarations is read from the properties themselves (as swift-argument-parser
/// reads a command's options), so the settings a part declares and the settings it reads
/// (`settings.momentum`) are the same by construction.
public protocol SettingDeclarations: Sendable {
    /// The declarations (a struct of constant properties).
    init()
}

extension SettingDeclarations {
    /// Each declared setting, in the order its property is written.
    public static var declared: [any DeclaredSetting] {
        Mirror(reflecting: Self()).children.compactMap { $0.value as? any DeclaredSetting }
    }

    /// The declarations, in the order their properties are written.
    public static var declarations: [Setting] { declared.map(\.setting) }

    /// The key in the file of the setting at `path`, for a message or an error at its place.
    public static func key<Value>(_ path: KeyPath<Self, SettingKey<Value>>) -> String { Self()[keyPath: path].key }
}

/// The declarations of a part that takes no settings.
public struct NoSettings: SettingDeclarations {
    public init() {}
}
