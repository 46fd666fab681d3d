import NeuralNet

/// y = formula(x) + noise·ε with x uniform on an interval (seed 001): a regression task.
public enum FunctionSource: ConfigurableDataSource {
    public static let name = "function"
    public static let summary = "samples of y = formula(x) + noise·ε with x uniform on an interval (seed 001): a regression"
    public static let settings = [
        Setting("formula", .formula(variable: "x"), default: nil, "y as a formula in x, e.g. \"x^2\" or \"sin(3*x)\""),
        Setting("range", .interval, default: .numbers([-1, 1]), "the interval x is drawn from, [low, high]"),
        DataSourceSettings.samples(default: 1000),
        Setting("noise", .number(NumberBounds(minimum: 0, maximum: 1e6)), default: .number(0), "the standard deviation of the noise added to y"),
    ]
    public static let isRegression = true

    public static func shape(_ settings: SettingValues) -> (rows: Int, columns: Int)? { (settings.integer("samples"), 2) }

    public static func truth(_ settings: SettingValues) -> Expression? { settings.formula("formula")?.expression }

    public static func load(_ settings: SettingValues, random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        guard let formula = settings.formula("formula") else { throw SettingError(key: "formula", "expected a formula in x") }
        let expression = formula.expression
        let range = settings.numbers("range")
        let data = SeedGenerators.function(expression, low: range[0], high: range[1], count: settings.integer("samples"),
                                           noise: settings.number("noise"), random: &random)
        if let row = data.targets.elements.firstIndex(where: { !$0.isFinite }) {
            let value = data.targets.elements[row]
            throw SettingError(key: "formula", "y = \(formula) is \(value.isNaN ? "NaN" : "infinite") at x = \(data.inputs[row, 0].shortText), inside the range "
                + "[\(range[0].shortText), \(range[1].shortText)]; choose a range where the formula is defined")
        }
        return SourceData(data)
    }

    public static func describe(_ settings: SettingValues) -> String {
        let range = settings.numbers("range")
        return "y = \(settings.text("formula") ?? "") + \(settings.number("noise").shortText)·ε, \(settings.integer("samples")) points, "
            + "x uniform on [\(range[0].shortText), \(range[1].shortText))"
    }
}
