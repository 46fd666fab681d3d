import Configuration

/// How a linear layer's weights (or biases) are drawn at creation.
///
/// Samples are drawn in row-major order of the (inputs x outputs) weight, so a seeded NumPy
/// `np.random.randn(inputs, outputs) * std` and `Normal(std:)` with the same stream agree exactly.
/// `fanIn` is the number of inputs, `fanOut` the number of outputs, as in PyTorch's `nn.init`.
public protocol Initializer: Sendable {
    /// Draws `count` values for a layer of `fanIn` inputs and `fanOut` outputs.
    func draw<Random: RandomSource>(count: Int, fanIn: Int, fanOut: Int, random: inout Random) -> [Double]
    /// The bias initialiser that goes with this weight initialiser when none is given.
    var defaultBias: any Initializer { get }
}

extension Initializer {
    /// Every scheme but PyTorch's default starts biases at zero, as the notebooks do.
    public var defaultBias: any Initializer { Zeros() }

    /// Draws an `inputs` x `outputs` weight matrix.
    public func weight<Random: RandomSource>(inputs: Int, outputs: Int, random: inout Random) -> Matrix {
        Matrix(rows: inputs, columns: outputs, elements: draw(count: inputs * outputs, fanIn: max(inputs, 1), fanOut: max(outputs, 1), random: &random))
    }

    /// Draws a 1 x `outputs` bias row for a layer with `inputs` inputs.
    public func bias<Random: RandomSource>(inputs: Int, outputs: Int, random: inout Random) -> Matrix {
        Matrix(rows: 1, columns: outputs, elements: draw(count: outputs, fanIn: max(inputs, 1), fanOut: max(outputs, 1), random: &random))
    }
}

/// An initialiser an experiment file can name: `"kaiming"`, or with its one parameter, `{"normal": 0.01}`.
public protocol ConfigurableInitializer: Initializer, Configurable {
    /// The initialiser with `parameter` (nil exactly when it takes none).
    init(parameter: Double?)
    /// Its parameter's value.
    var parameterValue: Double? { get }
    /// How pages describe it ("Kaiming normal", "normal σ = 0.01").
    var title: String { get }
}

extension ConfigurableInitializer {
    /// The parameter it takes, if any (a standard deviation, a bound, a value): its one setting,
    /// keyed by its own name (`{"normal": 0.01}`).
    public static var parameter: Setting? { settings.first }
    public var parameterValue: Double? { nil }
}

/// Normal samples times `std`, the standard deviation a scheme gives.
func normalSamples<Random: RandomSource>(_ count: Int, std: Double, random: inout Random) -> [Double] {
    (0..<count).map { _ in random.nextStandardNormal() * std }
}

/// Uniform samples on [−bound, bound).
func uniformSamples<Random: RandomSource>(_ count: Int, bound: Double, random: inout Random) -> [Double] {
    (0..<count).map { _ in -bound + 2 * bound * random.nextUniform() }
}
