import Experiments
import NeuralNet

/// The setup of a training run in words, one row per aspect, for the report's setup table.
enum SetupDescription {
    static let aspects = ["Data", "Split", "Model", "Loss", "Optimizer", "Training", "Seeds"]

    static func rows(_ setup: TrainingSetup, data: PreparedData) -> [String] {
        [dataText(setup.data.source), splitText(setup.data, data), modelText(setup.layers, inputWidth: data.inputWidth),
         "\(setup.loss.title)\(setup.reduction == .sum ? ", summed" : "")", setup.optimizer.summary,
         loopText(setup.loop),
         "data \(setup.seeds.data), split \(setup.seeds.split), init \(setup.seeds.initialization)" + (setup.loop.shuffle ? ", shuffle \(setup.seeds.shuffle)" : "")]
    }

    static func dataText(_ source: DataSource) -> String {
        switch source {
        case .gaussians(let means, let std, let counts):
            return "two-dimensional Gaussians, " + zip(means, zip(std, counts)).enumerated().map { index, item in
                "class \(index): \(item.1.1) points around (\(item.0.map(\.shortText).joined(separator: ", "))), σ = \(item.1.0.shortText)"
            }.joined(separator: "; ")
        case .threshold(let range, let count, let threshold):
            return "\(count) evenly spaced x in [\(range.lowerBound.shortText), \(range.upperBound.shortText)], label x > \(threshold.shortText)"
        case .moons(let samples, let noise): return "make_moons: \(samples) points, noise \(noise.shortText)"
        case .circles(let samples, let noise, let factor): return "make_circles: \(samples) points, noise \(noise.shortText), factor \(factor.shortText)"
        case .blobs(let samples, let centers, let count, _, let std):
            let where_ = centers.map { "centres " + $0.map { "(" + $0.map(\.shortText).joined(separator: ", ") + ")" }.joined(separator: ", ") } ?? "\(count) random centres"
            return "make_blobs: \(samples) points, \(where_), σ = \(std.map(\.shortText).joined(separator: ", "))"
        case .xor(let samples, let noise): return "XOR quadrants: \(samples) points, noise \(noise.shortText)"
        case .spirals(let samples, let arms, let noise): return "\(arms) spirals: \(samples) points, noise \(noise.shortText)"
        case .function(let formula, let range, let samples, let noise):
            return "y = \(formula) + \(noise.shortText)·ε, \(samples) points, x uniform on [\(range.lowerBound.shortText), \(range.upperBound.shortText))"
        case .csv(let path, _, let label): return "CSV file `\(path)`, label column `\(label)`"
        case .npz(let path, let inputs, let labels): return "NumPy file `\(path)` (inputs `\(inputs)`, labels `\(labels)`)"
        }
    }

    static func splitText(_ setup: DataSetup, _ data: PreparedData) -> String {
        var parts = ["\(data.indices.train.count) train"]
        if !data.indices.validation.isEmpty { parts.append("\(data.indices.validation.count) validation") }
        if !data.indices.test.isEmpty { parts.append("\(data.indices.test.count) test") }
        var text = parts.joined(separator: " / ")
        if parts.count > 1 { text += " (\(setup.split.method.rawValue))" }
        if setup.standardize { text += "; standardised with the training rows' mean and deviation" }
        return text
    }

    static func modelText(_ layers: [LayerSetup], inputWidth: Int) -> String {
        let widths = layers.widths(inputWidth: inputWidth)
        return layers.enumerated().map { index, layer in
            switch layer {
            case .linear(let units, let weight, let bias):
                return "Linear(\(widths[index]) → \(units), \(initText(weight))\(bias == weight.defaultBias ? "" : "; bias \(initText(bias))"))"
            case .activation(let activation):
                switch activation {
                case .sigmoid: return "Sigmoid"
                case .relu: return "ReLU"
                case .tanh: return "Tanh"
                case .softmax: return "Softmax"
                case .identity: return "Identity"
                case .leakyReLU(let slope): return "LeakyReLU(\(slope.shortText))"
                }
            }
        }.joined(separator: " → ")
    }

    static func initText(_ initializer: Initializer) -> String {
        switch initializer {
        case .zeros: "zeros"
        case .constant(let value): "constant \(value.shortText)"
        case .normal(let std): "normal σ = \(std.shortText)"
        case .uniform(let bound): "uniform ±\(bound.shortText)"
        case .pytorchDefault: "PyTorch default"
        case .kaimingNormal: "Kaiming normal"
        case .xavierNormal: "Xavier normal"
        case .lecunNormal: "LeCun normal"
        }
    }

    static func loopText(_ loop: LoopSetup) -> String {
        let batch = switch loop.batching {
        case .full: "full batch"
        case .perSample: "one example per step" + (loop.shuffle ? ", shuffled" : ", in order")
        case .miniBatch(let size): "mini-batches of \(size)" + (loop.shuffle ? ", shuffled" : "")
        }
        var text = "\(loop.epochs) epochs, \(batch)"
        if let requested = loop.requestedEvaluateEvery {
            text += "; metrics every \(loop.evaluateEvery) epochs (the file asks for every \(requested); "
                + "a run keeps at most \(LoopSetup.maximumRecords) records)"
        } else if loop.evaluateEvery > 1 {
            text += "; metrics every \(loop.evaluateEvery) epochs"
        }
        return text
    }
}
