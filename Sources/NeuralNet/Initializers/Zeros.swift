/// All zeros.
public struct Zeros: ConfigurableInitializer, Equatable {
    public static let name = "zeros"
    public static let summary = "every weight 0"
    public init() {}
    public init(parameter: Double?) {}
    public var title: String { "zeros" }
    public func draw<Random: RandomSource>(count: Int, fanIn: Int, fanOut: Int, random: inout Random) -> [Double] {
        [Double](repeating: 0, count: count)
    }
}
