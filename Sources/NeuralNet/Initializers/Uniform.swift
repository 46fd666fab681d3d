import Configuration
import Wording

/// Uniform on [−bound, bound).
public struct Uniform: ConfigurableInitializer, Equatable {
    public static let name = "uniform"
    public static let summary = "uniform on [−bound, bound)"
    public struct Keys: SettingDeclarations {
        let bound: SettingKey<Double> = .number("uniform", .positive, "the bound")
        public init() {}
    }
    /// The bound.
    public let bound: Double
    public init(bound: Double) { self.bound = bound }
    public init(parameter: Double?) { bound = parameter ?? 1 }
    public var parameterValue: Double? { bound }
    public var title: String { "uniform ±\(bound.shortText)" }
    public func draw<Random: RandomSource>(count: Int, fanIn: Int, fanOut: Int, random: inout Random) -> [Double] {
        uniformSamples(count, bound: bound, random: &random)
    }
}
