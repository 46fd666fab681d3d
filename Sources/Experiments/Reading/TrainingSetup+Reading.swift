import Datasets
import NeuralNet

extension TrainingSetup {
    /// The top-level keys of a training experiment besides the common ones.
    public static let keys = ["data", "model", "loss", "optimizer", "training", "seeds"]

    /// Reads a training run from the (overridden) document; `seed` derives the streams `seeds` leaves out.
    init(_ root: SpecReader, seed: UInt32) throws(SpecError) {
        data = try DataSetup(try root.required("data"))
        let model = try root.required("model")
        var layers: [LayerSetup] = []
        for element in try model.array(minimumCount: 1) { layers.append(try LayerSetup(element)) }
        self.layers = layers
        (loss, reduction) = try TrainingSetup.readLoss(try root.required("loss"))
        optimizer = try OptimizerSetup.read(try root.required("optimizer"))
        loop = try LoopSetup(try root.required("training"))
        seeds = try Seeds(try root.optional("seeds"), seed: seed)
    }

    /// A loss name, or `{"name": ..., "reduction": "mean" | "sum"}`.
    static func readLoss(_ reader: SpecReader) throws(SpecError) -> (LossSetup, Reduction) {
        let names = Registry.losses.map { $0.name }
        if case .string = reader.value { return (LossSetup(Registry.loss(named: try reader.choice(names))!), .mean) }
        let members = try reader.keys(allowed: ["name", "reduction"])
        let loss = LossSetup(Registry.loss(named: try reader.required("name").choice(names))!)
        let reduction = Reduction(rawValue: try members["reduction"]?.choice(["mean", "sum"]) ?? "mean") ?? .mean
        return (loss, reduction)
    }
}

extension LayerSetup {
    /// `{"linear": 8, "init": "kaiming", "bias_init": "zeros"}` or `{"activation": "relu"}`.
    init(_ reader: SpecReader) throws(SpecError) {
        if try reader.optional("linear") != nil {
            let members = try reader.keys(allowed: ["linear", "init", "bias_init"])
            let weight = try members["init"].map { reader throws(SpecError) in try InitializerSetup.read(reader) } ?? .pytorchDefault
            let bias = try members["bias_init"].map { reader throws(SpecError) in try InitializerSetup.read(reader) } ?? weight.defaultBias
            self = .linear(LinearSetup(units: try members["linear"]!.integer(minimum: 1), weight: weight, bias: bias))
        } else if let name = try reader.optional("activation") {
            let kind = Registry.activation(named: try name.choice(Registry.activations.map { $0.name }))!
            self = .activation(ActivationSetup(kind, settings: try reader.settings(kind.settings, besides: ["activation"])))
        } else {
            _ = try reader.keys(allowed: ["linear", "activation"])
            throw reader.expected(#"a layer: {"linear": units} or {"activation": name}"#)
        }
    }
}

extension InitializerSetup {
    /// A name (`"kaiming"`) or a name with its parameter (`{"normal": 0.01}`, `{"constant": 0.7}`).
    static func read(_ reader: SpecReader) throws(SpecError) -> InitializerSetup {
        let (name, argument) = try reader.tagged(Registry.initializers.map { $0.name }.sorted())
        let kind = Registry.initializer(named: name)!
        guard let parameter = kind.parameter else {
            if let argument { throw argument.error("\"\(name)\" takes no parameter; write \"\(name)\"") }
            return InitializerSetup(kind)
        }
        guard let argument else { throw reader.error("\"\(name)\" needs a value, e.g. {\"\(name)\": 0.1}") }
        guard case .number(let value) = try argument.value(of: parameter.kind) else { throw argument.expected("a number") }
        return InitializerSetup(kind, value: value)
    }
}

extension OptimizerSetup {
    /// `{"name": "sgd", "lr": 0.1, ...}` with the settings its optimizer declares.
    static func read(_ reader: SpecReader) throws(SpecError) -> OptimizerSetup {
        // `{ $0.name }`, not `\.name`: a key path to a static member through an existential
        // metatype crashes the Swift 6.3 compiler.
        let name = try reader.required("name").choice(Registry.optimizers.map { $0.name })
        let kind = Registry.optimizer(named: name)!
        let settings = try reader.settings(kind.settings, besides: ["name", "lr"])
        if let problem = kind.check(settings) { throw reader.locating(problem.key).error(problem.message) }
        return OptimizerSetup(kind, learningRate: try reader.required("lr").positiveNumber(), settings: settings)
    }
}

extension LoopSetup {
    /// The keys of `training`.
    public static let settings = [
        Setting("epochs", .integer(minimum: 1), default: nil, "passes over the training set"),
        Setting("batch", .either([.choice(["full"]), .integer(minimum: 1)]), default: .text("full"),
                "examples per step: \"full\" (one step an epoch), 1 (one example a step) or a mini-batch size"),
        Setting("shuffle", .flag, default: nil, required: false,
                "a new random order of the examples every epoch (default: yes for mini-batches and single examples)"),
        Setting("evaluate_every", .integer(minimum: 1), default: .integer(1),
                "metrics are recorded every this many epochs and after the last; a run keeps at most 10,000 records"),
        Setting("probes", .numbers(.any, count: nil), default: .numbers([]),
                "inputs of a one-input model at which its prediction is recorded at every evaluation"),
        Setting("target_loss", .number(.positive), default: nil, required: false,
                "the report gives the epochs and steps needed to reach this training loss"),
        Setting("precision", .choice(Precision.allCases.map(\.rawValue)), default: .text("float64"),
                "float64 (every number in Double), or float32: the forward and backward passes in Float, about twice as fast on "
                + "large layers, with the parameters and the optimizer kept in Double"),
    ]

    /// `{"epochs": 20, "batch": "full" | 1 | 32, "shuffle": true, "evaluate_every": 1, "probes": [...], "target_loss": 0.05}`.
    init(_ reader: SpecReader) throws(SpecError) {
        let values = try reader.settings(LoopSetup.settings)
        epochs = values.integer("epochs")
        if case .integer(let size) = values["batch"] {
            batching = size == 1 ? .perSample : .miniBatch(size)
        } else {
            batching = .full
        }
        shuffle = values["shuffle"] == nil ? batching != .full : values.flag("shuffle")
        let requested = values.integer("evaluate_every")
        // ⌈epochs / maximumRecords⌉: the sparsest cadence that keeps the records within the limit.
        evaluateEvery = max(requested, (epochs + LoopSetup.maximumRecords - 1) / LoopSetup.maximumRecords)
        requestedEvaluateEvery = evaluateEvery == requested ? nil : requested
        probes = values.numbers("probes")
        targetLoss = values["target_loss"] == nil ? nil : values.number("target_loss")
        precision = Precision(rawValue: values.text("precision") ?? "") ?? .float64
    }
}

extension Seeds {
    /// The keys of `seeds`: each stream's NumPy seed; one left out is derived from the experiment's `seed`.
    public static let settings = [
        Setting("data", .seed, default: nil, required: false, "generates the data set"),
        Setting("split", .seed, default: nil, required: false, "chooses the split"),
        Setting("init", .seed, default: nil, required: false, "draws the initial weights"),
        Setting("shuffle", .seed, default: nil, required: false, "orders the examples each epoch"),
    ]

    /// `{"data": 42, "split": 42, "init": 42, "shuffle": 7}`; a stream not named is derived from `seed`.
    init(_ reader: SpecReader?, seed: UInt32) throws(SpecError) {
        let values = try reader?.settings(Seeds.settings) ?? SettingValues()
        func stream(_ key: String) -> UInt32 {
            values[key] == nil ? RandomState.streamSeed(seed, purpose: key) : UInt32(values.integer(key))
        }
        self.init(data: stream("data"), split: stream("split"), initialization: stream("init"), shuffle: stream("shuffle"))
    }
}
