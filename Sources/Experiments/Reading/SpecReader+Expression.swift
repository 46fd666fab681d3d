import NeuralNet

extension SpecReader {
    /// This reader's string parsed as a formula in `variable`; a syntax error or an unknown
    /// name becomes an error at this path that quotes the formula and points at the column.
    func formula(variable: String) throws(SpecError) -> Formula {
        let text = try string()
        do {
            return try Formula(text, variable: variable)
        } catch {
            throw self.error("\(error)")
        }
    }
}
