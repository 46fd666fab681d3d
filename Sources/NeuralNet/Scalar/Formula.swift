import Configuration

/// A formula of one variable as written and as parsed, kept together: parsed once, when the file
/// is read, and written back as its text.
public struct Formula: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The text as written (`"(x^2 - 5*x + 4)^2"`).
    public let text: String
    /// The variable's name.
    public let variable: String
    /// The parsed formula.
    public let expression: Expression

    /// Parses `text` as a formula in `variable`.
    public init(_ text: String, variable: String = "x") throws(ExpressionError) {
        self.text = text
        self.variable = variable
        expression = try Expression(parsing: text, variables: [variable])
    }

    /// The text.
    public var description: String { text }

    /// The value at `x`.
    public func value(at x: Double) -> Double { expression.value(at: x, variable: variable) }

    /// The value and exact derivative at `x`.
    public func valueAndDerivative(at x: Double) -> Dual { expression.valueAndDerivative(at: x, variable: variable) }

    public static func == (left: Formula, right: Formula) -> Bool { left.text == right.text && left.variable == right.variable }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(variable)
    }

    /// Encoded as its text.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// Decoded from its text, its one variable being whatever name it uses (`x` if none).
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        var parser = ExpressionParser(text: text, variables: nil)
        do {
            let expression = try parser.parseAll()
            self.text = text
            variable = expression.variableNames.first ?? "x"
            self.expression = expression
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }
}

extension Expression {
    /// The names of the variables it uses, sorted.
    var variableNames: [String] {
        switch self {
        case .number: []
        case .variable(let name): [name]
        case .negate(let operand), .call(_, let operand): operand.variableNames
        case .binary(_, let lhs, let rhs): Array(Set(lhs.variableNames + rhs.variableNames)).sorted()
        }
    }
}

/// A formula setting is kept as its text; reading it parses the text in the kind's variable.
extension Formula: PlainSettingValue {
    public init?(setting value: SettingValue, kind: SettingKind) {
        guard case .text(let text) = value, case .formula(let variable) = kind, let formula = try? Formula(text, variable: variable) else {
            // A text that does not parse is not a formula: the setting's check reports it.
            return nil
        }
        self = formula
    }
    public var plainSettingValue: SettingValue { .text(text) }
}

extension SettingKey where Value.Plain == Formula {
    /// A formula in `variable`.
    public static func formula(_ key: String, variable: String, _ summary: String) -> SettingKey {
        SettingKey(key, .formula(variable: variable), summary)
    }
}
