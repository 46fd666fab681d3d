import Testing
@testable import NeuralNet

/// Twenty steps of one optimizer configuration as PyTorch took them.
struct OptimizerCase: Decodable {
    struct Options: Decodable {
        let lr: Double
        let momentum: Double?
        let dampening: Double?
        let nesterov: Bool?
        let weight_decay: Double?
        let lr_decay: Double?
        let initial_accumulator_value: Double?
        let eps: Double?
        let alpha: Double?
        let centered: Bool?
        let betas: [Double]?
        let amsgrad: Bool?
    }
    let optimizer: String
    let options: Options
    let trajectory: [[[[Double]]]]
}

struct OptimizerFixture: Decodable {
    let initial: [[[Double]]]
    let curvature: [[[Double]]]
    let offset: [[[Double]]]
    let cases: [OptimizerCase]
}

@Suite("Optimizers against PyTorch")
struct OptimizerTests {
    func make(_ reference: OptimizerCase) -> any Optimizer {
        let o = reference.options
        switch reference.optimizer {
        case "sgd":
            return SGD(learningRate: o.lr, momentum: o.momentum ?? 0, dampening: o.dampening ?? 0,
                       nesterov: o.nesterov ?? false, weightDecay: o.weight_decay ?? 0)
        case "sgd_velocity":
            return SGD(learningRate: o.lr, momentum: o.momentum ?? 0, velocityForm: true)
        case "adagrad":
            return Adagrad(learningRate: o.lr, learningRateDecay: o.lr_decay ?? 0, weightDecay: o.weight_decay ?? 0,
                           initialAccumulator: o.initial_accumulator_value ?? 0, epsilon: o.eps ?? 1e-10)
        case "rmsprop":
            return RMSprop(learningRate: o.lr, alpha: o.alpha ?? 0.99, epsilon: o.eps ?? 1e-8,
                           weightDecay: o.weight_decay ?? 0, momentum: o.momentum ?? 0, centered: o.centered ?? false)
        case "adam", "adamw":
            let betas = o.betas ?? [0.9, 0.999]
            return Adam(learningRate: o.lr, beta1: betas[0], beta2: betas[1], epsilon: o.eps ?? 1e-8,
                        weightDecay: o.weight_decay ?? (reference.optimizer == "adamw" ? 0.01 : 0),
                        decoupledWeightDecay: reference.optimizer == "adamw", amsgrad: o.amsgrad ?? false)
        default:
            Issue.record("unknown optimizer \(reference.optimizer)")
            return SGD(learningRate: 0)
        }
    }

    @Test("Twenty steps of every configuration follow PyTorch's trajectory")
    func trajectories() throws {
        let fixture: OptimizerFixture = try fixture("optimizers.json")
        #expect(fixture.cases.count == 14)
        let curvature = fixture.curvature.map(Matrix.init(fixture:))
        let offset = fixture.offset.map(Matrix.init(fixture:))
        for reference in fixture.cases {
            let optimizer = make(reference)
            let parameters = fixture.initial.enumerated().map { index, value in
                Parameter(name: "p\(index)", value: Matrix(fixture: value), isWeight: true)
            }
            for (step, expected) in reference.trajectory.enumerated() {
                for (index, parameter) in parameters.enumerated() {
                    parameter.gradient = curvature[index].hadamard(parameter.value) + offset[index]
                }
                optimizer.step(parameters)
                for (parameter, values) in zip(parameters, expected) {
                    let error = closeness(parameter.value, Matrix(fixture: values))
                    #expect(error <= 1, "\(reference.optimizer) \(optimizer.name), step \(step + 1): \(error)")
                }
            }
        }
    }

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
