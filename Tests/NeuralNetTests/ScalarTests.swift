import Foundation
import Testing
@testable import NeuralNet

@Suite("Expressions")
struct ExpressionTests {
    func value(_ text: String, at x: Double = 0) throws -> Double {
        try Expression(parsing: text).value(at: x)
    }

    @Test("Precedence and associativity follow mathematics (and Python)")
    func precedence() throws {
        #expect(try value("1 + 2 * 3") == 7)
        #expect(try value("2 ^ 3 ^ 2") == 512)
        #expect(try value("2 ** 3") == 8)
        #expect(try value("-x^2", at: 3) == -9)
        #expect(try value("2^-1") == 0.5)
        #expect(try value("(x^2 - 5*x + 4)^2", at: 0) == 16)
        #expect(try value("8 / 4 / 2") == 1)
        #expect(try value("10 - 4 - 3") == 3)
        #expect(try value("1.5e-3 * 2E2") == 0.3)
    }

    @Test("Functions and constants")
    func functions() throws {
        #expect(try value("sin(pi / 2)") == 1)
        #expect(try value("log(e)") == 1)
        #expect(try value("sqrt(16) + abs(-2) + exp(0) + cos(0)") == 8)
    }

    @Test("Errors point at the column", arguments: [
        ("(x^2 - 5*x + 4", 1, "never closed"),
        ("x + * 2", 5, "expected a number"),
        ("2 x", 3, "expected an operator"),
        ("y + 1", 1, "unknown name 'y'"),
        ("x)", 2, "no matching '('"),
        ("sin x", 5, "parentheses"),
        ("", 1, "empty"),
        ("1.2.3", 1, "not a number"),
        ("x^", 3, "ends"),
    ])
    func errors(text: String, column: Int, fragment: String) {
        #expect {
            _ = try Expression(parsing: text)
        } throws: { error in
            guard let error = error as? ExpressionError else { return false }
            return error.column == column && error.message.contains(fragment)
        }
    }

    @Test("The error message shows a caret under the column")
    func caret() {
        let error = ExpressionError(text: "2 x", column: 3, message: "expected an operator (+ - * / ^) before 'x'")
        #expect(error.description == "column 3: expected an operator (+ - * / ^) before 'x'\n  2 x\n    ^")
    }
}

@Suite("Dual numbers")
struct DualTests {
    static let cases: [(text: String, x: Double, expected: Double)] = [
        ("x^3", 2.0, 12.0),
        ("(x^2 - 5*x + 4)^2", 0.0, -40.0),
        ("1 / x", 2.0, -0.25),
        ("sin(x) * cos(x)", 0.3, Foundation.cos(0.6)),
        ("exp(2*x)", 0.5, 2 * Foundation.exp(1.0)),
        ("log(x) + sqrt(x)", 4.0, 0.5),
        ("x^x", 2.0, 4 * (Foundation.log(2.0) + 1)),
        ("abs(x)", -3.0, -1.0),
        ("tanh(x)", 0.5, 1 - Foundation.tanh(0.5) * Foundation.tanh(0.5)),
        ("tan(x)", 0.25, 1 + Foundation.tan(0.25) * Foundation.tan(0.25)),
        ("(-x)^3", 2.0, -12.0),
    ]

    @Test("Derivatives are exact for every operation and function", arguments: cases)
    func derivatives(text: String, x: Double, expected: Double) throws {
        let derivative = try Expression(parsing: text).valueAndDerivative(at: x).derivative
        #expect(isClose(derivative, expected, relative: 1e-14), "\(text) at \(x): \(derivative) vs \(expected)")
    }
}

@Suite("Scalar gradient descent (seed 001)")
struct ScalarDescentTests {
    struct RootCase: Decodable {
        let start: Double
        let learning_rate: Double
        let root: Double
        let steps: Int
    }

    func descent(rate: Double) throws -> ScalarDescent {
        ScalarDescent(objective: try Expression(parsing: "(x^2 - 5*x + 4)^2"),
                      residual: try Expression(parsing: "x^2 - 5*x + 4"), learningRate: rate)
    }

    @Test("Reproduces the notebook's roots to the bit: 0.9999996969264429 in 71 steps, 3.999999672449243 in 86")
    func notebookNumbers() throws {
        let first = try descent(rate: 0.01).run(from: 0)
        #expect(first.end == 0.9999996969264429)
        #expect(first.outcome == .converged(iterations: 71))
        let second = try descent(rate: 0.01).run(from: 3)
        #expect(second.end == 3.999999672449243)
        #expect(second.outcome == .converged(iterations: 86))
        #expect(second.points.count == 87)
    }

    @Test("Matches the notebook's loop for more starts and rates")
    func fixtureCases() throws {
        let cases: [RootCase] = try fixture("roots.json")
        for reference in cases {
            let path = try descent(rate: reference.learning_rate).run(from: reference.start)
            #expect(path.end == reference.root, "start \(reference.start), lr \(reference.learning_rate)")
            #expect(path.outcome == .converged(iterations: reference.steps))
        }
    }

    @Test("x = 2.5 is a stationary point: it never moves")
    func stationary() throws {
        let path = try descent(rate: 0.01).run(from: 2.5)
        #expect(path.outcome == .stationary(iterations: 0))
        #expect(path.end == 2.5)
    }

    @Test("Too large a rate diverges and says at which update")
    func divergence() throws {
        let path = try descent(rate: 0.5).run(from: 0)
        guard case .diverged(let iterations) = path.outcome else {
            Issue.record("expected divergence, got \(path.outcome)")
            return
        }
        #expect(iterations < 10)
    }

    @Test("A tiny rate runs out of iterations")
    func maxIterations() throws {
        var method = try descent(rate: 1e-6)
        method.maxIterations = 50
        let path = method.run(from: 0)
        #expect(path.outcome == .maxIterations)
        #expect(path.points.count == 51)
    }
}

@Suite("Gradient check")
struct GradientCheckTests {
    @Test("The standard suite covers every layer and loss and passes at 1e-6")
    func standardSuite() {
        var random = TestRandom(seed: 2026)
        let results = GradientCheck.standardSuite(random: &random)
        let components = Set(results.map(\.component))
        for name in ["Linear(4 → 3)", "Sigmoid", "ReLU", "LeakyReLU(0.01)", "Tanh", "Softmax", "Identity",
                     "BCE (mean)", "BCE with logits (mean)", "MSE (mean)", "MSE (mean, one-hot)",
                     "Softmax cross-entropy (mean)", "Network 2-10-10-3 + softmax CE"] {
            #expect(components.contains(name), "\(name) missing")
        }
        #expect(results.count == 3 + 6 + 5 + 6)
        for result in results {
            #expect(result.passed, "\(result.component) \(result.parameter): \(result.maxAbsoluteDeviation)")
            #expect(result.maxAbsoluteDeviation < 1e-8)
        }
    }

    /// A sigmoid whose backward pass forgets the factor (1 − σ).
    final class WrongSigmoid: ElementwiseActivation {
        var name: String { "WrongSigmoid" }
        func activate(_ x: Double) -> Double { VectorMath.sigmoid(x) }
        func derivative(input: Double, output: Double) -> Double { output }
    }

    @Test("A wrong gradient fails the check")
    func detectsWrongGradient() {
        var random = TestRandom(seed: 1)
        let results = GradientCheck.check(layer: WrongSigmoid(), input: random.normalMatrix(3, 3),
                                          outputWeights: random.normalMatrix(3, 3))
        #expect(results.count == 1)
        #expect(!results[0].passed)
        #expect(results[0].maxAbsoluteDeviation > 0.01)
    }

    @Test("Central differences of x² are 2x to rounding")
    func numericalGradient() {
        let x = Matrix([[1, -2], [0.5, 3]])
        let gradient = GradientCheck.numericalGradient(at: x) { $0.hadamard($0).sum }
        #expect(gradient.maxAbsoluteDifference(to: 2 * x) < 1e-8)
    }
}

/// Minima whose value is not zero: a double well.
@Suite("Descent to a minimum")
struct DoubleWellDescentTests {
    /// f = x⁴ − 3x² + x: f′ = 4x³ − 6x + 1 has roots near −1.3008, 0.1694 and 1.1309; f is −3.514 and −1.071 at the minima.
    static let objective = try! Expression(parsing: "x^4 - 3*x^2 + x")

    @Test("A gradient tolerance stops the descent at the minimum, converged; the value rule alone never does")
    func gradientTolerance() {
        let withGradient = ScalarDescent(objective: Self.objective, learningRate: 0.01, gradientTolerance: 1e-8, maxIterations: 5000)
        let path = withGradient.run(from: -2)
        guard case .converged(let iterations) = path.outcome else { Issue.record("\(path.outcome)"); return }
        #expect(iterations > 10 && iterations < 5000)
        // The minimum, to where |f′| < 1e-8 puts it: |x − x*| ≈ 1e-8 / f″(x*) with f″ ≈ 14.3.
        let derivative = Self.objective.valueAndDerivative(at: path.end, variable: "x").derivative
        #expect(abs(derivative) < 1e-8)
        #expect(abs(path.end - -1.300839565) < 1e-8)
        let valueOnly = ScalarDescent(objective: Self.objective, learningRate: 0.01, maxIterations: 500)
        #expect(valueOnly.run(from: -2).outcome == .maxIterations)
    }
}
