import Experiments
import NeuralNet
import Wording

/// What a run's training loss did over the whole run, epoch by epoch, not only where it ended: a
/// run whose loss blew up and came back is not a run that "completed" like the others, and a run
/// whose loss barely moved did not learn, whatever its final number.
///
/// The epochs' losses are the history's `batchLoss` (every epoch's, kept for the first
/// `TrainingHistory.maximumEpochLosses`), else its records of the training loss. A full batch's
/// epoch loss is taken before that epoch's step, so it is the loss after the epochs before it (and
/// is dated so); a mini-batch epoch's is the mean over its batches, dated by the epoch itself.
struct RunBehaviour: Equatable {
    /// A loss above this many times its start, at any epoch, makes a run unstable.
    static let blowUpFactor = 1000.0
    /// A run learnt when its final training loss is at most this share of its start.
    static let learntShare = 0.9

    /// What happened, in order of gravity.
    enum Kind: Equatable {
        /// The loss fell clearly below its start and never blew up.
        case learnt
        /// The loss never blew up, but did not fall clearly below its start.
        case didNotLearn
        /// The loss rose above `blowUpFactor` times its start at some epoch (and stayed finite).
        case unstable
        /// The loss became NaN or infinite; training stopped.
        case diverged
    }

    /// The training loss at the start (the untrained network's).
    let initial: Double?
    /// The last training loss recorded; for a diverged run, its last finite one.
    let final: Double?
    /// The epoch `final` belongs to.
    let finalEpoch: Int
    /// The highest epoch loss and its epoch.
    let peak: (loss: Double, epoch: Int)?
    /// Where it diverged, if it did.
    let divergence: (epoch: Int, step: Int)?

    /// The behaviour of a run whose history is `history`, trained in full batches when `fullBatch`.
    init(_ history: TrainingHistory, fullBatch: Bool) {
        let recorded = zip(history.epochs, history.splits.first?.loss ?? []).map { (epoch: $0, loss: $1) }
        // Every epoch's loss when kept, else the records.
        let offset = fullBatch ? 0 : 1
        let epochs = history.batchLoss.isEmpty ? recorded.filter { $0.epoch > 0 }
            : history.batchLoss.enumerated().map { (epoch: $0.offset + offset, loss: $0.element) }
        initial = recorded.first?.loss ?? epochs.first?.loss
        let finite = (recorded + epochs).filter { $0.loss.isFinite }
        peak = finite.max { $0.loss < $1.loss }.map { ($0.loss, $0.epoch) }
        if case .diverged(let epoch, let step) = history.outcome {
            divergence = (epoch, step)
            let last = finite.max { $0.epoch < $1.epoch }
            (final, finalEpoch) = (last?.loss, last?.epoch ?? 0)
        } else {
            divergence = nil
            let last = recorded.last
            (final, finalEpoch) = (last?.loss, last?.epoch ?? 0)
        }
    }

    static func == (left: RunBehaviour, right: RunBehaviour) -> Bool { left.kind == right.kind && left.peak?.loss == right.peak?.loss }

    /// What happened.
    var kind: Kind {
        if divergence != nil { return .diverged }
        if isUnstable { return .unstable }
        guard let initial, let final, final <= Self.learntShare * initial else { return .didNotLearn }
        return .learnt
    }

    /// Whether the loss rose above `blowUpFactor` times its start at some epoch.
    var isUnstable: Bool {
        guard let initial, initial > 0, let peak else { return false }
        return peak.loss > Self.blowUpFactor * initial
    }

    /// Whether its curve stays within the range of runs that behaved: neither unstable nor diverged.
    var isBounded: Bool { kind == .learnt || kind == .didNotLearn }

    /// "the training loss reached 2310 at epoch 4, more than 1000 times its start (0.8994)".
    var peakText: String? {
        guard isUnstable, let peak, let initial else { return nil }
        return "the training loss reached \(peak.loss.shortText) at epoch \(peak.epoch), more than \(Int(Self.blowUpFactor)) times its start "
            + "(\(initial.shortText))"
    }

    /// How a table cell or a sentence names what happened: "completed", "unstable: …", "diverged at epoch 12 (step 12)".
    var outcomeText: String {
        switch kind {
        case .diverged:
            let (epoch, step) = divergence!
            let last = final.map { "; its last finite training loss was \($0.shortText), at epoch \(finalEpoch)" } ?? ""
            return "diverged at epoch \(epoch) (step \(step)): the loss became infinite or NaN\(last)"
        case .unstable: return "unstable: \(peakText!)"
        case .didNotLearn, .learnt: return "completed"
        }
    }
}

extension RunResult {
    /// What its training loss did, for a training run.
    var behaviour: RunBehaviour? {
        guard let history = training?.history, let setup = trainingSetup else { return nil }
        return RunBehaviour(history, fullBatch: setup.loop.batching == .full)
    }
}
