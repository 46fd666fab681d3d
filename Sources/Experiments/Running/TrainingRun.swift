import Datasets
import Foundation
import NeuralNet

/// Trains networks as their setups say and records everything the report needs: one at a time, or
/// several at once in lockstep when they can (`Trainer.trainTogether`), with the same results.
public enum TrainingRun {
    /// How many of a classifier's surest mistakes a run keeps of each split: enough for the
    /// mistakes figure, a fixed number whatever the split's size.
    public static let mistakesKept = 32

    /// Who hears how far a run is: the epochs done, and the batches done of an epoch's batches.
    struct Progress {
        var epochDone: (Int) -> Void
        var batchDone: ((Int, Int) -> Void)?
    }

    /// A setup's trainer, freshly initialised, and what its result records before training.
    struct Prepared {
        let setup: TrainingSetup
        let trainer: Trainer
        let initialParameters: [NamedMatrix]
        let configuration: TrainingConfiguration

        /// Builds the network from the setup's initialisation seed, with its loss and optimizer.
        init(_ setup: TrainingSetup, data: PreparedData) {
            self.setup = setup
            var initRandom = RandomState(seed: setup.seeds.initialization)
            let network = NetworkBuilder.initialized(setup.layers, inputWidth: data.inputWidth, random: &initRandom)
            initialParameters = NetworkBuilder.parameters(of: network)
            let loop = setup.loop
            configuration = TrainingConfiguration(
                epochs: loop.epochs, batching: loop.batching, shuffle: loop.shuffle, evaluateEvery: loop.evaluateEvery,
                decision: setup.loss.decision(isClassification: data.isClassification), precision: loop.precision,
                mistakesKept: TrainingRun.mistakesKept)
            trainer = Trainer(network: network, loss: setup.loss.makeLoss(reduction: setup.reduction),
                              optimizer: setup.optimizer.makeOptimizer(), configuration: configuration)
        }

        /// The network's predictions at the setup's probe inputs after `epoch`, kept when it records.
        func probe(_ epoch: Int, into probes: inout [ProbeRecord]) {
            guard !setup.loop.probes.isEmpty else { return }
            probes.append(ProbeRecord(epoch: epoch, predictions: trainer.network.predict(Matrix.column(setup.loop.probes)).elements))
        }

        /// The result of the trained network with `history`, having taken `seconds`, trained in a
        /// pack of `lockstepNetworks`.
        func result(history: TrainingHistory, probes: [ProbeRecord], dataIndex: Int, seconds: Double, lockstepNetworks: Int = 1) -> TrainingResult {
            TrainingResult(history: history, initialParameters: initialParameters,
                           finalParameters: NetworkBuilder.parameters(of: trainer.network), probes: probes, dataIndex: dataIndex,
                           seconds: seconds, lockstepNetworks: lockstepNetworks)
        }
    }

    /// Whether `setup` can train in lockstep on `data`, and with which others: its signature
    /// (`Trainer.lockstepSignature`), or nil. Builds the network only for full-batch,
    /// double-precision loops, which are the only ones that can.
    static func lockstepSignature(_ setup: TrainingSetup, data: PreparedData) -> LockstepSignature? {
        let rows = data.indices.train.count
        guard setup.loop.precision == .float64, rows > 0, setup.loop.batching.size(for: rows) >= rows else { return nil }
        return Prepared(setup, data: data).trainer.lockstepSignature(on: data.examples(of: .train))
    }

    /// Runs `setup` on `data`; `progress` hears the epochs and, in mini-batch runs, the batches done.
    static func run(_ setup: TrainingSetup, data: PreparedData, dataIndex: Int, progress: Progress) -> TrainingResult {
        let started = DispatchTime.now()
        let prepared = Prepared(setup, data: data)
        let configuration = prepared.configuration
        var probes: [ProbeRecord] = []
        prepared.probe(0, into: &probes)
        var shuffleRandom = RandomState(seed: setup.seeds.shuffle)
        let evaluation = data.splits.dropFirst().map { $0 }
        // Only mini-batch epochs are long enough, and their batches few enough, to report each one.
        let onBatch: ((Int, Int) -> Void)? = if case .miniBatch = setup.loop.batching { progress.batchDone } else { nil }
        let history = withoutActuallyEscaping(progress.epochDone) { epochDone in
            prepared.trainer.train(on: data.examples(of: .train), evaluating: evaluation, random: &shuffleRandom, onEpoch: { epoch in
                if configuration.records(epoch: epoch) { prepared.probe(epoch, into: &probes) }
                epochDone(epoch)
            }, onBatch: onBatch)
        }
        return prepared.result(history: history, probes: probes, dataIndex: dataIndex, seconds: seconds(since: started))
    }

    /// Runs `setups`, which share `data` and a lockstep signature, together in lockstep: each gets
    /// the result it would get alone; the wall time is shared equally among them. `progress` hears
    /// the epochs of the first.
    static func runTogether(_ setups: [TrainingSetup], data: PreparedData, dataIndex: Int, progress: Progress) -> [TrainingResult] {
        let started = DispatchTime.now()
        let members = setups.map { Prepared($0, data: data) }
        var probes = [[ProbeRecord]](repeating: [], count: members.count)
        for index in members.indices { members[index].probe(0, into: &probes[index]) }
        let evaluation = data.splits.dropFirst().map { $0 }
        let histories = withoutActuallyEscaping(progress.epochDone) { epochDone in
            let listeners: [((Int) -> Void)?] = members.indices.map { index in
                { epoch in
                    // A lane's network holds its weights at the epochs it records (trainTogether's contract).
                    if members[index].configuration.records(epoch: epoch) { members[index].probe(epoch, into: &probes[index]) }
                    if index == 0 { epochDone(epoch) }
                }
            }
            return Trainer.trainTogether(members.map(\.trainer), on: data.examples(of: .train), evaluating: evaluation, onEpoch: listeners)
        }
        let share = seconds(since: started) / Double(members.count)
        return members.indices.map {
            members[$0].result(history: histories[$0], probes: probes[$0], dataIndex: dataIndex, seconds: share, lockstepNetworks: members.count)
        }
    }

    private static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
