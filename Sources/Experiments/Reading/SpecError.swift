/// A mistake in an experiment file: which file, where in it (a JSON path such as
/// `model[2].units`), and what was expected, in one line a person can act on.
public struct SpecError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's path as given.
    public let file: String
    /// The JSON path of the offending value; empty for the whole file.
    public let path: String
    /// What is wrong.
    public let message: String

    /// Creates an error.
    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    /// `experiments/moons-mlp.json: model[2].units: expected a positive integer, got -3`.
    public var description: String { path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)" }
}
