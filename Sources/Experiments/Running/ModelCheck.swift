import Wording
import NeuralNet

/// Checks, before anything trains, that a model's layers fit its data and that its loss fits its
/// output: the rules of each loss target (`LossTarget`), in one place for every loss.
enum ModelCheck {
    static func check(_ setup: TrainingSetup, data: PreparedData, reader: SpecReader) throws(SpecError) {
        let model = reader.locating(TrainingSetup.Section.model.rawValue)
        let lossReader = reader.locating(TrainingSetup.Section.loss.rawValue)
        let loss = setup.loss.name
        let width = setup.layers.widths(inputWidth: data.inputWidth).last!
        if !setup.loop.probes.isEmpty && data.inputWidth != 1 {
            throw reader.locating(TrainingSetup.Section.training.rawValue).locating(LoopSetup.Keys.key(\.probes)).error(
                "probes are inputs of a one-input model (numbers x); this data has \(data.inputWidth) input features")
        }
        guard setup.layers.contains(where: { $0.linear != nil }) else {
            throw model.error("needs at least one linear layer")
        }
        let lastRange = setup.layers.last?.activation?.kind.range
        switch setup.loss.kind.target {
        case .classScores(let appliesSoftmax):
            if appliesSoftmax, let index = setup.layers.firstIndex(where: { $0.activation?.kind.range == .distribution }) {
                throw model.locating(index).error("\(loss) applies softmax itself (log-sum-exp on logits); remove this softmax layer")
            }
            guard let classes = data.classCount else {
                throw lossReader.error("\(loss) needs class labels; \(notClassLabels(data))")
            }
            guard width == classes else {
                throw lossReader.error("\(loss) needs one output per class: the data has \(classes) classes, the model \(width) outputs")
            }
        case .probability, .logit:
            guard data.classCount == 2 || data.classCount == 1 else {
                let why = data.classCount.map { "the data has \($0) classes (use nll, or mse-one-hot)" } ?? notClassLabels(data)
                throw lossReader.error("\(loss) is for two classes; \(why)")
            }
            guard width == 1 else {
                throw lossReader.error("\(loss) needs a model with 1 output, got \(width); set the last linear layer to 1 unit")
            }
            if setup.loss.kind.target == .probability, lastRange != .probability {
                throw lossReader.error("\(loss) takes probabilities: end the model with {\"activation\": \"sigmoid\"}, or use bce-with-logits")
            }
            if setup.loss.kind.target == .logit, lastRange == .probability {
                // σ applied twice squeezes every prediction into (0.5, 0.73): it trains, badly, without any error.
                throw model.locating(setup.layers.count - 1).error(
                    "\(loss) applies the sigmoid itself, so this sigmoid would be applied twice; remove it, or use bce")
            }
        case .values:
            guard width == 1 else {
                throw lossReader.error("\(loss) compares the model's \(width) outputs with 1 target column; use 1 output, or mse-one-hot for classes")
            }
        }
    }

    /// Why targets that are not class indices suit no class loss, and what makes the file work:
    /// whole-number labels such as −1 and 1 are named with the relabelling they need.
    static func notClassLabels(_ data: PreparedData) -> String {
        let values = Set(data.targets.elements)
        if values.count <= 10, values.allSatisfy({ $0 == $0.rounded() }) {
            let sorted = values.sorted()
            let relabel = sorted.enumerated().map { "\($1.cleanText) as \($0)" }.joined(separator: ", ")
            return "its labels are \(sorted.map(\.cleanText).listed()), not class indices from 0: relabel them (\(relabel)), "
                + "or fit them as numbers with mse"
        }
        return "this data has real-valued targets; fit them with mse"
    }
}
