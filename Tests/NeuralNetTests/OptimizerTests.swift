import Testing
@testable import NeuralNet

/// The optimizers' own properties; their trajectories against PyTorch's are checked through the
/// registry, as files make them (`ExperimentsTests/OptimizerRegistryTests`).
@Suite("Optimizers")
struct OptimizerTests {
    @Test("The velocity form and PyTorch's form of momentum take the same steps")
    func velocityFormMatchesPyTorchForm() {
        let pytorch = SGD(learningRate: 0.05, momentum: 0.9)
        let velocity = SGD(learningRate: 0.05, momentum: 0.9, velocityForm: true)
        let a = Parameter(name: "a", value: Matrix([[1.0, -2.0]]), isWeight: true)
        let b = Parameter(name: "b", value: Matrix([[1.0, -2.0]]), isWeight: true)
        for _ in 0..<50 {
            a.gradient = 2 * a.value
            b.gradient = 2 * b.value
            pytorch.step([a])
            velocity.step([b])
        }
        #expect(closeness(a.value, b.value, relative: 1e-12) <= 1)
    }
}
