/// A mistake in an experiment file: which file, where in it (a JSON path such as
/// `model[2].units`), and what was expected, in one line a person can act on.
public struct SpecError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's path as given.
    public let file: String
    /// The JSON path of the offending value; empty for the whole file.
    public let path: String
    /// What is wrong.
    public let message: String
    /// Where in the file, when known: the offending value, or the key that names it.
    public let location: TextLocation?

    /// Creates an error.
    public init(file: String, path: String, message: String, location: TextLocation? = nil) {
        self.file = file
        self.path = path
        self.message = message
        self.location = location
    }

    /// `experiments/moons-mlp.json:14:7: model[2].units: expected a positive integer, got -3`: the
    /// compilers' form, which editors and terminals turn into a link to the place.
    public var description: String {
        let place = location.map { "\(file):\($0)" } ?? file
        return path.isEmpty ? "\(place): \(message)" : "\(place): \(path): \(message)"
    }

    /// The same error with a different message, at the same place.
    public func withMessage(_ message: String) -> SpecError {
        SpecError(file: file, path: path, message: message, location: location)
    }
}
