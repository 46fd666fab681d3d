import Datasets
import NeuralNet

/// Every part an experiment file can name, by kind: the one list each kind is registered in.
/// Adding an optimizer (a loss, an activation…) is its own file, which declares its name and
/// settings, and one line here; the reader, the JSON Schema and the documentation's key tables
/// all follow from these lists.
public enum Registry {
    /// The optimizers, in the order the documentation lists them.
    public static let optimizers: [any ConfigurableOptimizer.Type] = [
        SGD.self,
        Adagrad.self,
        RMSprop.self,
        Adam.self,
        AdamW.self,
        Adamax.self,
        NAdam.self,
    ]

    /// The losses.
    public static let losses: [any ConfigurableLoss.Type] = [
        BinaryCrossEntropy.self,
        BinaryCrossEntropyWithLogits.self,
        MeanSquaredError.self,
        OneHotMeanSquaredError.self,
        SoftmaxCrossEntropy.self,
    ]

    /// The data sources.
    public static let dataSources: [any ConfigurableDataSource.Type] = [
        GaussiansSource.self,
        ThresholdSource.self,
        MoonsSource.self,
        CirclesSource.self,
        BlobsSource.self,
        XORSource.self,
        SpiralsSource.self,
        FunctionSource.self,
        CSVSource.self,
        NPZSource.self,
        IDXSource.self,
        FashionMNISTSource.self,
    ]

    /// The data source named `name`.
    public static func dataSource(named name: String) -> (any ConfigurableDataSource.Type)? {
        dataSources.first { $0.name == name }
    }

    /// The activations.
    public static let activations: [any ConfigurableActivation.Type] = [
        Sigmoid.self,
        ReLU.self,
        LeakyReLU.self,
        Tanh.self,
        Softmax.self,
        Identity.self,
    ]

    /// The activation named `name`.
    public static func activation(named name: String) -> (any ConfigurableActivation.Type)? {
        activations.first { $0.name == name }
    }

    /// The weight initialisers.
    public static let initializers: [any ConfigurableInitializer.Type] = [
        PyTorchDefault.self,
        KaimingNormal.self,
        XavierNormal.self,
        LeCunNormal.self,
        Normal.self,
        Uniform.self,
        Constant.self,
        Zeros.self,
    ]

    /// The initialiser named `name`.
    public static func initializer(named name: String) -> (any ConfigurableInitializer.Type)? {
        initializers.first { $0.name == name }
    }

    /// The loss named `name`.
    public static func loss(named name: String) -> (any ConfigurableLoss.Type)? {
        losses.first { $0.name == name }
    }

    /// The optimizer named `name`.
    public static func optimizer(named name: String) -> (any ConfigurableOptimizer.Type)? {
        optimizers.first { $0.name == name }
    }
}
