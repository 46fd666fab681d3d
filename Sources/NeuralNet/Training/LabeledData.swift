/// Inputs and their targets, one example per row: the unit a network is trained and evaluated on.
public struct LabeledData: Equatable, Sendable {
    /// One example per row.
    public var inputs: Matrix
    /// One target per row: class indices (a single column) or values to regress.
    public var targets: Matrix

    /// Creates a data set; both matrices must have the same number of rows.
    public init(inputs: Matrix, targets: Matrix) {
        precondition(inputs.rows == targets.rows,
                     "\(inputs.rows) input rows but \(targets.rows) target rows")
        self.inputs = inputs
        self.targets = targets
    }

    /// Number of examples.
    public var count: Int { inputs.rows }

    /// The examples at `indices`, in that order.
    public func subset(_ indices: [Int]) -> LabeledData {
        LabeledData(inputs: inputs.rows(at: indices), targets: targets.rows(at: indices))
    }
}

/// A data set with the name it is reported under (`train`, `validation`, `test`).
public struct NamedData: Sendable {
    /// The split.
    public var name: Split
    /// Its examples.
    public var data: LabeledData

    /// Creates a named split.
    public init(_ name: Split, _ data: LabeledData) {
        self.name = name
        self.data = data
    }
}
