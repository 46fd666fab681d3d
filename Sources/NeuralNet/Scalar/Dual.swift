import Foundation

/// A dual number v + d·ε with ε² = 0: arithmetic on it carries the exact derivative d alongside
/// the value v (forward-mode automatic differentiation), with no step size and no truncation error.
public struct Dual: ExpressionNumber, Equatable, Sendable {
    /// The value.
    public var value: Double
    /// The derivative with respect to the seeded variable.
    public var derivative: Double

    /// Creates v + d·ε.
    public init(_ value: Double, derivative: Double) {
        self.value = value
        self.derivative = derivative
    }

    public init(constant: Double) { self.init(constant, derivative: 0) }

    public static prefix func - (operand: Dual) -> Dual { Dual(-operand.value, derivative: -operand.derivative) }

    public static func + (lhs: Dual, rhs: Dual) -> Dual {
        Dual(lhs.value + rhs.value, derivative: lhs.derivative + rhs.derivative)
    }

    public static func - (lhs: Dual, rhs: Dual) -> Dual {
        Dual(lhs.value - rhs.value, derivative: lhs.derivative - rhs.derivative)
    }

    public static func * (lhs: Dual, rhs: Dual) -> Dual {
        Dual(lhs.value * rhs.value, derivative: lhs.derivative * rhs.value + lhs.value * rhs.derivative)
    }

    public static func / (lhs: Dual, rhs: Dual) -> Dual {
        Dual(lhs.value / rhs.value,
             derivative: (lhs.derivative * rhs.value - lhs.value * rhs.derivative) / (rhs.value * rhs.value))
    }

    /// u^c = c·u^(c−1)·u′ for a constant exponent (valid for negative u too);
    /// otherwise u^w·(w′·ln u + w·u′/u).
    public func raised(to exponent: Dual) -> Dual {
        let result = pow(value, exponent.value)
        if exponent.derivative == 0 {
            return Dual(result, derivative: exponent.value * pow(value, exponent.value - 1) * derivative)
        }
        return Dual(result, derivative: result * (exponent.derivative * log(value) + exponent.value * derivative / value))
    }

    public func applying(_ function: Expression.Function) -> Dual {
        switch function {
        case .sin: return Dual(sin(value), derivative: cos(value) * derivative)
        case .cos: return Dual(cos(value), derivative: -sin(value) * derivative)
        case .tan:
            let t = tan(value)
            return Dual(t, derivative: (1 + t * t) * derivative)
        case .exp:
            let e = exp(value)
            return Dual(e, derivative: e * derivative)
        case .log: return Dual(log(value), derivative: derivative / value)
        case .sqrt:
            let root = value.squareRoot()
            return Dual(root, derivative: derivative / (2 * root))
        case .abs:
            // The derivative of |u| at 0 is taken as 0, the subgradient PyTorch uses.
            return Dual(Swift.abs(value), derivative: value > 0 ? derivative : value < 0 ? -derivative : 0)
        case .tanh:
            let t = tanh(value)
            return Dual(t, derivative: (1 - t * t) * derivative)
        }
    }
}
