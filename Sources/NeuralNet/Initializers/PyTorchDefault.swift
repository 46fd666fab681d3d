/// PyTorch's `nn.Linear` default: weight and bias uniform on ±1/√fanIn.
public struct PyTorchDefault: ConfigurableInitializer, Equatable {
    public static let name = "pytorch"
    public static let summary = "PyTorch's nn.Linear default: weights and biases uniform on ±1/√fan-in"
    public init() {}
    public init(parameter: Double?) {}
    public var title: String { "PyTorch default" }
    /// PyTorch's default draws the biases too.
    public var defaultBias: any Initializer { PyTorchDefault() }
    public func draw<Random: RandomSource>(count: Int, fanIn: Int, fanOut: Int, random: inout Random) -> [Double] {
        uniformSamples(count, bound: 1 / Double(fanIn).squareRoot(), random: &random)
    }
}
