import Configuration
import Experiments
import Testing

/// Every part the registry lists declares its settings in a way the reader, the schema and the
/// part itself can rely on: names unique, keys unique within a part, and the part's settings made
/// from its defaults (with a value for each required key) read back through its own keys.
@Suite("Registered parts' declarations")
struct RegistryDeclarationTests {
    static let parts: [(kind: String, parts: [any Configurable.Type])] = [
        ("optimizer", Registry.optimizers), ("loss", Registry.losses), ("data source", Registry.dataSources),
        ("activation", Registry.activations), ("initializer", Registry.initializers),
    ]

    /// A value a setting of `kind` accepts, for a required key.
    static func sample(of kind: SettingKind) -> SettingValue {
        switch kind {
        case .number(let bounds): .number(bounds.minimum.map { $0 + 1 } ?? 1)
        case .integer(let minimum): .integer(minimum)
        case .seed: .integer(1)
        case .flag: .flag(true)
        case .text: .text("file.csv")
        case .choice(let choices): .text(choices[0])
        case .formula: .text("x^2")
        case .numbers(_, let count): .numbers(Array(repeating: 0.5, count: count ?? 1))
        case .integers(let minimum): .integers([minimum])
        case .texts: .texts(["a"])
        case .interval: .numbers([0, 1])
        case .points(let dimensions): .points([Array(repeating: 0, count: dimensions)])
        case .either(let kinds): sample(of: kinds[0])
        }
    }

    @Test("Names are unique within each kind of part, and keys within each part")
    func uniqueNames() {
        for (kind, parts) in Self.parts {
            #expect(Set(parts.map { $0.name }).count == parts.count, "\(kind) names repeat")
            for part in parts {
                let keys = part.settings.map(\.key)
                #expect(Set(keys).count == keys.count, "\(kind) \(part.name) declares a key twice: \(keys)")
            }
        }
    }

    @Test("Each part's defaults, with a value for every required key, make its settings; the filled values name every key")
    func defaultsFit() throws {
        for (kind, parts) in Self.parts {
            for part in parts {
                var values = SettingValues()
                for setting in part.settings where setting.isRequired { values[setting.key] = Self.sample(of: setting.kind) }
                let filled = try part.validated(values)
                for setting in part.settings where setting.defaultValue != nil || setting.isRequired {
                    #expect(filled[setting.key] != nil, "\(kind) \(part.name): \(setting.key) has no value")
                }
                #expect(Set(filled.values.keys).isSubset(of: Set(part.settings.map(\.key))), "\(kind) \(part.name)")
            }
        }
    }
}
