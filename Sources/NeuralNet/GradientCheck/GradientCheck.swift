/// Numerical gradient checking: compares analytic gradients with central differences
/// (f(x + ε) − f(x − ε)) / 2ε, whose error is O(ε²) from truncation plus O(u·|f|/ε) from rounding
/// (u ≈ 1.1e-16); with ε = 1e-6 a correct gradient deviates by about 1e-10 for |f| ≈ 1.
public enum GradientCheck {
    /// The step ε used unless another is given (seed 004's choice).
    public static let defaultEpsilon = 1e-6
    /// The largest deviation a correct gradient is allowed.
    public static let defaultTolerance = 1e-6

    /// The outcome of checking one gradient.
    public struct Result: Codable, Equatable, Sendable {
        /// What was differentiated, e.g. `Linear(4 → 3)` or `BCE (mean)`.
        public var component: String
        /// With respect to what, e.g. `∂L/∂W`.
        public var parameter: String
        /// The largest absolute difference between analytic and numerical gradient.
        public var maxAbsoluteDeviation: Double
        /// The tolerance it was judged against.
        public var tolerance: Double
        /// Whether the deviation is within the tolerance.
        public var passed: Bool { maxAbsoluteDeviation <= tolerance }
    }

    /// The central-difference gradient of `f` at `x`.
    public static func numericalGradient(
        at x: Matrix, epsilon: Double = defaultEpsilon, of f: (Matrix) -> Double
    ) -> Matrix {
        var point = x
        var gradient = Matrix(rows: x.rows, columns: x.columns)
        for row in 0..<x.rows {
            for column in 0..<x.columns {
                let original = point[row, column]
                point[row, column] = original + epsilon
                let above = f(point)
                point[row, column] = original - epsilon
                let below = f(point)
                point[row, column] = original
                gradient[row, column] = (above - below) / (2 * epsilon)
            }
        }
        return gradient
    }

    /// Checks a layer's ∂L/∂x and the gradient of each of its parameters, for the scalar
    /// L = Σ layer(x) ⊙ R, whose ∂L/∂output is the fixed matrix R (`outputWeights`).
    public static func check(
        layer: any Layer, input: Matrix, outputWeights: Matrix,
        epsilon: Double = defaultEpsilon, tolerance: Double = defaultTolerance
    ) -> [Result] {
        func objective(_ x: Matrix) -> Double { layer.forward(x).hadamard(outputWeights).sum }
        let output = layer.forward(input)
        let inputGradient = layer.backward(input: input, output: output, outputGradient: outputWeights)
        let analytic = layer.parameters.map { (name: $0.name, gradient: $0.gradient) }

        var results = [Result(
            component: layer.name, parameter: "∂L/∂x",
            maxAbsoluteDeviation: inputGradient.maxAbsoluteDifference(
                to: numericalGradient(at: input, epsilon: epsilon, of: objective)),
            tolerance: tolerance)]
        for (parameter, expected) in zip(layer.parameters, analytic) {
            let original = parameter.value
            let numerical = numericalGradient(at: original, epsilon: epsilon) { value in
                parameter.value = value
                return objective(input)
            }
            parameter.value = original
            results.append(Result(
                component: layer.name, parameter: "∂L/∂\(symbol(for: expected.name))",
                maxAbsoluteDeviation: expected.gradient.maxAbsoluteDifference(to: numerical),
                tolerance: tolerance))
        }
        return results
    }

    /// Checks a loss's ∂L/∂prediction.
    public static func check(
        loss: any Loss, prediction: Matrix, target: Matrix,
        epsilon: Double = defaultEpsilon, tolerance: Double = defaultTolerance
    ) -> Result {
        let analytic = loss.valueAndGradient(prediction, target).gradient
        let numerical = numericalGradient(at: prediction, epsilon: epsilon) { loss.value($0, target) }
        return Result(component: loss.name, parameter: "∂L/∂ŷ",
                      maxAbsoluteDeviation: analytic.maxAbsoluteDifference(to: numerical), tolerance: tolerance)
    }

    /// Checks the gradient of every parameter of a whole network trained with `loss`.
    public static func check(
        network: Sequential, loss: any Loss, data: LabeledData, component: String,
        epsilon: Double = defaultEpsilon, tolerance: Double = defaultTolerance
    ) -> [Result] {
        let output = network.forward(data.inputs)
        network.backward(loss.valueAndGradient(output, data.targets).gradient)
        var results: [Result] = []
        for (layerIndex, layer) in network.layers.enumerated() {
            for parameter in layer.parameters {
                let analytic = parameter.gradient
                let original = parameter.value
                let numerical = numericalGradient(at: original, epsilon: epsilon) { value in
                    parameter.value = value
                    return loss.value(network.predict(data.inputs), data.targets)
                }
                parameter.value = original
                results.append(Result(
                    component: component, parameter: "∂L/∂\(symbol(for: parameter.name))\(layerIndex + 1) (\(layer.name))",
                    maxAbsoluteDeviation: analytic.maxAbsoluteDifference(to: numerical), tolerance: tolerance))
            }
        }
        return results
    }

    private static func symbol(for parameterName: String) -> String {
        switch parameterName {
        case "weight": return "W"
        case "bias": return "b"
        default: return parameterName
        }
    }
}
