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
