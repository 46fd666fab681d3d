/// Mean squared error against one-hot encoded class indices: classification as regression (seed
/// 004's homework). The loss itself is `MeanSquaredError` with `oneHotTargets`.
public enum OneHotMeanSquaredError: ConfigurableLoss {
    public static let name = "mse-one-hot"
    public static let summary = "mean squared error against one-hot encoded class indices (classification as regression)"
    public static let title = "mean squared error on one-hot targets"
    public static let axisLabel = "mean squared error"
    public static let target = LossTarget.classScores(appliesSoftmax: false)
    public static func make(reduction: Reduction) -> any Loss { MeanSquaredError(reduction: reduction, oneHotTargets: true) }
}
