/// How a linear layer's weights (or biases) are drawn at creation.
///
/// Samples are drawn in row-major order of the (inputs x outputs) weight, so a seeded NumPy
/// `np.random.randn(inputs, outputs) * std` and `.normal(std:)` with the same stream agree exactly.
/// `fanIn` is the number of inputs, `fanOut` the number of outputs, as in PyTorch's `nn.init`.
public enum Initializer: Sendable, Equatable, Codable {
    /// All zeros.
    case zeros
    /// Every element equal to the value.
    case constant(Double)
    /// Normal with mean 0 and the given standard deviation (`randn * std`).
    case normal(std: Double)
    /// Uniform on [-bound, bound).
    case uniform(bound: Double)
    /// PyTorch's `nn.Linear` default: weight and bias uniform on ±1/√fanIn.
    case pytorchDefault
    /// Kaiming (He) normal for ReLU, fan-in mode: std = √(2 / fanIn), as `kaiming_normal_(nonlinearity='relu')`.
    case kaimingNormal
    /// Xavier (Glorot) normal: std = √(2 / (fanIn + fanOut)), as `xavier_normal_` with gain 1.
    case xavierNormal
    /// LeCun normal: std = √(1 / fanIn). Seed 003 calls this "Xavier" (`randn * sqrt(1/hidden)`).
    case lecunNormal

    /// The bias initialiser that goes with this weight initialiser when none is given: PyTorch's
    /// default draws biases too; every other scheme starts biases at zero, as the notebooks do.
    public var defaultBias: Initializer {
        self == .pytorchDefault ? .pytorchDefault : .zeros
    }

    /// Draws an `inputs` x `outputs` weight matrix.
    public func weight<Random: RandomSource>(inputs: Int, outputs: Int, random: inout Random) -> Matrix {
        Matrix(rows: inputs, columns: outputs,
               elements: draw(count: inputs * outputs, fanIn: inputs, fanOut: outputs, random: &random))
    }

    /// Draws a 1 x `outputs` bias row for a layer with `inputs` inputs.
    public func bias<Random: RandomSource>(inputs: Int, outputs: Int, random: inout Random) -> Matrix {
        Matrix(rows: 1, columns: outputs,
               elements: draw(count: outputs, fanIn: inputs, fanOut: outputs, random: &random))
    }

    private func draw<Random: RandomSource>(count: Int, fanIn: Int, fanOut: Int, random: inout Random) -> [Double] {
        let fanIn = Double(Swift.max(fanIn, 1))
        let fanOut = Double(Swift.max(fanOut, 1))
        switch self {
        case .zeros:
            return [Double](repeating: 0, count: count)
        case .constant(let value):
            return [Double](repeating: value, count: count)
        case .normal(let std):
            return (0..<count).map { _ in random.nextStandardNormal() * std }
        case .uniform(let bound):
            return (0..<count).map { _ in -bound + 2 * bound * random.nextUniform() }
        case .pytorchDefault:
            let bound = 1 / fanIn.squareRoot()
            return (0..<count).map { _ in -bound + 2 * bound * random.nextUniform() }
        case .kaimingNormal:
            let std = (2.0 / fanIn).squareRoot()
            return (0..<count).map { _ in random.nextStandardNormal() * std }
        case .xavierNormal:
            let std = (2.0 / (fanIn + fanOut)).squareRoot()
            return (0..<count).map { _ in random.nextStandardNormal() * std }
        case .lecunNormal:
            let std = (1.0 / fanIn).squareRoot()
            return (0..<count).map { _ in random.nextStandardNormal() * std }
        }
    }
}
