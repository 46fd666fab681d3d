import NeuralNet

/// Checks, before anything trains, that a model's layers fit its data and that its loss fits its output.
enum ModelCheck {
    static func check(_ setup: TrainingSetup, data: PreparedData, reader: SpecReader) throws(SpecError) {
        let model = reader.locating("model")
        let lossReader = reader.locating("loss")
        let width = setup.layers.widths(inputWidth: data.inputWidth).last!
        for (index, layer) in setup.layers.enumerated() {
            if case .activation(.softmax) = layer, setup.loss == .nll {
                throw model.locating(index).error("nll applies softmax itself (log-sum-exp on logits); remove this softmax layer")
            }
        }
        guard setup.layers.contains(where: { if case .linear = $0 { true } else { false } }) else {
            throw model.error("needs at least one linear layer")
        }
        if !setup.loop.probes.isEmpty && data.inputWidth != 1 {
            throw reader.locating("training").locating("probes").error(
                "probes are inputs of a one-input model (numbers x); this data has \(data.inputWidth) input features")
        }
        let last = setup.layers.last!
        switch setup.loss {
        case .bce, .bceWithLogits:
            guard data.classCount == 2 || (data.classCount == 1) else {
                throw lossReader.error("\(setup.loss.rawValue) is for two classes; the data has \(data.classCount.map { "\($0) classes" } ?? "real-valued targets") (use nll or mse)")
            }
            guard width == 1 else {
                throw lossReader.error("\(setup.loss.rawValue) needs a model with 1 output, got \(width); set the last linear layer to 1 unit")
            }
            if setup.loss == .bce, last != .activation(.sigmoid) {
                throw lossReader.error("bce takes probabilities: end the model with {\"activation\": \"sigmoid\"}, or use bce-with-logits")
            }
            if setup.loss == .bceWithLogits, last == .activation(.sigmoid) {
                // σ applied twice squeezes every prediction into (0.5, 0.73): it trains, badly, without any error.
                throw model.locating(setup.layers.count - 1).error(
                    "bce-with-logits applies the sigmoid itself, so this sigmoid would be applied twice; remove it, or use bce")
            }
        case .nll, .mseOneHot:
            guard let classes = data.classCount else {
                throw lossReader.error("\(setup.loss.rawValue) needs class labels; this data has real-valued targets (use mse)")
            }
            guard width == classes else {
                throw lossReader.error("\(setup.loss.rawValue) needs one output per class: the data has \(classes) classes, the model \(width) outputs")
            }
        case .mse:
            guard width == 1 else {
                throw lossReader.error("mse compares the model's \(width) outputs with 1 target column; use 1 output, or mse-one-hot for classes")
            }
        }
    }
}
