/// An experiment file that could not be read, checked, run or written: what the index lists under
/// its failures and what makes the exit status 1. Its previous page, if the report has one, stays.
public struct ExperimentFailure: Sendable, Equatable {
    /// The experiment file, as the pages name it (`experiments/moons-mlp.json`).
    public var file: String
    /// The experiment's name, when the file got far enough to give one.
    public var experiment: String?
    /// Where in the file, when known: `line:column`.
    public var location: String?
    /// What went wrong, in one line (with the JSON path, when there is one).
    public var message: String

    /// Creates a failure.
    public init(file: String, experiment: String?, location: String? = nil, message: String) {
        self.file = file
        self.experiment = experiment
        self.location = location
        self.message = message
    }
}
