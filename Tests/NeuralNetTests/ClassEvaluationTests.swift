import Foundation
import Testing
@testable import NeuralNet

/// The class-by-class evaluation made after the last epoch.
@Suite("Class evaluation")
struct ClassEvaluationTests {
    @Test("Argmax decisions: counts by true and decided class, and mistakes surest first with softmax probabilities")
    func argmax() throws {
        // Rows: class 0 decided 0; class 1 decided 2 (sure); class 2 decided 2; class 0 decided 1 (less sure).
        let output = Matrix(rows: 4, columns: 3, elements: [3, 0, 0, 0, 0, 5, 0, 1, 4, 0, 1, 0.5])
        let targets = Matrix.column([0, 1, 2, 0])
        var tally = try #require(ClassTally(split: .test, decision: .argmax, outputColumns: 3, mistakesKept: 32))
        tally.add(output, targets: targets, rows: [10, 11, 12, 13][...])
        let evaluation = tally.evaluation
        #expect(evaluation.counts == [[1, 1, 0], [0, 0, 1], [0, 0, 1]])
        #expect(evaluation.total == 4)
        #expect(evaluation.mistakes.map(\.row) == [11, 13])
        #expect(evaluation.mistakes.map(\.predicted) == [2, 1] && evaluation.mistakes.map(\.label) == [1, 0])
        // softmax([0, 0, 5])[2] = e⁵ / (2 + e⁵); softmax([0, 1, 0.5])[1] = e / (1 + e + e^0.5).
        #expect(abs(evaluation.mistakes[0].score - exp(5) / (2 + exp(5))) < 1e-15)
        #expect(abs(evaluation.mistakes[1].score - exp(1) / (1 + exp(1) + exp(0.5))) < 1e-15)
        let accuracies = evaluation.classAccuracies
        #expect(accuracies[0] == 0.5 && accuracies[1] == 0 && accuracies[2] == 1)
    }

    @Test("Threshold decisions on one output are two classes; several outputs are not classes")
    func threshold() throws {
        var tally = try #require(ClassTally(split: .train, decision: .threshold(0.5), outputColumns: 1, mistakesKept: 32))
        tally.add(Matrix.column([0.9, 0.2, 0.6, 0.4]), targets: Matrix.column([1, 1, 0, 0]), rows: [0, 1, 2, 3][...])
        #expect(tally.evaluation.counts == [[1, 1], [1, 1]])
        #expect(tally.evaluation.mistakes.map(\.row) == [1, 2])  // |0.2 − 0.5| > |0.6 − 0.5|
        #expect(ClassTally(split: .train, decision: .threshold(0.5), outputColumns: 3, mistakesKept: 32) == nil)
    }

    @Test("Mistakes are kept up to the number asked for, whichever block they came in, and ties go to the lower row")
    func mistakesKept() throws {
        var tally = try #require(ClassTally(split: .test, decision: .argmax, outputColumns: 2, mistakesKept: 32))
        for block in 0..<3 {
            let rows = (block * 20)..<(block * 20 + 20)
            // Every row of class 0 decided 1 with the same probability.
            tally.add(Matrix(rows: 20, columns: 2, elements: Array(repeating: [0.0, 1.0], count: 20).flatMap { $0 }),
                      targets: Matrix.column(Array(repeating: 0, count: 20)), rows: Array(rows)[...])
        }
        #expect(tally.evaluation.mistakes.count == 32)
        #expect(tally.evaluation.mistakes.map(\.row) == Array(0..<32))
        #expect(tally.evaluation.counts == [[0, 60], [0, 0]])
    }

    @Test("After training, each split's confusion matrix agrees with its recorded accuracy")
    func agreesWithHistory() {
        var random = TestRandom(seed: 5)
        let network = Sequential([Linear(2, 8, random: &random), ReLU(), Linear(8, 3, random: &random)])
        let points = (0..<90).map { index -> [Double] in
            let angle = Double(index % 3) * 2.1 + Double(index) * 0.01
            return [cos(angle) + 0.3 * sin(Double(index)), sin(angle) + 0.3 * cos(Double(index) * 1.7)]
        }
        let inputs = InputTable(Matrix(rows: 90, columns: 2, elements: points.flatMap { $0 }))
        let targets = Matrix.column((0..<90).map { Double($0 % 3) })
        let training = Examples(inputs: inputs, targets: targets, indices: Array(0..<60))
        let test = Examples(inputs: inputs, targets: targets, indices: Array(60..<90))
        let trainer = Trainer(network: network, loss: SoftmaxCrossEntropy(), optimizer: SGD(learningRate: 0.1),
                              configuration: TrainingConfiguration(epochs: 5, batching: .miniBatch(16), shuffle: true, decision: .argmax))
        var order = TestRandom(seed: 6)
        let history = trainer.train(on: training, evaluating: [(.test, test)], random: &order)
        #expect(history.classEvaluations.map(\.split) == [.train, .test])
        for evaluation in history.classEvaluations {
            let correct = evaluation.counts.indices.reduce(0) { $0 + evaluation.counts[$1][$1] }
            let recorded = history.split(evaluation.split)?.accuracy?.last ?? .nan
            #expect(Double(correct) / Double(evaluation.total) == recorded)
        }
        #expect(history.classEvaluations[1].total == 30)
    }
}
