/// Xavier (Glorot) normal: std = √(2 / (fanIn + fanOut)), as `xavier_normal_` with gain 1.
public struct XavierNormal: ConfigurableInitializer, Equatable {
    public static let name = "xavier"
    public static let summary = "Xavier (Glorot) normal, σ = √(2 / (fan-in + fan-out))"
    public init() {}
    public init(parameter: Double?) {}
    public var title: String { "Xavier normal" }
    public func draw<Random: RandomSource>(count: Int, fanIn: Int, fanOut: Int, random: inout Random) -> [Double] {
        normalSamples(count, std: (2.0 / Double(fanIn + fanOut)).squareRoot(), random: &random)
    }
}
