import NeuralNet

/// One layer of a network as the file describes it; widths of inputs follow from the data.
public enum LayerSetup: Sendable, Equatable, Codable {
    /// A fully connected layer with `units` outputs.
    case linear(units: Int, weight: Initializer, bias: Initializer)
    /// An element-wise activation or softmax.
    case activation(Activation)

    /// The activations a file may name.
    public enum Activation: Sendable, Equatable, Codable {
        case sigmoid, relu, tanh, softmax, identity
        case leakyReLU(slope: Double)

        /// The names files use.
        static let names = ["sigmoid", "relu", "leaky-relu", "tanh", "softmax", "identity"]

        /// The layer that computes it.
        func makeLayer() -> any Layer {
            switch self {
            case .sigmoid: Sigmoid()
            case .relu: ReLU()
            case .tanh: Tanh()
            case .softmax: Softmax()
            case .identity: Identity()
            case .leakyReLU(let slope): LeakyReLU(slope: slope)
            }
        }
    }
}

extension Array where Element == LayerSetup {
    /// The width of the input each layer receives in a network with `inputWidth` inputs, followed by
    /// the width of the network's output: a linear layer sets the width, the others keep it.
    public func widths(inputWidth: Int) -> [Int] {
        reduce(into: [inputWidth]) { widths, layer in
            if case .linear(let units, _, _) = layer { widths.append(units) } else { widths.append(widths.last!) }
        }
    }
}
