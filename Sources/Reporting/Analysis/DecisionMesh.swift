import Experiments
import NeuralNet

/// A trained two-input classifier evaluated on a grid over the plane: what decision surfaces draw
/// and what the report compares between runs.
struct DecisionMesh {
    /// Grid columns and rows.
    let resolution: Int
    let x: ClosedRange<Double>
    let y: ClosedRange<Double>
    /// Row-major (y outer) probability of class 1 for binary models, else the decided class index.
    let values: [Double]
    /// The decided class at every grid point.
    let classes: [Int]
    /// Whether `values` are probabilities (binary) rather than class indices.
    let isProbability: Bool

    /// The plane around `data` (its range ± `margin`), unless given.
    static func plane(of data: LabeledData, x: ClosedRange<Double>?, y: ClosedRange<Double>?, margin: Double = 0.5)
        -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        func range(_ column: Int) -> ClosedRange<Double> {
            let values = data.inputs.column(column)
            return ((values.min() ?? 0) - margin)...((values.max() ?? 1) + margin)
        }
        return (x ?? range(0), y ?? range(1))
    }

    /// Evaluates `run`'s final network at `resolution`² points of the plane.
    init(run: RunResult, setup: TrainingSetup, x: ClosedRange<Double>, y: ClosedRange<Double>, resolution: Int = 200) {
        self.resolution = resolution
        self.x = x
        self.y = y
        let network = NetworkBuilder.restored(setup.layers, parameters: run.training!.finalParameters)
        var points: [Double] = []
        points.reserveCapacity(resolution * resolution * 2)
        for row in 0..<resolution {
            let yValue = y.lowerBound + (y.upperBound - y.lowerBound) * Double(row) / Double(resolution - 1)
            for column in 0..<resolution {
                points.append(x.lowerBound + (x.upperBound - x.lowerBound) * Double(column) / Double(resolution - 1))
                points.append(yValue)
            }
        }
        let output = network.predict(Matrix(rows: resolution * resolution, columns: 2, elements: points))
        switch setup.loss.decision(isClassification: true) {
        case .threshold(let threshold):
            isProbability = true
            let probabilities = setup.loss.kind.target == .logit ? output.elements.map(VectorMath.sigmoid) : output.elements
            values = probabilities
            classes = output.elements.map { $0 > threshold ? 1 : 0 }
        case .argmax, .none:
            isProbability = false
            classes = output.argmaxPerRow()
            values = classes.map(Double.init)
        }
    }

    /// The fraction of grid points where two meshes decide the same class.
    func agreement(with other: DecisionMesh) -> Double {
        Double(zip(classes, other.classes).filter { $0 == $1 }.count) / Double(max(classes.count, 1))
    }
}
