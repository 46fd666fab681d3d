import NeuralNet

extension MinimizeSetup {
    /// The top-level keys of a minimisation experiment besides the common ones (`basins` holds `basinSettings`).
    public static let settings = [
        Setting("objective", .text, default: nil, "the function f minimised, a formula in the variable"),
        Setting("residual", .text, default: nil, required: false,
                "the quantity whose magnitude must fall below the tolerance (default: the objective)"),
        Setting("variable", .text, default: .text("x"), "the variable's name"),
        Setting("starts", .numbers(.any, count: nil), default: nil, "the starting points"),
        Setting("lr", .numbers(.positive, count: nil), default: nil, "the learning rates; every start runs with each"),
        Setting("tolerance", .number(.positive), default: .number(1e-6), "a descent converges once |residual| is below this"),
        Setting("gradient_tolerance", .number(.positive), default: nil, required: false,
                "a descent also converges once |f′(x)| is below this (for minima whose value is not 0; default: the tolerance rule alone)"),
        Setting("max_iterations", .integer(minimum: 1), default: .integer(1000), "updates before a descent gives up"),
    ]

    /// The keys of `basins`, the starts scanned for the basin map.
    public static let basinSettings = [
        Setting("range", .interval, default: nil, "the interval of starts scanned (default: the starts' range ± 1)"),
        Setting("count", .integer(minimum: 2), default: .integer(201), "how many starts the map scans"),
    ]

    /// The top-level keys of a minimisation experiment besides the common ones.
    public static var keys: [String] { settings.map(\.key) + ["basins"] }

    /// Reads the keys of a minimisation experiment from the document `root`; `besides` are the
    /// other keys it may hold.
    init(_ root: SpecReader, besides: [String]) throws(SpecError) {
        let values = try root.settings(MinimizeSetup.settings, besides: besides + ["basins"])
        variable = values.text("variable") ?? "x"
        objective = try root.locating("objective").formula(variable: variable)
        residual = values["residual"] == nil ? nil : try root.locating("residual").formula(variable: variable)
        starts = values.numbers("starts")
        learningRates = values.numbers("lr")
        tolerance = values.number("tolerance")
        gradientTolerance = values["gradient_tolerance"] == nil ? nil : values.number("gradient_tolerance")
        maxIterations = values.integer("max_iterations")
        if let basins = try root.optional("basins") {
            let fields = try basins.settings(MinimizeSetup.basinSettings)
            let range = fields.numbers("range")
            basinRange = range[0]...range[1]
            basinCount = fields.integer("count")
        } else {
            basinRange = (starts.min()! - 1)...(starts.max()! + 1)
            basinCount = 201
        }
    }
}

extension GradientCheckSetup {
    /// The top-level keys of a gradient-check experiment besides the common ones.
    public static let settings = [
        Setting("epsilon", .number(.positive), default: .number(1e-6), "the central-difference step ε"),
        Setting("tolerance", .number(.positive), default: .number(1e-6), "the largest absolute deviation that passes"),
    ]

    /// The top-level keys of a gradient-check experiment besides the common ones.
    public static var keys: [String] { settings.map(\.key) }

    /// Reads `epsilon` and `tolerance` from the document `root`; `besides` are the other keys it may hold.
    init(_ root: SpecReader, besides: [String], seed: UInt32) throws(SpecError) {
        let values = try root.settings(GradientCheckSetup.settings, besides: besides)
        epsilon = values.number("epsilon")
        tolerance = values.number("tolerance")
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
