import Configuration

/// The parts a data set's rows are divided into. The one list of their names: files, records,
/// facts and figures all spell them from here.
public enum Split: String, Sendable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// The rows the network learns from.
    case train
    /// Rows held out to choose settings by.
    case validation
    /// Rows held out to judge the result by.
    case test

    /// The splits a result is best judged on, best first: test, then validation, then train.
    public static let heldOutFirst: [Split] = [.test, .validation, .train]

    /// Its name, as files and pages write it.
    public var description: String { rawValue }

    /// In the order the data is divided: train, validation, test.
    public static func < (left: Split, right: Split) -> Bool {
        allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
    }
}

/// A file names a split by its raw value.
extension Split: SettingChoice {}
