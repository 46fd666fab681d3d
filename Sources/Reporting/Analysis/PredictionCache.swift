import Experiments
import Foundation
import NeuralNet

/// The predictions of an experiment's trained networks that its analysis and its figures both
/// read (a decision surface's mesh, a fitted curve), each computed once per run and grid.
final class PredictionCache: @unchecked Sendable {
    private struct MeshKey: Hashable {
        let run: String
        let x: ClosedRange<Double>
        let y: ClosedRange<Double>
        let features: InputPlane
    }

    private struct CurveKey: Hashable {
        let run: String
        let grid: [Double]
    }

    private let lock = NSLock()
    private var meshes: [MeshKey: DecisionMesh] = [:]
    private var curves: [CurveKey: [Double]] = [:]

    /// `run`'s decision over the plane `x` × `y` of `features`.
    func mesh(of run: RunResult, setup: TrainingSetup, x: ClosedRange<Double>, y: ClosedRange<Double>,
              features: InputPlane = .twoInputs) -> DecisionMesh {
        let key = MeshKey(run: run.name, x: x, y: y, features: features)
        if let mesh = lock.withLock({ meshes[key] }) { return mesh }
        let mesh = DecisionMesh(run: run, setup: setup, x: x, y: y, features: features)
        lock.withLock { meshes[key] = mesh }
        return mesh
    }

    /// `run`'s one-input network at each point of `grid`: probabilities for a logit output.
    func curve(of run: RunResult, setup: TrainingSetup, at grid: [Double]) -> [Double] {
        let key = CurveKey(run: run.name, grid: grid)
        if let curve = lock.withLock({ curves[key] }) { return curve }
        let network = NetworkBuilder.restored(setup.layers, parameters: run.training!.finalParameters)
        let outputs = network.predict(.column(grid)).elements
        let curve = setup.loss.kind.target == .logit ? outputs.map(VectorMath.sigmoid) : outputs
        lock.withLock { curves[key] = curve }
        return curve
    }
}
