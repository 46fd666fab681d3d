/// Kaiming (He) normal for ReLU, fan-in mode: std = √(2 / fanIn), as `kaiming_normal_(nonlinearity='relu')`.
public struct KaimingNormal: ConfigurableInitializer, Equatable {
    public static let name = "kaiming"
    public static let summary = "Kaiming (He) normal, σ = √(2 / fan-in), for ReLU networks"
    public init() {}
    public init(parameter: Double?) {}
    public var title: String { "Kaiming normal" }
    public func draw<Random: RandomSource>(count: Int, fanIn: Int, fanOut: Int, random: inout Random) -> [Double] {
        normalSamples(count, std: (2.0 / Double(fanIn)).squareRoot(), random: &random)
    }
}
