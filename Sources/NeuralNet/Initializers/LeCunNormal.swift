/// LeCun normal: std = √(1 / fanIn). Seed 003 calls this "Xavier" (`randn * sqrt(1/hidden)`).
public struct LeCunNormal: ConfigurableInitializer, Equatable {
    public static let name = "lecun"
    public static let summary = "LeCun normal, σ = √(1 / fan-in) (what seed 003 calls Xavier)"
    public init() {}
    public init(parameter: Double?) {}
    public var title: String { "LeCun normal" }
    public func draw<Random: RandomSource>(count: Int, fanIn: Int, fanOut: Int, random: inout Random) -> [Double] {
        normalSamples(count, std: (1.0 / Double(fanIn)).squareRoot(), random: &random)
    }
}
