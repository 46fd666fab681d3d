/// A report that could not be written, or an output folder the tool refuses to write: one line
/// that names the path, what failed and why.
public struct ReportError: Error, CustomStringConvertible, Sendable {
    /// The message.
    public let description: String
    /// Whether the report folder is as it was before the run (nothing in it was replaced yet).
    public var leftFolderAsItWas = true
    /// Creates an error with its message.
    public init(_ description: String) { self.description = description }
}
