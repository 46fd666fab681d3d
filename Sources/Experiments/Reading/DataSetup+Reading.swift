import NeuralNet

extension DataSetup {
    /// Reads `data`: a `source` with the settings it declares, an optional `split` and `standardize`.
    init(_ reader: SpecReader) throws(SpecError) {
        let name = try reader.required("source").choice(Registry.dataSources.map { $0.name })
        let kind = Registry.dataSource(named: name)!
        let settings = try reader.settings(kind.settings, besides: ["source", "split", "standardize"])
        if let problem = kind.check(settings) { throw reader.locating(problem.key).error(problem.message) }
        let members = try reader.keys(allowed: ["source", "split", "standardize"] + kind.settings.map(\.key))
        self.init(source: DataSourceSetup(kind, settings: settings),
                  split: try members["split"].map { reader throws(SpecError) in try SplitSetup(reader) } ?? .none,
                  standardize: try members["standardize"]?.bool() ?? false)
    }
}

extension SplitSetup {
    /// The keys of `data.split`.
    public static let settings = [
        Setting("test", .number(NumberBounds(minimum: 0, maximum: 0.95)), default: .number(0), "the fraction of all rows held out for testing"),
        Setting("validation", .number(NumberBounds(minimum: 0, maximum: 0.95)), default: .number(0),
                "the fraction of the remaining rows held out for validation"),
        Setting("method", .choice(Method.allCases.map(\.rawValue)), default: .text("shuffled"),
                "shuffled (train_test_split), stratified (every class in proportion) or per-class-halves (seed 002)"),
    ]

    /// Reads `split`: `test` and `validation` fractions and a `method`.
    init(_ reader: SpecReader) throws(SpecError) {
        let values = try reader.settings(SplitSetup.settings)
        self.init(test: values.number("test"), validation: values.number("validation"),
                  method: Method(rawValue: values.text("method") ?? "") ?? .shuffled)
    }
}
