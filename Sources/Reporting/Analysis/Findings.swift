/// What the results say, in two forms: named facts that a file's answers quote with `{{name}}`,
/// and sentences for the report's findings list.
public struct Findings: Sendable, Codable {
    /// Fact name → formatted value.
    public var facts: [String: String] = [:]
    /// Markdown sentences, in order.
    public var sentences: [String] = []

    /// Fills the `{{name}}` placeholders of `text`; returns the names that have no fact.
    public func fill(_ text: String) -> (text: String, unknown: [String]) {
        var result = ""
        var unknown: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            result += rest[..<open.lowerBound]
            let name = String(rest[open.upperBound..<close.lowerBound])
            if let value = facts[name] { result += value } else { unknown.append(name); result += "{{\(name)}}" }
            rest = rest[close.upperBound...]
        }
        return (result + rest, unknown)
    }
}
