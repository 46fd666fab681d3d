extension MinimizeSetup {
    /// The top-level keys of a minimisation experiment besides the common ones.
    static let keys = ["objective", "residual", "variable", "starts", "lr", "tolerance", "max_iterations", "basins"]

    /// Reads `objective`, `residual`, `starts`, `lr`, `tolerance`, `max_iterations` and `basins`
    /// from the document `root`, whose keys `members` have been checked.
    init(_ root: SpecReader, members: [String: SpecReader]) throws(SpecError) {
        variable = try members["variable"]?.string() ?? "x"
        let objectiveReader = try root.required("objective")
        objective = try objectiveReader.string()
        _ = try objectiveReader.expression(objective, variable: variable)
        residual = try members["residual"]?.string()
        if let residual { _ = try members["residual"]!.expression(residual, variable: variable) }
        starts = try root.required("starts").numbers()
        var rates: [Double] = []
        for element in try root.required("lr").array(minimumCount: 1) { rates.append(try element.positiveNumber()) }
        learningRates = rates
        tolerance = try members["tolerance"]?.positiveNumber() ?? 1e-6
        maxIterations = try members["max_iterations"]?.integer(minimum: 1) ?? 1000
        if let basins = members["basins"] {
            let fields = try basins.keys(allowed: ["range", "count"])
            basinRange = try basins.required("range").interval()
            basinCount = try fields["count"]?.integer(minimum: 2) ?? 201
        } else {
            basinRange = (starts.min()! - 1)...(starts.max()! + 1)
            basinCount = 201
        }
    }
}

extension GradientCheckSetup {
    /// The top-level keys of a gradient-check experiment besides the common ones.
    static let keys = ["epsilon", "tolerance"]

    /// Reads `epsilon` and `tolerance` from a document whose keys `members` have been checked.
    init(members: [String: SpecReader], seed: UInt32) throws(SpecError) {
        epsilon = try members["epsilon"]?.positiveNumber() ?? 1e-6
        tolerance = try members["tolerance"]?.positiveNumber() ?? 1e-6
        self.seed = seed
    }
}

extension FigureRequest {
    /// `"history"` or `{"type": "decision-surface", "split": "test", "x": [0, 1.2], "y": [0, 1]}`.
    init(_ reader: SpecReader, allowed: [Kind]) throws(SpecError) {
        let names = allowed.map(\.rawValue)
        if case .string = reader.value {
            self.init(kind: Kind(rawValue: try reader.choice(names))!)
            return
        }
        let members = try reader.keys(allowed: ["type", "x", "y", "split", "log", "title"])
        self.init(kind: Kind(rawValue: try reader.required("type").choice(names))!)
        x = try members["x"]?.interval()
        y = try members["y"]?.interval()
        split = try members["split"]?.choice(["train", "validation", "test", "all"])
        logarithmic = try members["log"]?.bool()
        title = try members["title"]?.string()
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
