import Configuration
import Datasets
import NeuralNet

extension TrainingSetup {
    /// The top-level sections of a training experiment besides the common keys.
    public enum Section: String, CaseIterable, Sendable {
        case data, model, loss, optimizer, training, seeds

        /// Whether a file must have it.
        public var isRequired: Bool { self != .seeds }
    }

    /// The top-level keys of a training experiment besides the common ones.
    public static var keys: [String] { Section.allCases.map(\.rawValue) }

    /// Reads a training run from the (overridden) document; `seed` derives the streams `seeds` leaves out.
    init(_ root: SpecReader, seed: UInt32) throws(SpecError) {
        func section(_ section: Section) throws(SpecError) -> SpecReader { try root.required(section.rawValue) }
        data = try DataSetup(try section(.data))
        var layers: [LayerSetup] = []
        for element in try section(.model).array(minimumCount: 1) { layers.append(try LayerSetup(element)) }
        self.layers = layers
        (loss, reduction) = try TrainingSetup.readLoss(try section(.loss))
        optimizer = try OptimizerSetup.read(try section(.optimizer))
        loop = try LoopSetup(try section(.training))
        seeds = try Seeds(try root.optional(Section.seeds.rawValue), seed: seed)
    }

    /// The keys of a loss given as an object.
    public struct LossKeys: SettingDeclarations {
        /// Which registered loss.
        public let name: SettingKey<String> = .choice("name", among: Registry.losses.map { $0.name }, "the loss")
        /// How terms combine.
        public let reduction: SettingKey<Reduction> = .choice("reduction", among: [.mean, .sum], default: .mean,
                                                              "how the per-example terms combine: their mean or their sum")
        public init() {}
    }

    /// A loss name, or `{"name": ..., "reduction": "mean" | "sum"}`.
    static func readLoss(_ reader: SpecReader) throws(SpecError) -> (LossSetup, Reduction) {
        let names = Registry.losses.map { $0.name }
        if case .string = reader.value { return (LossSetup(Registry.loss(named: try reader.choice(names))!), .mean) }
        let values = try reader.settings(LossKeys.self)
        return (LossSetup(Registry.loss(named: values.name)!), values.reduction)
    }
}

extension LayerSetup {
    /// `{"linear": 8, "init": "kaiming", "bias_init": "zeros"}` or `{"activation": "relu"}`.
    init(_ reader: SpecReader) throws(SpecError) {
        typealias Key = LinearSetup.Key
        if try reader.optional(Key.units.rawValue) != nil {
            let members = try reader.keys(allowed: Key.allCases.map(\.rawValue))
            let weight = try members[Key.weight.rawValue].map { reader throws(SpecError) in try InitializerSetup.read(reader) } ?? .pytorchDefault
            let bias = try members[Key.bias.rawValue].map { reader throws(SpecError) in try InitializerSetup.read(reader) } ?? weight.defaultBias
            self = .linear(LinearSetup(units: try members[Key.units.rawValue]!.integer(minimum: 1), weight: weight, bias: bias))
        } else if let name = try reader.optional(ActivationSetup.nameKey) {
            let kind = Registry.activation(named: try name.choice(Registry.activations.map { $0.name }))!
            let settings = try reader.settings(of: kind, besides: [ActivationSetup.nameKey])
            do { self = .activation(try ActivationSetup(kind, settings: settings)) } catch { throw reader.locating(error.key).error(error.message) }
        } else {
            _ = try reader.keys(allowed: [Key.units.rawValue, ActivationSetup.nameKey])
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
    /// The keys of `optimizer` besides its optimizer's own settings.
    public struct Keys: SettingDeclarations {
        /// Which registered optimizer.
        public let name: SettingKey<String> = .choice("name", among: Registry.optimizers.map { $0.name }, "the optimizer")
        /// The step size.
        public let learningRate: SettingKey<Double> = .number("lr", .positive, "the learning rate")
        public init() {}
    }

    /// `{"name": "sgd", "lr": 0.1, ...}` with the settings its optimizer declares.
    static func read(_ reader: SpecReader) throws(SpecError) -> OptimizerSetup {
        let own = Keys.declarations.map(\.key)
        // `{ $0.name }`, not `\.name`: a key path to a static member through an existential
        // metatype crashes the Swift 6.3 compiler.
        let name = try reader.required(Keys.key(\.name)).choice(Registry.optimizers.map { $0.name })
        let kind = Registry.optimizer(named: name)!
        let settings = try reader.settings(of: kind, besides: own)
        let values = try reader.settings(Keys.self, besides: kind.settings.map(\.key))
        do {
            return try OptimizerSetup(kind, learningRate: values.learningRate, settings: settings)
        } catch {
            throw reader.locating(error.key).error(error.message)
        }
    }
}

extension LoopSetup {
    /// The keys of `training`.
    public struct Keys: SettingDeclarations {
        let epochs: SettingKey<Int> = .integer("epochs", minimum: 1, "passes over the training set")
        let batch: SettingKey<BatchSetting> = SettingKey("batch", .either([.choice(["full"]), .integer(minimum: 1)]), default: .full,
                                                         "examples per step: \"full\" (one step an epoch), 1 (one example a step) or a mini-batch size")
        let shuffle: SettingKey<Bool?> = .flag("shuffle",
                                               "a new random order of the examples every epoch (default: yes for mini-batches and single examples)")
        let evaluateEvery: SettingKey<Int> = .integer("evaluate_every", minimum: 1, default: 1,
                                                      "metrics are recorded every this many epochs and after the last; a run keeps at most 10,000 records")
        let probes: SettingKey<[Double]?> = .numbers("probes", .any, "inputs of a one-input model at which its prediction is recorded at every evaluation")
        let targetLoss: SettingKey<Double?> = .number("target_loss", .positive, "the report gives the epochs and steps needed to reach this training loss")
        let precision: SettingKey<Precision> = .choice("precision", default: .float64,
                                                       "float64 (every number in Double), or float32: the forward and backward passes in Float, faster on "
                                                       + "large layers, with the parameters and the optimizer kept in Double")
        public init() {}
    }

    /// `{"epochs": 20, "batch": "full" | 1 | 32, "shuffle": true, "evaluate_every": 1, "probes": [...], "target_loss": 0.05}`.
    init(_ reader: SpecReader) throws(SpecError) {
        let values = try reader.settings(Keys.self)
        epochs = values.epochs
        batching = switch values.batch {
        case .full: .full
        case .size(1): .perSample
        case .size(let size): .miniBatch(size)
        }
        shuffle = values.shuffle ?? (batching != .full)
        let requested = values.evaluateEvery
        // ⌈epochs / maximumRecords⌉: the sparsest cadence that keeps the records within the limit.
        evaluateEvery = max(requested, (epochs + LoopSetup.maximumRecords - 1) / LoopSetup.maximumRecords)
        requestedEvaluateEvery = evaluateEvery == requested ? nil : requested
        probes = values.probes ?? []
        targetLoss = values.targetLoss
        precision = values.precision
    }
}

/// `training.batch`: the whole training set, or this many examples a step.
enum BatchSetting: PlainSettingValue {
    case full
    case size(Int)

    init?(setting value: SettingValue, kind: SettingKind) {
        if case .text("full") = value {
            self = .full
        } else if let size = Int(setting: value, kind: .integer(minimum: 1)) {
            self = .size(size)
        } else {
            return nil
        }
    }

    var plainSettingValue: SettingValue {
        switch self {
        case .full: .text("full")
        case .size(let size): .integer(size)
        }
    }
}

extension Seeds {
    /// The keys of `seeds`: each stream's NumPy seed; one left out is derived from the experiment's `seed`.
    public struct Keys: SettingDeclarations {
        let data: SettingKey<UInt32?> = .seed("data", "generates the data set")
        let split: SettingKey<UInt32?> = .seed("split", "chooses the split")
        let initialization: SettingKey<UInt32?> = .seed("init", "draws the initial weights")
        let shuffle: SettingKey<UInt32?> = .seed("shuffle", "orders the examples each epoch")
        public init() {}
    }

    /// `{"data": 42, "split": 42, "init": 42, "shuffle": 7}`; a stream not named is derived from
    /// `seed` and the stream's key.
    init(_ reader: SpecReader?, seed: UInt32) throws(SpecError) {
        let values = try reader?.settings(Keys.self)
        func stream(_ key: KeyPath<Keys, SettingKey<UInt32?>>) -> UInt32 {
            values?[dynamicMember: key] ?? RandomState.streamSeed(seed, purpose: Keys.key(key))
        }
        self.init(data: stream(\.data), split: stream(\.split), initialization: stream(\.initialization), shuffle: stream(\.shuffle))
    }
}
