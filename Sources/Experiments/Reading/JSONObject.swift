/// The members of a JSON object, in the order the file lists them.
///
/// Order matters to people, not to JSON: variants and sweeps run, and appear in tables, in the
/// order their author wrote them. Equality ignores order, as JSON's does.
public struct JSONObject: Equatable, Sendable, ExpressibleByDictionaryLiteral {
    /// The keys, in the order written.
    public private(set) var keys: [String] = []
    private var values: [String: JSONValue] = [:]

    /// An empty object.
    public init() {}

    /// An object with the given members, in this order; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        for (key, value) in elements { self[key] = value }
    }

    /// The value of `key`; setting a new key appends it, setting nil removes it.
    public subscript(key: String) -> JSONValue? {
        get { values[key] }
        set {
            if newValue == nil {
                keys.removeAll { $0 == key }
            } else if values[key] == nil {
                keys.append(key)
            }
            values[key] = newValue
        }
    }

    /// The number of members.
    public var count: Int { keys.count }

    /// Whether there are no members.
    public var isEmpty: Bool { keys.isEmpty }

    /// The members as key-value pairs, in order.
    public var members: [(key: String, value: JSONValue)] { keys.map { ($0, values[$0]!) } }

    public static func == (left: JSONObject, right: JSONObject) -> Bool { left.values == right.values }
}
