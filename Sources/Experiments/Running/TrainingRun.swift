import Datasets
import Foundation
import NeuralNet

/// Trains one network as its setup says and records everything the report needs.
public enum TrainingRun {
    /// How many of a classifier's surest mistakes a run keeps of each split: enough for the
    /// mistakes figure, a fixed number whatever the split's size.
    public static let mistakesKept = 32

    /// Who hears how far a run is: the epochs done, and the batches done of an epoch's batches.
    struct Progress {
        var epochDone: (Int) -> Void
        var batchDone: ((Int, Int) -> Void)?
    }

    /// Runs `setup` on `data`; `progress` hears the epochs and, in mini-batch runs, the batches done.
    static func run(_ setup: TrainingSetup, data: PreparedData, dataIndex: Int, progress: Progress) -> TrainingResult {
        let started = DispatchTime.now()
        var initRandom = RandomState(seed: setup.seeds.initialization)
        let network = NetworkBuilder.initialized(setup.layers, inputWidth: data.inputWidth, random: &initRandom)
        let initial = NetworkBuilder.parameters(of: network)
        let loop = setup.loop
        let configuration = TrainingConfiguration(
            epochs: loop.epochs, batching: loop.batching, shuffle: loop.shuffle, evaluateEvery: loop.evaluateEvery,
            decision: setup.loss.decision(isClassification: data.isClassification), precision: loop.precision,
            mistakesKept: TrainingRun.mistakesKept)
        let trainer = Trainer(network: network, loss: setup.loss.makeLoss(reduction: setup.reduction),
                              optimizer: setup.optimizer.makeOptimizer(), configuration: configuration)

        let probeInputs = Matrix.column(loop.probes)
        var probes: [ProbeRecord] = []
        func recordProbes(_ epoch: Int) {
            guard !loop.probes.isEmpty else { return }
            probes.append(ProbeRecord(epoch: epoch, predictions: network.predict(probeInputs).elements))
        }
        recordProbes(0)
        var shuffleRandom = RandomState(seed: setup.seeds.shuffle)
        let evaluation = data.splits.dropFirst().map { $0 }
        // Only mini-batch epochs are long enough, and their batches few enough, to report each one.
        let onBatch: ((Int, Int) -> Void)? = if case .miniBatch = loop.batching { progress.batchDone } else { nil }
        let history = withoutActuallyEscaping(progress.epochDone) { epochDone in
            trainer.train(on: data.examples(of: .train), evaluating: evaluation, random: &shuffleRandom, onEpoch: { epoch in
                if configuration.records(epoch: epoch) { recordProbes(epoch) }
                epochDone(epoch)
            }, onBatch: onBatch)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return TrainingResult(history: history, initialParameters: initial, finalParameters: NetworkBuilder.parameters(of: network),
                              probes: probes, dataIndex: dataIndex, seconds: seconds)
    }
}
