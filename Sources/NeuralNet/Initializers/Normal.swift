import Configuration
import Wording

/// Normal with mean 0 and a given standard deviation (`randn * std`).
public struct Normal: ConfigurableInitializer, Equatable {
    public static let name = "normal"
    public static let summary = "normal with mean 0 and the given standard deviation (np.random.randn · σ)"
    public struct Keys: SettingDeclarations {
        let std: SettingKey<Double> = .number("normal", .positive, "the standard deviation σ")
        public init() {}
    }
    /// The standard deviation.
    public let std: Double
    public init(std: Double) { self.std = std }
    public init(parameter: Double?) { std = parameter ?? 1 }
    public var parameterValue: Double? { std }
    public var title: String { "normal σ = \(std.shortText)" }
    public func draw<Random: RandomSource>(count: Int, fanIn: Int, fanOut: Int, random: inout Random) -> [Double] {
        normalSamples(count, std: std, random: &random)
    }
}
