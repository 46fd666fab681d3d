import Configuration

extension GradientCheckSetup {
    /// The top-level keys of a gradient-check experiment besides the common ones.
    public struct Keys: SettingDeclarations {
        let epsilon: SettingKey<Double> = .number("epsilon", .positive, default: 1e-6, "the central-difference step ε")
        let tolerance: SettingKey<Double> = .number("tolerance", .positive, default: 1e-6, "the largest absolute deviation that passes")
        public init() {}
    }

    /// The top-level keys of a gradient-check experiment besides the common ones.
    public static var keys: [String] { Keys.declarations.map(\.key) }

    /// Reads `epsilon` and `tolerance` from the document `root`; `besides` are the other keys it may hold.
    init(_ root: SpecReader, besides: [String], seed: UInt32) throws(SpecError) {
        let values = try root.settings(Keys.self, besides: besides)
        epsilon = values.epsilon
        tolerance = values.tolerance
        self.seed = seed
    }
}
