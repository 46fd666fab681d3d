import Datasets
import NeuralNet

/// Builds networks from layer setups: freshly initialised for training, or from saved parameters for figures.
public enum NetworkBuilder {
    /// A network for `inputWidth` inputs whose weights are drawn, layer by layer, from `random`.
    public static func initialized(_ layers: [LayerSetup], inputWidth: Int, random: inout RandomState) -> Sequential {
        let widths = layers.widths(inputWidth: inputWidth)
        return Sequential(layers.enumerated().map { index, layer -> any Layer in
            switch layer {
            case .linear(let linear):
                return Linear(widths[index], linear.units, initializer: linear.weight.make(), biasInitializer: linear.bias.make(), random: &random)
            case .activation(let activation):
                return activation.makeLayer()
            }
        })
    }

    /// A network with the given parameters (as `parameters(of:)` lists them).
    public static func restored(_ layers: [LayerSetup], parameters: [NamedMatrix]) -> Sequential {
        var remaining = parameters[...]
        return Sequential(layers.map { layer -> any Layer in
            switch layer {
            case .linear:
                let weight = remaining.removeFirst().matrix
                let bias = remaining.removeFirst().matrix
                return Linear(weight: weight, bias: bias)
            case .activation(let activation):
                return activation.makeLayer()
            }
        })
    }

    /// Every parameter of `network` named "layer k weight" / "layer k bias", k counting linear layers from 1.
    public static func parameters(of network: Sequential) -> [NamedMatrix] {
        var result: [NamedMatrix] = []
        var index = 0
        for layer in network.layers where !layer.parameters.isEmpty {
            index += 1
            for parameter in layer.parameters {
                result.append(NamedMatrix(name: "layer \(index) \(parameter.name)", shape: [parameter.value.rows, parameter.value.columns],
                                          values: parameter.value.elements))
            }
        }
        return result
    }
}
