import Experiments
import NeuralNet

/// Which plane through the input space a mesh covers: two features varied, every other held at a
/// value (its training mean). A two-input model's plane is its whole input space.
struct InputPlane: Hashable, Sendable {
    /// The features varied along x and y, by column.
    let x: Int
    let y: Int
    /// A whole input row: the values of the features held fixed (those of `x` and `y` are replaced).
    let base: [Double]

    /// The plane of a two-input model.
    static let twoInputs = InputPlane(x: 0, y: 1, base: [0, 0])

    /// The plane of features `x` and `y` of `data`, the others at their mean over its training rows.
    init(x: Int, y: Int, data: PreparedData) {
        let train = data.rows(of: .train).inputs
        let rows = Double(max(train.rows, 1))
        self.init(x: x, y: y, base: (0..<train.columns).map { column in train.column(column).reduce(0, +) / rows })
    }

    init(x: Int, y: Int, base: [Double]) {
        (self.x, self.y, self.base) = (x, y, base)
    }

    /// How many features are held fixed.
    var heldFeatures: Int { base.count - 2 }
}

/// A trained classifier evaluated on a grid over a plane of its inputs: what decision surfaces draw
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

    /// The ranges of features `plane.x` and `plane.y` around `data` (its range ± `margin`), unless given.
    static func plane(of data: LabeledData, x: ClosedRange<Double>?, y: ClosedRange<Double>?, features: InputPlane = .twoInputs,
                      margin: Double = 0.5) -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        func range(_ column: Int) -> ClosedRange<Double> {
            let values = data.inputs.column(column)
            return ((values.min() ?? 0) - margin)...((values.max() ?? 1) + margin)
        }
        return (x ?? range(features.x), y ?? range(features.y))
    }

    /// Evaluates `run`'s final network at `resolution`² points of the plane `x` × `y` of `features`.
    init(run: RunResult, setup: TrainingSetup, x: ClosedRange<Double>, y: ClosedRange<Double>, features: InputPlane = .twoInputs,
         resolution: Int = 200) {
        self.resolution = resolution
        self.x = x
        self.y = y
        let network = NetworkBuilder.restored(setup.layers, parameters: run.training!.finalParameters)
        let width = features.base.count
        var points: [Double] = []
        points.reserveCapacity(resolution * resolution * width)
        for row in 0..<resolution {
            var input = features.base
            input[features.y] = y.lowerBound + (y.upperBound - y.lowerBound) * Double(row) / Double(resolution - 1)
            for column in 0..<resolution {
                input[features.x] = x.lowerBound + (x.upperBound - x.lowerBound) * Double(column) / Double(resolution - 1)
                points += input
            }
        }
        let output = network.predict(Matrix(rows: resolution * resolution, columns: width, elements: points))
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
