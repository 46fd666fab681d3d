/// A figure an experiment asks for, as written: its type and its options. The report's figure
/// catalog (`Reporting.FigureCatalog`) knows the types, checks the options and reads them.
public struct FigureRequest: Sendable, Equatable {
    /// The key of a figure's object that names its type.
    public static let typeKey = "type"

    /// The figure's type name (`"decision-surface"`).
    public var type: String
    /// The other members of the figure's object, as written.
    public var options: JSONObject
    /// Its position in the file's `figures`, for the JSON paths of errors.
    public var index: Int

    /// Creates a request.
    public init(type: String, options: JSONObject = [:], index: Int) {
        self.type = type
        self.options = options
        self.index = index
    }

    /// The file name of its figure, without extension.
    public var fileName: String { type }
}

/// A question the notebook asks, with an answer whose `{{fact}}` placeholders the results fill in.
public struct Question: Sendable, Equatable, Codable {
    /// The question, as the notebook asks it (translated).
    public var question: String
    /// The answer in Markdown, with `{{fact}}` placeholders.
    public var answer: String
}
