import Configuration
import NeuralNet
import Wording

/// y = formula(x) + noise·ε with x uniform on an interval (seed 001): a regression task.
public enum FunctionSource: ConfigurableDataSource {
    public static let name = "function"
    public static let summary = "samples of y = formula(x) + noise·ε with x uniform on an interval (seed 001): a regression"
    public struct Keys: SettingDeclarations {
        let formula: SettingKey<Formula> = .formula("formula", variable: "x", "y as a formula in x, e.g. \"x^2\" or \"sin(3*x)\"")
        let range: SettingKey<ClosedRange<Double>> = .interval("range", default: -1...1, "the interval x is drawn from, [low, high]")
        let samples = DataSourceSettings.samples(default: 1000)
        let noise: SettingKey<Double> = .number("noise", NumberBounds(minimum: 0, maximum: 1e6), default: 0, "the standard deviation of the noise added to y")
        public init() {}
    }
    public static let isRegression = true

    public static func shape(_ settings: Settings<Keys>) -> (rows: Int, columns: Int)? { (settings.samples, 2) }

    public static func truth(_ settings: Settings<Keys>) -> Formula? { settings.formula }

    public static func load(_ settings: Settings<Keys>, random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        let formula = settings.formula
        let range = settings.range
        let data = SeedGenerators.function(formula.expression, low: range.lowerBound, high: range.upperBound, count: settings.samples,
                                           noise: settings.noise, random: &random)
        if let row = data.targets.elements.firstIndex(where: { !$0.isFinite }) {
            let value = data.targets.elements[row]
            throw settings.error(\.formula, "y = \(formula) is \(value.isNaN ? "NaN" : "infinite") at x = \(data.inputs[row, 0].shortText), inside the range "
                + "[\(range.lowerBound.shortText), \(range.upperBound.shortText)]; choose a range where the formula is defined")
        }
        return SourceData(data)
    }

    public static func describe(_ settings: Settings<Keys>) -> String {
        let range = settings.range
        return "y = \(settings.formula.text) + \(settings.noise.shortText)·ε, \(settings.samples) points, "
            + "x uniform on [\(range.lowerBound.shortText), \(range.upperBound.shortText))"
    }
}
