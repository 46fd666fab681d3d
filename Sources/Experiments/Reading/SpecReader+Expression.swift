import NeuralNet

extension SpecReader {
    /// Parses `text` (this reader's string) as a formula in `variable`; a syntax error or an unknown
    /// name becomes an error at this path that quotes the formula and points at the column.
    func expression(_ text: String, variable: String) throws(SpecError) -> Expression {
        do {
            return try Expression(parsing: text, variables: [variable])
        } catch {
            throw self.error("\(error)")
        }
    }
}
