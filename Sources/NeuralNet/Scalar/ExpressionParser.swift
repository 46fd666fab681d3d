/// A formula that could not be parsed: what was wrong and where.
public struct ExpressionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text that was parsed.
    public let text: String
    /// The 1-based column (in characters) where the problem is.
    public let column: Int
    /// What was wrong, in words.
    public let message: String

    /// The message, the text and a caret under the column.
    public var description: String {
        "column \(column): \(message)\n  \(text)\n  " + String(repeating: " ", count: column - 1) + "^"
    }
}

/// A recursive-descent parser for `Expression`. Grammar, loosest-binding first:
///
///     expression := term (("+" | "-") term)*
///     term       := unary (("*" | "/") unary)*
///     unary      := ("-" | "+") unary | power
///     power      := primary (("^" | "**") unary)?      right-associative, so 2^3^2 = 2^9
///     primary    := number | name | function "(" expression ")" | "(" expression ")"
///
/// As in mathematics and Python, −x^2 is −(x²).
struct ExpressionParser {
    private let characters: [Character]
    private let text: String
    /// The names that are variables; nil for any name.
    private let variables: Set<String>?
    private var position = 0

    init(text: String, variables: Set<String>?) {
        self.text = text
        self.characters = Array(text)
        self.variables = variables
    }

    mutating func parseAll() throws(ExpressionError) -> Expression {
        skipSpaces()
        if position == characters.count { throw error("the formula is empty") }
        let expression = try parseExpression()
        skipSpaces()
        if position < characters.count {
            let found = characters[position]
            if found == ")" { throw error("this ')' has no matching '('") }
            throw error("expected an operator (+ - * / ^) before '\(found)'")
        }
        return expression
    }

    private mutating func parseExpression() throws(ExpressionError) -> Expression {
        var result = try parseTerm()
        while let op = peekOperator(["+", "-"]) {
            advance(by: op.count)
            result = .binary(op == "+" ? .add : .subtract, result, try parseTerm())
        }
        return result
    }

    private mutating func parseTerm() throws(ExpressionError) -> Expression {
        var result = try parseUnary()
        while let op = peekOperator(["*", "/"]) {
            advance(by: 1)
            result = .binary(op == "*" ? .multiply : .divide, result, try parseUnary())
        }
        return result
    }

    private mutating func parseUnary() throws(ExpressionError) -> Expression {
        if let op = peekOperator(["-", "+"]) {
            advance(by: 1)
            let operand = try parseUnary()
            return op == "-" ? .negate(operand) : operand
        }
        return try parsePower()
    }

    private mutating func parsePower() throws(ExpressionError) -> Expression {
        let base = try parsePrimary()
        if let op = peekOperator(["^", "**"]) {
            advance(by: op.count)
            return .binary(.power, base, try parseUnary())
        }
        return base
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Expression {
        skipSpaces()
        guard position < characters.count else { throw error("the formula ends where a number, a name or '(' was expected") }
        let character = characters[position]
        if character == "(" {
            let open = position
            advance(by: 1)
            let inner = try parseExpression()
            skipSpaces()
            guard position < characters.count, characters[position] == ")" else {
                throw ExpressionError(text: text, column: open + 1, message: "this '(' is never closed")
            }
            advance(by: 1)
            return inner
        }
        if character.isNumber || character == "." { return .number(try parseNumber()) }
        if character.isLetter || character == "_" { return try parseName() }
        throw error("expected a number, a name or '(', found '\(character)'")
    }

    private mutating func parseNumber() throws(ExpressionError) -> Double {
        let start = position
        while position < characters.count, characters[position].isNumber || characters[position] == "." { position += 1 }
        // An exponent only when digits follow: `2e` is 2 times the constant e... which needs a `*`.
        if position < characters.count, characters[position] == "e" || characters[position] == "E" {
            var lookahead = position + 1
            if lookahead < characters.count, characters[lookahead] == "+" || characters[lookahead] == "-" { lookahead += 1 }
            if lookahead < characters.count, characters[lookahead].isNumber {
                position = lookahead
                while position < characters.count, characters[position].isNumber { position += 1 }
            }
        }
        let literal = String(characters[start..<position])
        guard let value = Double(literal) else {
            throw ExpressionError(text: text, column: start + 1, message: "'\(literal)' is not a number")
        }
        return value
    }

    private mutating func parseName() throws(ExpressionError) -> Expression {
        let start = position
        while position < characters.count, characters[position].isLetter || characters[position].isNumber || characters[position] == "_" {
            position += 1
        }
        let name = String(characters[start..<position])
        if let function = Expression.Function(rawValue: name) {
            skipSpaces()
            guard position < characters.count, characters[position] == "(" else {
                throw error("the function \(name) needs its argument in parentheses, as \(name)(x)")
            }
            return .call(function, try parsePrimary())
        }
        switch name {
        case "pi": return .number(Double.pi)
        case "e": return .number(2.718281828459045)
        default:
            guard let variables, !variables.contains(name) else { return .variable(name) }
            let known = variables.sorted().joined(separator: ", ")
            let functions = Expression.Function.allCases.map(\.rawValue).joined(separator: ", ")
            throw ExpressionError(
                text: text, column: start + 1,
                message: "unknown name '\(name)': the variables are \(known); the functions \(functions); the constants pi, e")
        }
    }

    private mutating func peekOperator(_ candidates: [String]) -> String? {
        skipSpaces()
        // Longest first, so `**` is not read as `*`.
        for candidate in candidates.sorted(by: { $0.count > $1.count }) {
            let end = position + candidate.count
            if end <= characters.count, String(characters[position..<end]) == candidate {
                if candidate == "*", end < characters.count, characters[end] == "*" { continue }
                return candidate
            }
        }
        return nil
    }

    private mutating func advance(by count: Int) { position += count }

    private mutating func skipSpaces() {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    private func error(_ message: String) -> ExpressionError {
        ExpressionError(text: text, column: position + 1, message: message)
    }
}
