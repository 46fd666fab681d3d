import Foundation

/// A formula in one or more named variables, such as `(x^2 - 5*x + 4)^2`, parsed from text.
///
/// It evaluates to a number or, through `Dual`, to a number and its exact derivative.
public indirect enum Expression: Equatable, Sendable {
    /// A literal number (also `pi` and `e`).
    case number(Double)
    /// A variable, looked up by name when evaluating.
    case variable(String)
    /// −operand.
    case negate(Expression)
    /// lhs (+ − × ÷ ^) rhs.
    case binary(BinaryOperator, Expression, Expression)
    /// A function applied to its argument.
    case call(Function, Expression)

    /// The infix operators, loosest-binding first.
    public enum BinaryOperator: String, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    }

    /// The functions a formula may call.
    public enum Function: String, Sendable, CaseIterable {
        case sin, cos, tan, exp, log, sqrt, abs, tanh
    }

    /// Parses `text`; names other than functions, `pi` and `e` must be among `variables`.
    public init(parsing text: String, variables: Set<String> = ["x"]) throws(ExpressionError) {
        var parser = ExpressionParser(text: text, variables: variables)
        self = try parser.parseAll()
    }

    /// The value with every variable set from `values` (a missing variable is NaN).
    public func evaluate<Number: ExpressionNumber>(_ values: [String: Number]) -> Number {
        switch self {
        case .number(let value): return Number(constant: value)
        case .variable(let name): return values[name] ?? Number(constant: .nan)
        case .negate(let operand): return -operand.evaluate(values)
        case .binary(let op, let lhs, let rhs):
            let (a, b) = (lhs.evaluate(values), rhs.evaluate(values))
            switch op {
            case .add: return a + b
            case .subtract: return a - b
            case .multiply: return a * b
            case .divide: return a / b
            case .power: return a.raised(to: b)
            }
        case .call(let function, let argument):
            return argument.evaluate(values).applying(function)
        }
    }

    /// The value at `x` of a formula in the single variable `variable`.
    public func value(at x: Double, variable: String = "x") -> Double {
        evaluate([variable: x])
    }

    /// The value and exact derivative at `x` of a formula in the single variable `variable`.
    public func valueAndDerivative(at x: Double, variable: String = "x") -> Dual {
        evaluate([variable: Dual(x, derivative: 1)])
    }
}

/// What an expression can be evaluated to: plain numbers, or dual numbers carrying a derivative.
public protocol ExpressionNumber {
    /// A constant (its derivative is zero).
    init(constant: Double)
    static prefix func - (operand: Self) -> Self
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Self) -> Self
    /// self ^ exponent.
    func raised(to exponent: Self) -> Self
    /// function(self).
    func applying(_ function: Expression.Function) -> Self
}

extension Double: ExpressionNumber {
    public init(constant: Double) { self = constant }

    // `pow` as Python's `**` on floats calls it, so values agree with the notebooks to the bit.
    public func raised(to exponent: Double) -> Double { Foundation.pow(self, exponent) }

    public func applying(_ function: Expression.Function) -> Double {
        switch function {
        case .sin: return Foundation.sin(self)
        case .cos: return Foundation.cos(self)
        case .tan: return Foundation.tan(self)
        case .exp: return Foundation.exp(self)
        case .log: return Foundation.log(self)
        case .sqrt: return squareRoot()
        case .abs: return Swift.abs(self)
        case .tanh: return Foundation.tanh(self)
        }
    }
}
