extension DataSetup {
    /// Reads `data`: a `source` with its parameters, an optional `split` and `standardize`.
    init(_ reader: SpecReader) throws(SpecError) {
        let source = try reader.required("source").choice(DataSource.names)
        let common = ["source", "split", "standardize"]
        let members = try reader.keys(allowed: common + (DataSource.parameters[source] ?? []))
        self.source = try DataSource(source, members, reader: reader)
        self.split = try members["split"].map { reader throws(SpecError) in try SplitSetup(reader) } ?? .none
        self.standardize = try members["standardize"]?.bool() ?? false
    }
}

extension DataSource {
    static let names = ["gaussians", "threshold", "moons", "circles", "blobs", "xor", "spirals", "function", "csv", "npz"]

    /// The keys each source accepts.
    static let parameters: [String: [String]] = [
        "gaussians": ["means", "std", "counts"],
        "threshold": ["range", "count", "threshold"],
        "moons": ["samples", "noise"],
        "circles": ["samples", "noise", "factor"],
        "blobs": ["samples", "centers", "box", "std"],
        "xor": ["samples", "noise"],
        "spirals": ["samples", "arms", "noise"],
        "function": ["formula", "range", "samples", "noise"],
        "csv": ["path", "features", "label"],
        "npz": ["path", "inputs", "labels"],
    ]

    init(_ name: String, _ members: [String: SpecReader], reader: SpecReader) throws(SpecError) {
        func samples(_ fallback: Int) throws(SpecError) -> Int { try members["samples"]?.integer(minimum: 1) ?? fallback }
        func noise(_ fallback: Double) throws(SpecError) -> Double { try members["noise"]?.number(in: 0...1e6) ?? fallback }
        switch name {
        case "gaussians":
            let means = try members["means"]?.points(dimensions: 2) ?? [[-1, -1], [1, 1]]
            let std = try members["std"]?.numbers() ?? [1]
            guard std.count == 1 || std.count == means.count, std.allSatisfy({ $0 > 0 }) else {
                throw (members["std"] ?? reader).expected("one positive deviation, or one per mean (\(means.count))")
            }
            var counts = [Int]()
            if let countsReader = members["counts"] {
                for element in try countsReader.array(minimumCount: 1) { counts.append(try element.integer(minimum: 1)) }
                guard counts.count == 1 || counts.count == means.count else { throw countsReader.expected("one count, or one per mean (\(means.count))") }
            }
            if counts.isEmpty { counts = [50] }
            self = .gaussians(means: means, std: std.count == 1 ? Array(repeating: std[0], count: means.count) : std,
                              counts: counts.count == 1 ? Array(repeating: counts[0], count: means.count) : counts)
        case "threshold":
            self = .threshold(range: try members["range"]?.interval() ?? -5...5,
                              count: try members["count"]?.integer(minimum: 2) ?? 100,
                              threshold: try members["threshold"]?.number() ?? 0)
        case "moons":
            self = .moons(samples: try samples(100), noise: try noise(0))
        case "circles":
            self = .circles(samples: try samples(100), noise: try noise(0),
                            factor: try members["factor"]?.number(in: 0...1) ?? 0.8)
        case "blobs":
            let centers = try members["centers"].map { reader throws(SpecError) -> [[Double]]? in
                if case .number = reader.value { return nil }
                return try reader.points(dimensions: 2)
            } ?? nil
            var count = centers?.count ?? 3
            if centers == nil, let countReader = members["centers"] { count = try countReader.integer(minimum: 1) }
            let std = try members["std"]?.numbers() ?? [1]
            guard std.count == 1 || std.count == count, std.allSatisfy({ $0 > 0 }) else {
                throw (members["std"] ?? reader).expected("one positive deviation, or one per centre (\(count))")
            }
            self = .blobs(samples: try samples(100), centers: centers, count: count,
                          box: try members["box"]?.interval() ?? -10...10, std: std)
        case "xor":
            self = .xor(samples: try samples(200), noise: try noise(0))
        case "spirals":
            self = .spirals(samples: try samples(300), arms: try members["arms"]?.integer(minimum: 2) ?? 3, noise: try noise(0.2))
        case "function":
            let formulaReader = try reader.required("formula")
            let formula = try formulaReader.string()
            _ = try formulaReader.expression(formula, variable: "x")
            self = .function(formula: formula, range: try members["range"]?.interval() ?? -1...1,
                             samples: try samples(1000), noise: try noise(0))
        case "csv":
            let features = try members["features"]?.strings(minimumCount: 1)
            self = .csv(path: try reader.required("path").string(), features: features, label: try members["label"]?.string() ?? "label")
        default:
            self = .npz(path: try reader.required("path").string(), inputs: try members["inputs"]?.string() ?? "arr_0",
                        labels: try members["labels"]?.string() ?? "arr_1")
        }
    }
}

extension SplitSetup {
    /// Reads `split`: `test` and `validation` fractions and a `method`.
    init(_ reader: SpecReader) throws(SpecError) {
        let members = try reader.keys(allowed: ["test", "validation", "method"])
        test = try members["test"]?.number(in: 0...0.95) ?? 0
        validation = try members["validation"]?.number(in: 0...0.95) ?? 0
        method = Method(rawValue: try members["method"]?.choice(Method.allCases.map(\.rawValue)) ?? "shuffled") ?? .shuffled
    }
}
