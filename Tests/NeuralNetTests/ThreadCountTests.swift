import Testing
@testable import NeuralNet

/// A run's bits must not depend on what else the machine is doing. OpenBLAS's dgemm gives every
/// output element to one thread, summed in one order, so float64 runs agree across thread counts.
/// Its threaded sgemm does not even repeat itself (two runs on two threads differ), which is why
/// the report pins one BLAS thread per run: on one thread, float32 runs repeat their bits.
@Suite("BLAS threads", .serialized)
struct ThreadCountTests {
    /// A 784-256-128-10 step on 128 rows: products large enough that OpenBLAS uses its threads.
    static func trainedWeights(threads: Int, precision: Precision) -> [Double] {
        let previous = BLASThreads.current
        BLASThreads.set(threads)
        defer { BLASThreads.set(previous) }
        var random = TestRandom(seed: 3)
        let network = Sequential([Linear(784, 256, random: &random), ReLU(), Linear(256, 128, random: &random), ReLU(),
                                  Linear(128, 10, random: &random)])
        let bytes = (0..<(512 * 784)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        var inputs = InputTable(bytes: bytes, columns: 784)
        inputs.divisor = 255
        let targets = Matrix.column((0..<512).map { Double($0 % 10) })
        let training = Examples(inputs: inputs, targets: targets, indices: Array(0..<512))
        let trainer = Trainer(network: network, loss: SoftmaxCrossEntropy(), optimizer: SGD(learningRate: 0.1),
                              configuration: TrainingConfiguration(epochs: 2, batching: .miniBatch(128), shuffle: true, precision: precision))
        var order = TestRandom(seed: 4)
        _ = trainer.train(on: training, random: &order)
        return network.parameters.flatMap(\.value.elements)
    }

    @Test("One and two OpenBLAS threads train the same float64 bits")
    func float64AgreesAcrossThreadCounts() {
        let one = Self.trainedWeights(threads: 1, precision: .float64)
        let two = Self.trainedWeights(threads: 2, precision: .float64)
        #expect(one.count == 784 * 256 + 256 + 256 * 128 + 128 + 1290)
        #expect(one.allSatisfy { $0.isFinite })
        let differing = zip(one, two).filter { $0.bitPattern != $1.bitPattern }.count
        #expect(differing == 0)
    }

    @Test("A float32 run on one OpenBLAS thread repeats its bits")
    func float32RepeatsOnOneThread() {
        let first = Self.trainedWeights(threads: 1, precision: .float32)
        let second = Self.trainedWeights(threads: 1, precision: .float32)
        #expect(first.allSatisfy { $0.isFinite })
        let differing = zip(first, second).filter { $0.bitPattern != $1.bitPattern }.count
        #expect(differing == 0)
    }
}
