import Configuration
import NeuralNet

extension MinimizeSetup {
    /// The top-level keys of a minimisation experiment besides the common ones (`basins` holds `BasinKeys`).
    public struct Keys: SettingDeclarations {
        let objective: SettingKey<String> = .text("objective", "the function f minimised, a formula in the variable")
        let residual: SettingKey<String?> = .text("residual",
                                                  "the quantity whose magnitude must fall below the tolerance (default: the objective)")
        let variable: SettingKey<String> = .text("variable", default: "x", "the variable's name")
        let starts: SettingKey<[Double]> = .numbers("starts", .any, "the starting points")
        let learningRates: SettingKey<[Double]> = .numbers("lr", .positive, "the learning rates; every start runs with each")
        let tolerance: SettingKey<Double> = .number("tolerance", .positive, default: 1e-6, "a descent converges once |residual| is below this")
        let gradientTolerance: SettingKey<Double?> = .number("gradient_tolerance", .positive,
                                                             "a descent also converges once |f′(x)| is below this (for minima whose value is not 0; "
                                                             + "default: the tolerance rule alone)")
        let maxIterations: SettingKey<Int> = .integer("max_iterations", minimum: 1, default: 1000, "updates before a descent gives up")
        public init() {}
    }

    /// The keys of `basins`, the starts scanned for the basin map.
    public struct BasinKeys: SettingDeclarations {
        let range: SettingKey<ClosedRange<Double>?> = .interval("range", "the interval of starts scanned (default: the starts' range ± 1)")
        let count: SettingKey<Int> = .integer("count", minimum: 2, default: 201, "how many starts the map scans")
        public init() {}
    }

    /// The key of the starting points, which name a start's facts.
    public static var startsKey: String { Keys.key(\.starts) }
    /// The key of the learning rates, which name a rate's facts.
    public static var learningRatesKey: String { Keys.key(\.learningRates) }

    /// The key of the basin map's section.
    public static let basinsKey = "basins"

    /// The top-level keys of a minimisation experiment besides the common ones.
    public static var keys: [String] { Keys.declarations.map(\.key) + [basinsKey] }

    /// Reads the keys of a minimisation experiment from the document `root`; `besides` are the
    /// other keys it may hold.
    init(_ root: SpecReader, besides: [String]) throws(SpecError) {
        let values = try root.settings(Keys.self, besides: besides + [MinimizeSetup.basinsKey])
        variable = values.variable
        objective = try root.locating(Keys.key(\.objective)).formula(variable: variable)
        residual = values.residual == nil ? nil : try root.locating(Keys.key(\.residual)).formula(variable: variable)
        starts = values.starts
        learningRates = values.learningRates
        tolerance = values.tolerance
        gradientTolerance = values.gradientTolerance
        maxIterations = values.maxIterations
        let basins = try root.settings(BasinKeys.self, inSection: MinimizeSetup.basinsKey)
        basinRange = basins.range ?? (starts.min()! - 1)...(starts.max()! + 1)
        basinCount = basins.count
    }
}
