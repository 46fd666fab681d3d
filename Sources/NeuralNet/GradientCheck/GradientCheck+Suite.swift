extension GradientCheck {
    /// Checks every layer and loss of the core, and a whole 2-10-10-3 sigmoid network with softmax
    /// cross-entropy, on inputs drawn from `random`. The `gradient-check` experiment reports this table.
    public static func standardSuite<Random: RandomSource>(
        random: inout Random, epsilon: Double = defaultEpsilon, tolerance: Double = defaultTolerance
    ) -> [Result] {
        func normal(_ rows: Int, _ columns: Int) -> Matrix {
            Matrix(rows: rows, columns: columns, elements: (0..<(rows * columns)).map { _ in random.nextStandardNormal() })
        }
        // ReLU-like layers have a kink at 0, where central differences straddle two slopes.
        func awayFromZero(_ matrix: Matrix) -> Matrix {
            matrix.map { abs($0) < 0.01 ? ($0 < 0 ? -0.5 : 0.5) : $0 }
        }
        func classes(_ rows: Int, _ count: Int) -> Matrix {
            Matrix.column((0..<rows).map { _ in Double(Int(random.nextUniform() * Double(count))) })
        }
        let rows = 5
        var results: [Result] = []

        let layers: [(any Layer, Int)] = [
            (Linear(weight: normal(4, 3), bias: normal(1, 3)), 4),
            (Sigmoid(), 4), (ReLU(), 4), (LeakyReLU(slope: 0.01), 4), (Tanh(), 4), (Softmax(), 4), (Identity(), 4),
        ]
        for (layer, width) in layers {
            let input = awayFromZero(normal(rows, width))
            let outputWidth = layer.outputWidth(forInputWidth: width) ?? width
            results += check(layer: layer, input: input, outputWeights: normal(rows, outputWidth),
                             epsilon: epsilon, tolerance: tolerance)
        }

        let probabilities = normal(rows, 1).map { VectorMath.sigmoid($0) }
        let binaryTargets = classes(rows, 2)
        let logits = normal(rows, 3)
        let classTargets = classes(rows, 3)
        let losses: [(any Loss, Matrix, Matrix)] = [
            (BinaryCrossEntropy(), probabilities, binaryTargets),
            (BinaryCrossEntropyWithLogits(), normal(rows, 1), binaryTargets),
            (MeanSquaredError(), normal(rows, 2), normal(rows, 2)),
            (MeanSquaredError(oneHotTargets: true), logits, classTargets),
            (SoftmaxCrossEntropy(), logits, classTargets),
        ]
        for (loss, prediction, target) in losses {
            results.append(check(loss: loss, prediction: prediction, target: target, epsilon: epsilon, tolerance: tolerance))
        }

        let network = Sequential([
            Linear(2, 10, initializer: Normal(std: 0.5), random: &random), Sigmoid(),
            Linear(10, 10, initializer: Normal(std: 0.5), random: &random), Sigmoid(),
            Linear(10, 3, initializer: Normal(std: 0.5), random: &random),
        ])
        results += check(network: network, loss: SoftmaxCrossEntropy(),
                         data: LabeledData(inputs: normal(8, 2), targets: classes(8, 3)),
                         component: "Network 2-10-10-3 + softmax CE", epsilon: epsilon, tolerance: tolerance)
        return results
    }
}
