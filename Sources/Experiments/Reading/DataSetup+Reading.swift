import Configuration
import Datasets
import NeuralNet

extension DataSetup {
    /// The keys of `data` that every source has, besides `source` and `split`.
    public struct Keys: SettingDeclarations {
        let standardize: SettingKey<Bool> = .flag("standardize", default: false, "scale inputs by the training rows' mean and deviation")
        let divideBy: SettingKey<Double?> = .number("divide_by", .positive,
                                                    "divide every input value by this first (255 for pixels), before any standardising")
        let classes: SettingKey<[String]?> = .texts("classes", "a name for each class, label 0 first (replacing the source's own names)")
        public init() {}
    }

    /// The keys of `data` besides the source's own and the common ones.
    public struct SourceKeys: SettingDeclarations {
        /// Which registered source makes the rows.
        public let source: SettingKey<String> = .choice("source", among: Registry.dataSources.map { $0.name },
                                                        "the generator or file format; the other keys depend on it")
        public init() {}
    }

    /// The key of `data` that holds the split.
    public static let splitKey = "split"

    /// Reads `data`: a `source` with the settings it declares, an optional `split`, and the keys
    /// every source has (`standardize`, `divide_by`, `classes`).
    init(_ reader: SpecReader) throws(SpecError) {
        let sourceKey = SourceKeys.key(\.source)
        let name = try reader.required(sourceKey).choice(Registry.dataSources.map { $0.name })
        let kind = Registry.dataSource(named: name)!
        let common = Keys.declarations.map(\.key)
        let own = kind.settings.map(\.key)
        let settings = try reader.settings(of: kind, besides: [sourceKey, DataSetup.splitKey] + common)
        let values = try reader.settings(Keys.self, besides: [sourceKey, DataSetup.splitKey] + own)
        let split = try reader.optional(DataSetup.splitKey).map { reader throws(SpecError) in try SplitSetup(reader) } ?? .none
        do {
            self.init(source: try DataSourceSetup(kind, settings: settings), split: split,
                      standardize: values.standardize, divisor: values.divideBy, classes: values.classes)
        } catch {
            throw reader.locating(error.key).error(error.message)
        }
    }
}

extension SplitSetup {
    /// The keys of `data.split`.
    public struct Keys: SettingDeclarations {
        let test: SettingKey<Double> = .number(Split.test.rawValue, NumberBounds(minimum: 0, maximum: 0.95), default: 0, "the fraction of all rows held out for testing")
        let validation: SettingKey<Double> = .number(Split.validation.rawValue, NumberBounds(minimum: 0, maximum: 0.95), default: 0,
                                                     "the fraction of the remaining rows held out for validation")
        let method: SettingKey<Method> = .choice("method", default: .shuffled,
                                                 "shuffled (train_test_split), stratified (every class in proportion) or per-class-halves (seed 002)")
        public init() {}
    }

    /// Reads `split`: `test` and `validation` fractions and a `method`.
    init(_ reader: SpecReader) throws(SpecError) {
        let values = try reader.settings(Keys.self)
        self.init(test: values.test, validation: values.validation, method: values.method)
    }
}

extension SplitSetup.Method: SettingChoice {}
