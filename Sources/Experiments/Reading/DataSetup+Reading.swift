import NeuralNet

extension DataSetup {
    /// The keys of `data` that every source has, besides `source` and `split`.
    public static let settings = [
        Setting("standardize", .flag, default: .flag(false), "scale inputs by the training rows' mean and deviation"),
        Setting("divide_by", .number(.positive), default: nil, required: false,
                "divide every input value by this first (255 for pixels), before any standardising"),
        Setting("classes", .texts, default: nil, required: false,
                "a name for each class, label 0 first (replacing the source's own names)"),
    ]

    /// Reads `data`: a `source` with the settings it declares, an optional `split`, and the keys
    /// every source has (`standardize`, `divide_by`, `classes`).
    init(_ reader: SpecReader) throws(SpecError) {
        let name = try reader.required("source").choice(Registry.dataSources.map { $0.name })
        let kind = Registry.dataSource(named: name)!
        let common = DataSetup.settings.map(\.key)
        let settings = try reader.settings(kind.settings, besides: ["source", "split"] + common)
        if let problem = kind.check(settings) { throw reader.locating(problem.key).error(problem.message) }
        let members = try reader.keys(allowed: ["source", "split"] + common + kind.settings.map(\.key))
        let values = try reader.settings(DataSetup.settings, besides: ["source", "split"] + kind.settings.map(\.key))
        self.init(source: DataSourceSetup(kind, settings: settings),
                  split: try members["split"].map { reader throws(SpecError) in try SplitSetup(reader) } ?? .none,
                  standardize: values.flag("standardize"), divisor: values["divide_by"] == nil ? nil : values.number("divide_by"),
                  classes: values.texts("classes"))
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
