import Configuration
import NeuralNet
import Wording

/// One fact of an experiment's results, as a value in a unit and as the text answers quote:
/// `{{final_loss}}` is a number shown to four significant digits, `{{test_accuracy}}` a fraction
/// shown as a percentage, `{{convergence_epoch}}` an epoch or the reason there is none.
public struct Fact: Sendable, Equatable, Encodable {
    /// The value, by kind.
    public enum Value: Sendable, Equatable {
        /// How many of something (runs, steps, passing gradients).
        case count(Int)
        /// An epoch number.
        case epoch(Int)
        /// A quantity such as a loss, a weight or a learning rate.
        case number(Double)
        /// A fraction, shown as a percentage (an accuracy).
        case fraction(Double)
        /// A difference of percentages, in percentage points (a train − test gap).
        case points(Double)
        /// Words: a name, an equation, a description of a map.
        case text(String)
        /// No value, with the reason ("never (the run diverged)").
        case missing(String)
    }

    /// The value.
    public let value: Value
    /// How answers and tables show it.
    public let text: String

    /// A fact of `value`, shown as `text` or else in the value's own format.
    public init(_ value: Value, text: String? = nil) {
        self.value = value
        self.text = text ?? Fact.format(value)
    }

    /// A count.
    public static func count(_ value: Int) -> Fact { Fact(.count(value)) }
    /// An epoch.
    public static func epoch(_ value: Int) -> Fact { Fact(.epoch(value)) }
    /// A number, to four significant digits unless `text` says otherwise.
    public static func number(_ value: Double, text: String? = nil) -> Fact { Fact(.number(value), text: text) }
    /// A fraction, as a percentage.
    public static func fraction(_ value: Double) -> Fact { Fact(.fraction(value)) }
    /// Words.
    public static func text(_ value: String) -> Fact { Fact(.text(value)) }
    /// No value, and why.
    public static func missing(_ reason: String) -> Fact { Fact(.missing(reason)) }

    static func format(_ value: Value) -> String {
        switch value {
        case .count(let n), .epoch(let n): "\(n)"
        case .number(let x): x.shortText
        case .fraction(let x): x.percentText
        case .points(let x): x.text(significantDigits: 3) + " points"
        case .text(let words), .missing(let words): words
        }
    }

    private enum CodingKeys: String, CodingKey { case text, value, unit }

    /// `{"text": "92%", "value": 0.92, "unit": "fraction"}`; words have a text alone.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        switch value {
        case .count(let n): try container.encode(n, forKey: .value); try container.encode("count", forKey: .unit)
        case .epoch(let n): try container.encode(n, forKey: .value); try container.encode("epoch", forKey: .unit)
        case .number(let x): try container.encode(x, forKey: .value); try container.encode("number", forKey: .unit)
        case .fraction(let x): try container.encode(x, forKey: .value); try container.encode("fraction", forKey: .unit)
        case .points(let x): try container.encode(x, forKey: .value); try container.encode("percentage points", forKey: .unit)
        case .text, .missing: break
        }
    }
}
