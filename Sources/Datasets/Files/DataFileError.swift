/// A data file that could not be read: which file, and what is wrong with it.
public struct DataFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's path as given.
    public let file: String
    /// What is wrong, in words a person can act on.
    public let problem: String

    /// Creates an error.
    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }

    public var description: String { "\(file): \(problem)" }
}
