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

extension FigureRequest {
    /// `"history"` or `{"type": "decision-surface", "split": "test", "x": [0, 1.2], "y": [0, 1]}`,
    /// element `index` of `figures`; its type and options are checked by the report's figure catalog.
    init(_ reader: SpecReader, index: Int) throws(SpecError) {
        if case .string(let type) = reader.value {
            self.init(type: type, index: index)
            return
        }
        guard case .object(var members) = reader.value else {
            throw reader.expected(#"a figure's name, or {"type": name, ...options}"#)
        }
        let type = try reader.required("type").string()
        members["type"] = nil
        self.init(type: type, options: members, index: index)
    }
}

extension Question {
    /// `{"question": "...", "answer": "... {{fact}} ..."}`.
    init(_ reader: SpecReader) throws(SpecError) {
        _ = try reader.keys(allowed: ["question", "answer"])
        question = try reader.required("question").string()
        answer = try reader.required("answer").string()
        for name in Question.placeholders(in: answer) where name.isEmpty || name.contains(where: \.isWhitespace) {
            throw try reader.required("answer").error("\"{{\(name)}}\" is not a fact name (names have no spaces)")
        }
    }

    /// The names inside `{{…}}` in `text`, in order.
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            names.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return names
    }
}
