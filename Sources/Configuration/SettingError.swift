/// A mistake that involves one setting, found by the part that takes it (Nesterov momentum
/// without a momentum): the reader reports it at that setting's place in the file.
public struct SettingError: Error, Sendable, Equatable {
    /// The setting at fault.
    public let key: String
    /// What is wrong.
    public let message: String

    /// Creates an error.
    public init(key: String, _ message: String) {
        self.key = key
        self.message = message
    }
}
