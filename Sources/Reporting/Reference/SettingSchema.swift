import Configuration
import Experiments
import NeuralNet

extension SettingKind {
    /// The JSON Schema of a value of this kind.
    var schema: JSONValue {
        switch self {
        case .number(let bounds): return .object(bounds.schema(["type": .string("number")]))
        case .integer(let minimum): return .object(SettingKind.integerSchema(minimum: minimum))
        case .seed: return ["type": "integer", "minimum": 0, "maximum": .number(Double(UInt32.max))]
        case .flag: return ["type": "boolean"]
        case .text, .formula: return ["type": "string"]
        case .choice(let choices): return ["enum": .array(choices.map { .string($0) })]
        case .numbers(let bounds, let count):
            var object: JSONObject = ["type": "array", "items": .object(bounds.schema(["type": .string("number")])),
                                      "minItems": .number(Double(count ?? 1))]
            if let count { object["maxItems"] = .number(Double(count)) }
            return .object(object)
        case .integers(let minimum):
            return ["type": "array", "items": .object(SettingKind.integerSchema(minimum: minimum)), "minItems": 1]
        case .texts: return ["type": "array", "items": ["type": "string"], "minItems": 1]
        case .interval: return ["type": "array", "items": ["type": "number"], "minItems": 2, "maxItems": 2]
        case .points(let dimensions):
            return ["type": "array", "items": ["type": "array", "items": ["type": "number"], "minItems": .number(Double(dimensions)),
                                               "maxItems": .number(Double(dimensions))], "minItems": 1]
        case .either(let kinds): return ["oneOf": .array(kinds.map(\.schema))]
        }
    }
}

extension SettingKind {
    /// An integer of at least `minimum` and at most the largest a file may hold.
    static func integerSchema(minimum: Int) -> JSONObject {
        ["type": "integer", "minimum": .number(Double(minimum)), "maximum": .number(Double(SettingKind.largestInteger))]
    }
}

extension NumberBounds {
    /// `object` with this range's minimum and maximum.
    func schema(_ object: JSONObject) -> JSONObject {
        var object = object
        if let minimum { object[excludesMinimum ? "exclusiveMinimum" : "minimum"] = .number(minimum) }
        if let maximum { object[excludesMaximum ? "exclusiveMaximum" : "maximum"] = .number(maximum) }
        return object
    }
}

extension Setting {
    /// The schema of this setting's value, with its meaning and default for editors.
    var schema: JSONValue {
        guard case .object(var object) = kind.schema else { return kind.schema }
        object["description"] = .string(summary)
        if let defaultValue { object["default"] = defaultValue.json }
        return .object(object)
    }
}

extension SettingValue {
    /// The value as JSON.
    var json: JSONValue {
        switch self {
        case .number(let value): .number(value)
        case .integer(let value): .number(Double(value))
        case .flag(let value): .bool(value)
        case .text(let value): .string(value)
        case .numbers(let values): .array(values.map { .number($0) })
        case .integers(let values): .array(values.map { .number(Double($0)) })
        case .texts(let values): .array(values.map { .string($0) })
        case .points(let points): .array(points.map { .array($0.map { .number($0) }) })
        }
    }
}
