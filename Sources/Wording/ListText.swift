
extension Array where Element == String {
    /// The items as a sentence lists them: "a", "a or b", "a, b or c" (with `conjunction` "or").
    public func listed(_ conjunction: String = "and") -> String {
        guard count > 1 else { return first ?? "" }
        return dropLast().joined(separator: ", ") + " \(conjunction) " + last!
    }
}
