/// The kinds of value a setting takes.
public indirect enum SettingKind: Sendable, Equatable {
    /// The largest magnitude an integer setting may have: JSON numbers are doubles, exact up to
    /// 2⁵³, and a file's integers are read only below 10¹⁵, where every one is exact.
    public static let largestInteger = 999_999_999_999_999

    /// A finite number within bounds.
    case number(NumberBounds)
    /// An integer of at least `minimum`.
    case integer(minimum: Int)
    /// A random seed: an integer from 0 to 2³² − 1, as NumPy's `RandomState` takes.
    case seed
    /// true or false.
    case flag
    /// A string.
    case text
    /// One of these strings.
    case choice([String])
    /// A formula in one variable (`x^2 + sin(x)`), kept as its text once it parses.
    case formula(variable: String)
    /// A list of numbers, each within bounds, of exactly `count` when given.
    case numbers(NumberBounds, count: Int?)
    /// A list of integers of at least `minimum`.
    case integers(minimum: Int)
    /// A list of strings.
    case texts
    /// `[low, high]` with low < high.
    case interval
    /// A list of points of `dimensions` numbers.
    case points(dimensions: Int)
    /// Any one of these kinds (the first that fits).
    case either([SettingKind])
}

/// Bounds on a number: `minimum ≤ x ≤ maximum`, either end open when `excluding` it.
public struct NumberBounds: Sendable, Equatable {
    public var minimum: Double?
    public var maximum: Double?
    public var excludesMinimum = false
    public var excludesMaximum = false

    /// Any finite number.
    public static let any = NumberBounds()
    /// x > 0.
    public static let positive = NumberBounds(minimum: 0, excludesMinimum: true)
    /// x ≥ 0.
    public static let nonNegative = NumberBounds(minimum: 0)
    /// 0 ≤ x ≤ 1.
    public static let fraction = NumberBounds(minimum: 0, maximum: 1)
    /// 0 ≤ x < 1 (a decay rate such as Adam's β).
    public static let decay = NumberBounds(minimum: 0, maximum: 1, excludesMaximum: true)

    /// Bounds from `minimum` to `maximum`.
    public init(minimum: Double? = nil, maximum: Double? = nil, excludesMinimum: Bool = false, excludesMaximum: Bool = false) {
        self.minimum = minimum
        self.maximum = maximum
        self.excludesMinimum = excludesMinimum
        self.excludesMaximum = excludesMaximum
    }

    /// Whether `value` is within the bounds.
    public func contains(_ value: Double) -> Bool {
        if let minimum, excludesMinimum ? value <= minimum : value < minimum { return false }
        if let maximum, excludesMaximum ? value >= maximum : value > maximum { return false }
        return true
    }
}
