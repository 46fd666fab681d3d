import NeuralNet

extension SpecReader {
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
        case .formula(let variable): return .formula(try formula(variable: variable))
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

extension NumberBounds {
    /// "a positive number", "a number from 0 to 1": what an error says was expected.
    var expectation: String {
        switch (minimum, maximum) {
        case (nil, nil): return "a number"
        case (0, nil) where excludesMinimum: return "a positive number"
        case (let low?, nil): return excludesMinimum ? "a number above \(low.cleanText)" : "a number of at least \(low.cleanText)"
        case (nil, let high?): return excludesMaximum ? "a number below \(high.cleanText)" : "a number of at most \(high.cleanText)"
        case (let low?, let high?):
            let from = excludesMinimum ? "above \(low.cleanText)" : "from \(low.cleanText)"
            let to = excludesMaximum ? "up to, not including, \(high.cleanText)" : "to \(high.cleanText)"
            return "a number \(from) \(to)"
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
