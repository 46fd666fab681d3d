import Configuration
import Wording

/// Every element equal to one value.
public struct Constant: ConfigurableInitializer, Equatable {
    public static let name = "constant"
    public static let summary = "every weight the given value"
    public struct Keys: SettingDeclarations {
        let value: SettingKey<Double> = .number("constant", .any, "the value")
        public init() {}
    }
    /// The value.
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public init(parameter: Double?) { value = parameter ?? 0 }
    public var parameterValue: Double? { value }
    public var title: String { "constant \(value.shortText)" }
    public func draw<Random: RandomSource>(count: Int, fanIn: Int, fanOut: Int, random: inout Random) -> [Double] {
        [Double](repeating: value, count: count)
    }
}
