import Wording

extension NumberBounds {
    /// "a positive number", "a number from 0 to 1": what an error says was expected.
    public var expectation: String {
        switch (minimum, maximum) {
        case (nil, nil): return "a number"
        case (0, nil) where excludesMinimum: return "a positive number"
        case (let low?, nil): return excludesMinimum ? "a number above \(low.cleanText)" : "a number of at least \(low.cleanText)"
        case (nil, let high?): return excludesMaximum ? "a number below \(high.cleanText)" : "a number of at most \(high.cleanText)"
        case (let low?, let high?):
            let from = excludesMinimum ? "above \(low.cleanText)" : "from \(low.cleanText)"
            let to = excludesMaximum ? "up to, not including, \(high.cleanText)" : "to \(high.cleanText)"
            return "a number \(from) \(to)"
        }
    }
}

extension SettingKind {
    /// What a value of this kind is, for a message: "a positive number", "true or false".
    public var expectation: String {
        switch self {
        case .number(let bounds): bounds.expectation
        case .integer(let minimum): "an integer of at least \(minimum)"
        case .seed: "an integer from 0 to \(UInt32.max)"
        case .flag: "true or false"
        case .text: "a string"
        case .choice(let choices): "one of " + choices.map { "\"\($0)\"" }.joined(separator: ", ")
        case .formula(let variable): "a formula in \(variable)"
        case .numbers(let bounds, let count):
            "\(count.map(String.init) ?? "a list of") numbers" + (bounds == .any ? "" : ", each \(bounds.expectation.dropFirst(2))")
        case .integers(let minimum): "a list of integers of at least \(minimum)"
        case .texts: "a list of strings"
        case .interval: "[low, high] with low < high"
        case .points(let dimensions): "a list of points of \(dimensions) numbers"
        case .either(let kinds): kinds.map(\.expectation).joined(separator: " or ")
        }
    }
}
