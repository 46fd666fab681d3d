import Experiments
import NeuralNet

/// The setup of a training run in words, one row per aspect, for the report's setup table.
enum SetupDescription {
    static let aspects = ["Data", "Split", "Model", "Loss", "Optimizer", "Training", "Seeds"]

    static func rows(_ setup: TrainingSetup, data: PreparedData) -> [String] {
        [dataText(setup.data.source) + featuresText(data), splitText(setup.data, data), modelText(setup.layers, inputWidth: data.inputWidth),
         "\(setup.loss.title)\(setup.reduction == .sum ? ", summed" : "")", setup.optimizer.summary,
         loopText(setup.loop),
         "data \(setup.seeds.data), split \(setup.seeds.split), init \(setup.seeds.initialization)" + (setup.loop.shuffle ? ", shuffle \(setup.seeds.shuffle)" : "")]
    }

    static func dataText(_ source: DataSourceSetup) -> String { source.description }

    /// "; features `width`, `height`" for a file that names its input columns (up to a dozen).
    static func featuresText(_ data: PreparedData) -> String {
        guard let names = data.featureNames, !names.isEmpty, names.count <= 12 else { return "" }
        return "; features " + names.map { "`\($0)`" }.joined(separator: ", ")
    }

    static func splitText(_ setup: DataSetup, _ data: PreparedData) -> String {
        var parts = ["\(data.indices.train.count) train"]
        if !data.indices.validation.isEmpty { parts.append("\(data.indices.validation.count) validation") }
        if !data.indices.test.isEmpty { parts.append("\(data.indices.test.count) test") }
        var text = parts.joined(separator: " / ")
        if data.hasTestFile {
            text += data.indices.validation.isEmpty ? " (the test file's rows are the test set)"
                : " (the test file's rows are the test set; validation \(setup.split.method.rawValue) from the training file)"
        } else if parts.count > 1 {
            text += " (\(setup.split.method.rawValue))"
        }
        if setup.standardize { text += "; standardised with the training rows' mean and deviation" }
        return text
    }

    static func modelText(_ layers: [LayerSetup], inputWidth: Int) -> String {
        let widths = layers.widths(inputWidth: inputWidth)
        return layers.enumerated().map { index, layer in
            switch layer {
            case .linear(let linear):
                let bias = linear.bias == linear.weight.defaultBias ? "" : "; bias \(linear.bias.title)"
                return "Linear(\(widths[index]) → \(linear.units), \(linear.weight.title)\(bias))"
            case .activation(let activation):
                return activation.description
            }
        }.joined(separator: " → ")
    }

    static func loopText(_ loop: LoopSetup) -> String {
        let batch = switch loop.batching {
        case .full: "full batch"
        case .perSample: "one example per step" + (loop.shuffle ? ", shuffled" : ", in order")
        case .miniBatch(let size): "mini-batches of \(size)" + (loop.shuffle ? ", shuffled" : "")
        }
        var text = "\(loop.epochs) epochs, \(batch)"
        if loop.precision == .float32 { text += "; float32 forward and backward passes (parameters in float64)" }
        if let requested = loop.requestedEvaluateEvery {
            text += "; metrics every \(loop.evaluateEvery) epochs (the file asks for every \(requested); "
                + "a run keeps at most \(LoopSetup.maximumRecords) records)"
        } else if loop.evaluateEvery > 1 {
            text += "; metrics every \(loop.evaluateEvery) epochs"
        }
        return text
    }
}
