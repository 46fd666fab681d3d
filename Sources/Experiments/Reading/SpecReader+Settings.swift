import Configuration
import NeuralNet

extension SpecReader {
    /// The settings `Keys` declares in this object, read and checked (see `settings(_:besides:)`).
    public func settings<Keys: SettingDeclarations>(_ keys: Keys.Type, besides: [String] = []) throws(SpecError) -> Settings<Keys> {
        let values = try settings(Keys.declarations, besides: besides)
        do { return try Settings<Keys>(values) } catch { throw locating(error.key).error(error.message) }
    }

    /// The settings `Keys` declares in this object's member `key`, or their defaults when it has none.
    public func settings<Keys: SettingDeclarations>(_ keys: Keys.Type, inSection key: String) throws(SpecError) -> Settings<Keys> {
        let section = try optional(key) ?? SpecReader(.object(JSONObject()), file: file, path: JSONPath.member(key, of: path), locations: locations)
        return try section.settings(keys)
    }

    /// The settings `part` declares in this object, read and checked against its declarations,
    /// the defaults filled in.
    public func settings(of part: any Configurable.Type, besides: [String] = []) throws(SpecError) -> SettingValues {
        let values = try settings(part.settings, besides: besides)
        do { return try part.validated(values) } catch { throw locating(error.key).error(error.message) }
    }

    /// The values of `settings` in this object: each key present read as its kind says, each
    /// absent one its default (a required one missing is an error); any other key, except those in
    /// `besides`, is an unknown-key error with a did-you-mean hint.
    public func settings(_ settings: [Setting], besides: [String] = []) throws(SpecError) -> SettingValues {
        let members = try keys(allowed: besides + settings.map(\.key))
        var values = SettingValues()
        for setting in settings {
            if let member = members[setting.key] {
                values[setting.key] = try member.value(of: setting.kind)
            } else if let value = setting.defaultValue {
                values[setting.key] = value
            } else if setting.isRequired {
                throw error("missing required key \"\(setting.key)\"")
            }
        }
        return values
    }

    /// This value read as `kind`.
    public func value(of kind: SettingKind) throws(SpecError) -> SettingValue {
        switch kind {
        case .number(let bounds):
            let number = try number()
            guard bounds.contains(number) else { throw expected(bounds.expectation) }
            return .number(number)
        case .integer(let minimum): return .integer(try integer(minimum: minimum))
        case .seed: return .integer(Int(try seed()))
        case .flag: return .flag(try bool())
        case .text: return .text(try string())
        case .choice(let choices): return .text(try choice(choices))
        case .formula(let variable): return .text(try formula(variable: variable).text)
        case .numbers(let bounds, let count):
            let values = try numbers(minimumCount: 1)
            if let count, values.count != count {
                throw expected("\(count) numbers" + (bounds == .any ? "" : ", each \(bounds.expectation.dropFirst(2))"))
            }
            // The element at fault, at its own place.
            if let index = values.firstIndex(where: { !bounds.contains($0) }) { throw locating(index).expected(bounds.expectation) }
            return .numbers(values)
        case .integers(let minimum):
            var values: [Int] = []
            for element in try array(minimumCount: 1) { values.append(try element.integer(minimum: minimum)) }
            return .integers(values)
        case .texts: return .texts(try strings(minimumCount: 1))
        case .interval:
            let range = try interval()
            return .numbers([range.lowerBound, range.upperBound])
        case .points(let dimensions): return .points(try points(dimensions: dimensions))
        case .either(let kinds):
            // The error worth showing is that of the kind this JSON value is of (a number given
            // where a number or a word may go is judged as a number).
            let matching = kinds.filter { $0.accepts(value) }
            var firstError: SpecError?
            for kind in matching + kinds.filter({ !$0.accepts(value) }) {
                do { return try self.value(of: kind) } catch { firstError = firstError ?? error }
            }
            throw firstError ?? self.expected("a value")
        }
    }
}

extension SettingKind {
    /// Whether a JSON value of this type can be of this kind (a number for a number, an array for a list).
    func accepts(_ value: JSONValue) -> Bool {
        switch (self, value) {
        case (.number, .number), (.integer, .number), (.seed, .number), (.flag, .bool): return true
        case (.text, .string), (.choice, .string), (.formula, .string): return true
        case (.numbers, .array), (.integers, .array), (.texts, .array), (.interval, .array), (.points, .array): return true
        case (.either(let kinds), _): return kinds.contains { $0.accepts(value) }
        default: return false
        }
    }
}
