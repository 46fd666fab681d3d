import Foundation

/// A parsed JSON document: the raw material experiment files are read from, before validation.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses JSON text; a syntax error is reported with the file.
    public static func parse(_ data: Data, file: String) throws(SpecError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            let underlying = (error as? DecodingError).flatMap { error -> String? in
                if case .dataCorrupted(let context) = error {
                    return (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String ?? context.debugDescription
                }
                return nil
            }
            throw SpecError(file: file, path: "", message: "is not valid JSON: \(underlying ?? "\(error)")")
        }
    }

    /// How the value is described in "expected X, got Y" messages.
    public var summary: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return String(value)
        case .number(let value): return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .string(let value): return "\"\(value)\""
        case .array(let values): return "an array of \(values.count)"
        case .object: return "an object"
        }
    }
}

extension JSONValue: Decodable {
    /// Tries each JSON type in turn; `JSONDecoder` never reads a number as a `Bool`, so order is safe.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let values = try? container.decode([JSONValue].self) {
            self = .array(values)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }
}
