import Datasets
import NeuralNet

extension TrainingSetup {
    /// The top-level keys of a training experiment besides the common ones.
    static let keys = ["data", "model", "loss", "optimizer", "training", "seeds"]

    /// Reads a training run from the (overridden) document; `seed` derives the streams `seeds` leaves out.
    init(_ root: SpecReader, seed: UInt32) throws(SpecError) {
        data = try DataSetup(try root.required("data"))
        let model = try root.required("model")
        var layers: [LayerSetup] = []
        for element in try model.array(minimumCount: 1) { layers.append(try LayerSetup(element)) }
        self.layers = layers
        (loss, reduction) = try TrainingSetup.readLoss(try root.required("loss"))
        optimizer = try OptimizerSetup(try root.required("optimizer"))
        loop = try LoopSetup(try root.required("training"))
        seeds = try Seeds(try root.optional("seeds"), seed: seed)
    }

    /// A loss name, or `{"name": ..., "reduction": "mean" | "sum"}`.
    static func readLoss(_ reader: SpecReader) throws(SpecError) -> (LossSetup, Reduction) {
        let names = LossSetup.allCases.map(\.rawValue)
        if case .string = reader.value { return (LossSetup(rawValue: try reader.choice(names))!, .mean) }
        let members = try reader.keys(allowed: ["name", "reduction"])
        let loss = LossSetup(rawValue: try reader.required("name").choice(names))!
        let reduction = Reduction(rawValue: try members["reduction"]?.choice(["mean", "sum"]) ?? "mean") ?? .mean
        return (loss, reduction)
    }
}

extension LayerSetup {
    /// `{"linear": 8, "init": "kaiming", "bias_init": "zeros"}` or `{"activation": "relu"}`.
    init(_ reader: SpecReader) throws(SpecError) {
        if try reader.optional("linear") != nil {
            let members = try reader.keys(allowed: ["linear", "init", "bias_init"])
            let weight = try members["init"].map { reader throws(SpecError) in try Initializer(reader) } ?? .pytorchDefault
            let bias = try members["bias_init"].map { reader throws(SpecError) in try Initializer(reader) } ?? weight.defaultBias
            self = .linear(units: try members["linear"]!.integer(minimum: 1), weight: weight, bias: bias)
        } else if try reader.optional("activation") != nil {
            let members = try reader.keys(allowed: ["activation", "slope"])
            let name = try members["activation"]!.choice(Activation.names)
            if members["slope"] != nil && name != "leaky-relu" {
                throw members["slope"]!.error("only a leaky-relu activation takes a slope")
            }
            switch name {
            case "sigmoid": self = .activation(.sigmoid)
            case "relu": self = .activation(.relu)
            case "tanh": self = .activation(.tanh)
            case "softmax": self = .activation(.softmax)
            case "identity": self = .activation(.identity)
            default: self = .activation(.leakyReLU(slope: try members["slope"]?.number() ?? 0.01))
            }
        } else {
            _ = try reader.keys(allowed: ["linear", "activation"])
            throw reader.expected(#"a layer: {"linear": units} or {"activation": name}"#)
        }
    }
}

extension Initializer {
    /// The names files use for initialisers without a parameter.
    static let plainNames: [String: Initializer] = [
        "zeros": .zeros, "pytorch": .pytorchDefault, "kaiming": .kaimingNormal,
        "xavier": .xavierNormal, "lecun": .lecunNormal,
    ]

    /// A name (`"kaiming"`) or a parametrised one (`{"normal": 0.01}`, `{"constant": 0.7}`, `{"uniform": 0.5}`).
    init(_ reader: SpecReader) throws(SpecError) {
        let (name, argument) = try reader.tagged((Array(Initializer.plainNames.keys) + ["constant", "normal", "uniform"]).sorted())
        if let plain = Initializer.plainNames[name] {
            if let argument { throw argument.error("\"\(name)\" takes no parameter; write \"\(name)\"") }
            self = plain
            return
        }
        guard let argument else { throw reader.error("\"\(name)\" needs a value, e.g. {\"\(name)\": 0.1}") }
        switch name {
        case "constant": self = .constant(try argument.number())
        case "normal": self = .normal(std: try argument.positiveNumber())
        default: self = .uniform(bound: try argument.positiveNumber())
        }
    }
}

extension OptimizerSetup {
    /// `{"name": "sgd", "lr": 0.1, ...}` with the keys its algorithm accepts.
    init(_ reader: SpecReader) throws(SpecError) {
        let algorithm = Algorithm(rawValue: try reader.required("name").choice(Algorithm.allCases.map(\.rawValue)))!
        let members = try reader.keys(allowed: ["name", "lr"] + (OptimizerSetup.options[algorithm] ?? []))
        self.init(algorithm: algorithm, learningRate: try reader.required("lr").positiveNumber(),
                  epsilon: algorithm == .adagrad ? 1e-10 : 1e-8)
        momentum = try members["momentum"]?.number(in: 0...1) ?? 0
        dampening = try members["dampening"]?.number(in: 0...1) ?? 0
        nesterov = try members["nesterov"]?.bool() ?? false
        velocityForm = try members["velocity_form"]?.bool() ?? false
        weightDecay = try members["weight_decay"]?.number(in: 0...1e6) ?? 0
        learningRateDecay = try members["lr_decay"]?.number(in: 0...1e6) ?? 0
        initialAccumulator = try members["initial_accumulator"]?.number(in: 0...1e6) ?? 0
        epsilon = try members["eps"]?.positiveNumber() ?? epsilon
        alpha = try members["alpha"]?.number(in: 0...1) ?? 0.99
        centered = try members["centered"]?.bool() ?? false
        amsgrad = try members["amsgrad"]?.bool() ?? false
        if let betasReader = members["betas"] {
            betas = try betasReader.numbers(minimumCount: 2)
            guard betas.count == 2, betas.allSatisfy({ (0..<1).contains($0) }) else { throw betasReader.expected("[β₁, β₂], each in [0, 1)") }
        }
        if nesterov && (momentum == 0 || dampening != 0) {
            throw members["nesterov"]!.error("Nesterov momentum needs a momentum above 0 and no dampening")
        }
    }
}

extension LoopSetup {
    /// `{"epochs": 20, "batch": "full" | 1 | 32, "shuffle": true, "evaluate_every": 1, "probes": [...], "target_loss": 0.05}`.
    init(_ reader: SpecReader) throws(SpecError) {
        let members = try reader.keys(allowed: ["epochs", "batch", "shuffle", "evaluate_every", "probes", "target_loss"])
        epochs = try reader.required("epochs").integer(minimum: 1)
        if let batch = members["batch"], case .string = batch.value {
            _ = try batch.choice(["full"])
            batching = .full
        } else if let batch = members["batch"] {
            let size = try batch.integer(minimum: 1)
            batching = size == 1 ? .perSample : .miniBatch(size)
        } else {
            batching = .full
        }
        shuffle = try members["shuffle"]?.bool() ?? (batching != .full)
        let requested = try members["evaluate_every"]?.integer(minimum: 1) ?? 1
        // ⌈epochs / maximumRecords⌉: the sparsest cadence that keeps the records within the limit.
        evaluateEvery = max(requested, (epochs + LoopSetup.maximumRecords - 1) / LoopSetup.maximumRecords)
        requestedEvaluateEvery = evaluateEvery == requested ? nil : requested
        probes = try members["probes"]?.numbers() ?? []
        targetLoss = try members["target_loss"]?.positiveNumber()
    }
}

extension Seeds {
    /// `{"data": 42, "split": 42, "init": 42, "shuffle": 7}`; a stream not named is derived from `seed`.
    init(_ reader: SpecReader?, seed: UInt32) throws(SpecError) {
        let members = try reader?.keys(allowed: ["data", "split", "init", "shuffle"]) ?? [:]
        func stream(_ key: String) throws(SpecError) -> UInt32 {
            try members[key]?.seed() ?? RandomState.streamSeed(seed, purpose: key)
        }
        self.init(data: try stream("data"), split: try stream("split"), initialization: try stream("init"),
                  shuffle: try stream("shuffle"))
    }
}
