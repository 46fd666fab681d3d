import Dispatch

/// What must be the same for two trainings to train together in lockstep (`Trainer.trainTogether`),
/// besides their examples: their layers and SGD's rule, and a loop of full batches of the same
/// epochs in double precision. Learning rates, losses, initial weights and recording cadences may
/// differ.
public struct LockstepSignature: Equatable {
    fileprivate let kernel: LockstepKernel.Signature
    fileprivate let epochs: Int
}

extension Trainer {
    /// How many trainings train side by side at most: one per lane of a vector.
    public static let lockstepLanes = LockstepKernel.lanes

    /// This training's lockstep signature on `training`, or nil when it cannot train in lockstep:
    /// mini-batches, single precision, or a network, loss or optimizer the kernel does not take.
    public func lockstepSignature(on training: Examples) -> LockstepSignature? {
        guard configuration.precision == .float64, training.count > 0,
              configuration.batching.size(for: training.count) >= training.count,
              let kernel = LockstepKernel.signature(network: network, loss: loss, optimizer: optimizer, rows: training.count,
                                                    inputWidth: training.inputWidth, targetWidth: training.targets.columns)
        else { return nil }
        return LockstepSignature(kernel: kernel, epochs: configuration.epochs)
    }

    /// Trains every trainer's network on `training`, `lockstepLanes` at a time in lockstep, and
    /// records metrics of it and of every split in `evaluation`: each history the one `train` gives
    /// the trainer alone, to the bit. Every trainer must have the same lockstep signature on
    /// `training`, and a fresh optimizer.
    ///
    /// `onEpoch[i]` hears trainer i's epochs. Trainer i's network holds its trained weights when a
    /// history record is taken (after the epochs `configuration.records` names) and when training
    /// ends; in between, its weights are the kernel's. Each epoch's wall time is shared equally
    /// among the networks trained in it.
    public static func trainTogether(_ trainers: [Trainer], on training: Examples,
                                     evaluating evaluation: [(name: Split, examples: Examples)] = [],
                                     onEpoch: [((Int) -> Void)?]? = nil) -> [TrainingHistory] {
        let signatures = trainers.map { $0.lockstepSignature(on: training) }
        precondition(signatures.allSatisfy { $0 != nil && $0 == signatures.first! },
                     "Trainings with different lockstep signatures cannot train together")
        var histories: [TrainingHistory] = []
        let whole = training.materialized
        for start in stride(from: 0, to: trainers.count, by: lockstepLanes) {
            let end = min(start + lockstepLanes, trainers.count)
            var pack = LockstepPack(trainers: Array(trainers[start..<end]), training: training, whole: whole, evaluation: evaluation)
            histories += pack.train(onEpoch: (start..<end).map { onEpoch?[$0] })
        }
        return histories
    }
}

/// The networks trained by one lockstep kernel, each with its own recorder.
private struct LockstepPack {
    let trainers: [Trainer]
    let kernel: LockstepKernel
    let whole: LabeledData
    var recorders: [HistoryRecorder]
    let predictors: [NetworkPredictions]

    init(trainers: [Trainer], training: Examples, whole: LabeledData, evaluation: [(name: Split, examples: Examples)]) {
        self.trainers = trainers
        self.whole = whole
        guard let kernel = LockstepKernel(networks: trainers.map(\.network), losses: trainers.map(\.loss),
                                          optimizers: trainers.map(\.optimizer), rows: training.count,
                                          inputWidth: training.inputWidth, targetWidth: training.targets.columns)
        else { preconditionFailure("The lockstep kernel refused trainings whose signatures agree") }
        self.kernel = kernel
        recorders = trainers.map {
            HistoryRecorder(splits: [(.train, training)] + evaluation, loss: $0.loss, decision: $0.configuration.decision,
                            weightCount: $0.network.weights.count)
        }
        predictors = trainers.map { NetworkPredictions(network: $0.network) }
    }

    /// The loop of `Trainer.train` for full batches, for every lane: the forward pass's output and
    /// loss are the training metrics of the epoch before; a NaN or infinite loss ends that lane's
    /// run before its update, as diverged; the others go on.
    mutating func train(onEpoch: [((Int) -> Void)?]) -> [TrainingHistory] {
        let epochs = trainers[0].configuration.epochs
        var finished = [TrainingHistory?](repeating: nil, count: trainers.count)
        var active = Array(trainers.indices)
        var steps = 0
        var losses = [Double](repeating: 0, count: LockstepKernel.lanes)
        for epoch in stride(from: 1, through: epochs, by: 1) {
            let started = DispatchTime.now()
            kernel.forward(inputs: whole.inputs, targets: whole.targets, losses: &losses)
            for lane in active {
                let diverged = !losses[lane].isFinite
                if trainers[lane].configuration.records(epoch: epoch - 1) || diverged { kernel.storeParameters(lane: lane) }
                if trainers[lane].configuration.records(epoch: epoch - 1) {
                    recorders[lane].record(epoch: epoch - 1, engine: predictors[lane], trainingOutput: kernel.output(lane: lane),
                                           trainingLoss: losses[lane])
                }
                if diverged {
                    finished[lane] = recorders[lane].finish(steps: steps, outcome: .diverged(epoch: epoch, step: steps + 1))
                    kernel.retire(lane: lane)
                }
            }
            active.removeAll { finished[$0] != nil }
            if active.isEmpty { break }
            kernel.backward(inputs: whole.inputs)
            steps += 1
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9 / Double(active.count)
            for lane in active {
                recorders[lane].keepEpoch(loss: losses[lane], seconds: seconds)
                if trainers[lane].configuration.records(epoch: epoch) { kernel.storeParameters(lane: lane) }
                onEpoch[lane]?(epoch)
            }
        }
        for lane in active {
            kernel.storeParameters(lane: lane)
            let configuration = trainers[lane].configuration
            if recorders[lane].history.epochs.last != configuration.epochs {
                recorders[lane].record(epoch: configuration.epochs, engine: predictors[lane])
            }
            recorders[lane].evaluateClasses(engine: predictors[lane], outputColumns: kernel.outputWidth, mistakesKept: configuration.mistakesKept)
            finished[lane] = recorders[lane].finish(steps: steps, outcome: .completed)
        }
        return finished.map { $0! }
    }
}

/// Predictions of a network with the weights it holds, for a lane's records.
private final class NetworkPredictions: NetworkPredictor {
    let network: Sequential
    init(network: Sequential) { self.network = network }
    func predict(_ inputs: Matrix) -> Matrix { network.predict(inputs) }
}
