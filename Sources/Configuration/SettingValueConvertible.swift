/// A Swift type a setting's value is read back as: `Double` for a number, `[String]` for a list
/// of strings, `Double?` for a number a file may leave out. Each setting is declared as a
/// `SettingKey` of one of these types, so the kind of value it takes and the type its part reads
/// cannot disagree.
public protocol SettingValueConvertible: Sendable {
    /// The type without its optionality: `Double` for both `Double` and `Double?`.
    associatedtype Plain: PlainSettingValue
    /// The value `value` holds for a setting of `kind`; nil when it does not fit (or is absent and
    /// this type is not optional).
    static func read(_ value: SettingValue?, kind: SettingKind) -> Self?
    /// The value as a setting holds it; nil for an absent optional.
    var settingValue: SettingValue? { get }
    /// Whether a file may leave the setting out without it having a default.
    static var isOptional: Bool { get }
}

/// A setting's type that always has a value (not an optional).
public protocol PlainSettingValue: SettingValueConvertible where Plain == Self {
    /// The value `value` holds for a setting of `kind`, or nil when it does not fit.
    init?(setting value: SettingValue, kind: SettingKind)
    /// The value as a setting holds it.
    var plainSettingValue: SettingValue { get }
}

extension PlainSettingValue {
    public static func read(_ value: SettingValue?, kind: SettingKind) -> Self? {
        value.flatMap { Self(setting: $0, kind: kind) }
    }
    public var settingValue: SettingValue? { plainSettingValue }
    public static var isOptional: Bool { false }
}

extension Optional: SettingValueConvertible where Wrapped: PlainSettingValue {
    public typealias Plain = Wrapped
    /// Absent reads as nil; a value present must fit.
    public static func read(_ value: SettingValue?, kind: SettingKind) -> Wrapped?? {
        guard let value else { return .some(nil) }
        return Wrapped(setting: value, kind: kind).map { .some($0) }
    }
    public var settingValue: SettingValue? { self?.plainSettingValue }
    public static var isOptional: Bool { true }
}

extension Double: PlainSettingValue {
    public init?(setting value: SettingValue, kind: SettingKind) {
        guard let number = value.number else { return nil }
        if case .number(let bounds) = kind, !bounds.contains(number) { return nil }
        self = number
    }
    public var plainSettingValue: SettingValue { .number(self) }
}

extension Int: PlainSettingValue {
    public init?(setting value: SettingValue, kind: SettingKind) {
        guard let integer = value.integer else { return nil }
        if case .integer(let minimum) = kind, integer < minimum { return nil }
        self = integer
    }
    public var plainSettingValue: SettingValue { .integer(self) }
}

/// A random seed, as NumPy's `RandomState` takes: 0 to 2³² − 1.
extension UInt32: PlainSettingValue {
    public init?(setting value: SettingValue, kind: SettingKind) {
        guard let integer = value.integer, let seed = UInt32(exactly: integer) else { return nil }
        self = seed
    }
    public var plainSettingValue: SettingValue { .integer(Int(self)) }
}

extension Bool: PlainSettingValue {
    public init?(setting value: SettingValue, kind: SettingKind) {
        guard case .flag(let flag) = value else { return nil }
        self = flag
    }
    public var plainSettingValue: SettingValue { .flag(self) }
}

extension String: PlainSettingValue {
    public init?(setting value: SettingValue, kind: SettingKind) {
        guard case .text(let text) = value else { return nil }
        if case .choice(let choices) = kind, !choices.contains(text) { return nil }
        self = text
    }
    public var plainSettingValue: SettingValue { .text(self) }
}

extension Array: SettingValueConvertible where Element: ListSettingElement {
    public typealias Plain = Self
}

extension Array: PlainSettingValue where Element: ListSettingElement {
    public init?(setting value: SettingValue, kind: SettingKind) {
        guard let elements = Element.list(from: value), !elements.isEmpty, Element.fit(elements, kind) else { return nil }
        self = elements
    }
    public var plainSettingValue: SettingValue { Element.settingValue(of: self) }
}

/// What a list setting holds: numbers, integers, strings or points.
public protocol ListSettingElement: Sendable {
    /// The list `value` holds, or nil when it is not a list of these.
    static func list(from value: SettingValue) -> [Self]?
    /// `list` as a setting's value.
    static func settingValue(of list: [Self]) -> SettingValue
    /// Whether `list` keeps the bounds and counts of `kind`.
    static func fit(_ list: [Self], _ kind: SettingKind) -> Bool
}

extension ListSettingElement {
    public static func fit(_ list: [Self], _ kind: SettingKind) -> Bool { true }
}

extension Double: ListSettingElement {
    public static func list(from value: SettingValue) -> [Double]? { value.numbers }
    public static func settingValue(of list: [Double]) -> SettingValue { .numbers(list) }
    public static func fit(_ list: [Double], _ kind: SettingKind) -> Bool {
        guard case .numbers(let bounds, let count) = kind else { return true }
        return list.allSatisfy(bounds.contains) && (count == nil || list.count == count)
    }
}

extension Int: ListSettingElement {
    public static func list(from value: SettingValue) -> [Int]? {
        if case .integers(let values) = value { return values }
        return nil
    }
    public static func settingValue(of list: [Int]) -> SettingValue { .integers(list) }
    public static func fit(_ list: [Int], _ kind: SettingKind) -> Bool {
        guard case .integers(let minimum) = kind else { return true }
        return list.allSatisfy { $0 >= minimum }
    }
}

extension String: ListSettingElement {
    public static func list(from value: SettingValue) -> [String]? {
        if case .texts(let values) = value { return values }
        return nil
    }
    public static func settingValue(of list: [String]) -> SettingValue { .texts(list) }
}

/// A point: its coordinates.
extension Array: ListSettingElement where Element == Double {
    public static func list(from value: SettingValue) -> [[Double]]? {
        if case .points(let points) = value { return points }
        return nil
    }
    public static func settingValue(of list: [[Double]]) -> SettingValue { .points(list) }
    public static func fit(_ list: [[Double]], _ kind: SettingKind) -> Bool {
        guard case .points(let dimensions) = kind else { return true }
        return list.allSatisfy { $0.count == dimensions }
    }
}

/// `[low, high]`, an interval.
extension ClosedRange: SettingValueConvertible, PlainSettingValue where Bound == Double {
    public typealias Plain = Self
    public init?(setting value: SettingValue, kind: SettingKind) {
        guard let ends = value.numbers, ends.count == 2, ends[0] <= ends[1] else { return nil }
        self = ends[0]...ends[1]
    }
    public var plainSettingValue: SettingValue { .numbers([lowerBound, upperBound]) }
}

/// A setting that takes one of a fixed set of words, read as the enum whose raw values they are
/// (`precision`: `float64` or `float32`).
public protocol SettingChoice: PlainSettingValue, RawRepresentable<String>, CaseIterable {}

extension SettingChoice {
    public init?(setting value: SettingValue, kind: SettingKind) {
        guard case .text(let text) = value else { return nil }
        if case .choice(let choices) = kind, !choices.contains(text) { return nil }
        self.init(rawValue: text)
    }
    public var plainSettingValue: SettingValue { .text(rawValue) }
}
