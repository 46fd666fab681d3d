import Configuration
import Experiments
import NeuralNet
import Wording

/// Facts and findings of a training experiment: final metrics per run, gaps, convergence, sweeps.
enum TrainingAnalysis {
    static func analyze(_ result: ExperimentResult, surface: Settings<DecisionSurfaceFigure.Keys>?, predictions: PredictionCache) -> Findings {
        var findings = Findings()
        let runs = result.runs
        let single = runs.count == 1
        let grid = SweepGrid(result)
        findings.facts["runs"] = .count(runs.count)
        for run in runs {
            guard let training = run.training, let setup = run.trainingSetup else { continue }
            let data = result.prepared.datasets[training.dataIndex]
            let facts = runFacts(run, training, setup, data)
            for (key, value) in facts.sorted(by: { $0.key < $1.key }) {
                findings.set("\(Slug.make(run.name)).\(key)", to: value, by: .run(run.name, in: result.experiment))
                if single { findings.facts[key] = value }
            }
            // A sweep's runs are rows of its results table; its findings speak of trends instead.
            if grid == nil { findings.sentences.append(sentence(run, training, setup, facts, named: !single)) }
        }
        let kinds = runs.compactMap(\.behaviour?.kind)
        findings.facts["diverged_runs"] = .count(kinds.filter { $0 == .diverged }.count)
        findings.facts["unstable_runs"] = .count(kinds.filter { $0 == .unstable }.count)
        findings.facts["runs_that_learnt"] = .count(kinds.filter { $0 == .learnt }.count)
        if runs.count > 1 {
            let best = bestRun(runs)
            findings.facts["best_run"] = best.map { .text($0.name) } ?? .missing(noneLearnt)
            findings.facts["best_run.final_loss"] = best.map { .number($0.training!.history.splits[0].loss.last!) } ?? .missing(noneLearnt)
        }
        if let grid { sweepFindings(grid, into: &findings) }
        surfaceFacts(result, surface: surface, predictions: predictions, into: &findings)
        return findings
    }

    /// Why no run is the best: none learnt.
    static let noneLearnt = "none (no run learnt: each diverged, was unstable, or ended above \(Int(RunBehaviour.learntShare * 100))% of its initial training loss)"

    /// The run with the lowest final training loss among those that learnt (see `RunBehaviour`).
    static func bestRun(_ runs: [RunResult]) -> RunResult? {
        runs.filter { $0.behaviour?.kind == .learnt }
            .min { ($0.training!.history.splits[0].loss.last ?? .infinity) < ($1.training!.history.splits[0].loss.last ?? .infinity) }
    }

    /// What a loop that prints the loss before each epoch's update and the accuracy after it (as the
    /// notebooks' loops do) prints: its last loss is the loss after the next-to-last epoch, its first
    /// accuracy the one after the first epoch. Pages that quote a notebook's printed numbers compare
    /// them with these, not with the loss after the last update, which such a loop never prints.
    private static func loggedFacts(_ history: TrainingHistory) -> [String: Fact] {
        let lastEpoch = history.epochs.last ?? 0
        func at(_ epoch: Int, _ series: [Double]?) -> Double? {
            history.epochs.firstIndex(of: epoch).flatMap { index in series.flatMap { index < $0.count ? $0[index] : nil } }
        }
        let unrecorded = { (epoch: Int) in Fact.missing("not recorded (epoch \(epoch) is not an evaluated epoch)") }
        var facts: [String: Fact] = [:]
        facts["loss_before_last_epoch"] = lastEpoch < 1 ? .missing("no epoch ran")
            : at(lastEpoch - 1, history.splits.first?.loss).map { .number($0) } ?? unrecorded(lastEpoch - 1)
        if let accuracy = history.splits.first?.accuracy {
            facts["train_accuracy_after_first_epoch"] = lastEpoch < 1 ? .missing("no epoch ran")
                : at(1, accuracy).map { .fraction($0) } ?? unrecorded(1)
        }
        return facts
    }

    private static func runFacts(_ run: RunResult, _ training: TrainingResult, _ setup: TrainingSetup, _ data: PreparedData) -> [String: Fact] {
        var facts: [String: Fact] = [:]
        let history = training.history
        let behaviour = RunBehaviour(history, fullBatch: setup.loop.batching == .full)
        let lastEpoch = history.epochs.last ?? 0
        // A diverged run completed the epochs before the one whose loss was not finite.
        facts["epochs"] = .epoch(behaviour.divergence.map { $0.epoch - 1 } ?? lastEpoch)
        facts["steps"] = .count(history.steps)
        facts["parameters"] = .count(training.finalParameters.reduce(0) { $0 + $1.values.count })
        facts["outcome"] = .text(behaviour.outcomeText)
        // Every run has every fact, a missing one saying why (the facts known before training are these).
        facts["peak_loss"] = behaviour.peak.map { .number($0.loss) } ?? .missing("none (no finite training loss)")
        facts["peak_epoch"] = behaviour.peak.map { .epoch($0.epoch) } ?? .missing("none (no finite training loss)")
        if let divergence = behaviour.divergence {
            facts["diverged_at_epoch"] = .epoch(divergence.epoch)
            facts["last_finite_loss"] = behaviour.final.map { .number($0) } ?? .missing("none (the first loss was not finite)")
        } else {
            facts["diverged_at_epoch"] = .missing("none (the run did not diverge)")
            facts["last_finite_loss"] = behaviour.final.map { .number($0) } ?? .missing("none (no finite training loss)")
        }
        facts.merge(loggedFacts(history)) { first, _ in first }
        // A diverged run has no final values: its records stop at the last evaluation before it
        // diverged, which "final" would misname.
        let noFinal = behaviour.divergence.map { Fact.missing("none (the run diverged at epoch \($0.epoch))") }
        for split in history.splits {
            let prefix = split.name == .train ? "" : "\(split.name.rawValue)_"
            facts["\(prefix)initial_loss"] = split.loss.first.map { .number($0) }
            facts["\(prefix)final_loss"] = noFinal ?? split.loss.last.map { .number($0) }
            if let accuracy = split.accuracy {
                facts["\(split.name)_accuracy"] = noFinal ?? accuracy.last.map { .fraction($0) }
                facts["initial_\(split.name)_accuracy"] = accuracy.first.map { .fraction($0) }
            }
        }
        if noFinal == nil, let train = history.splits.first?.accuracy?.last, let test = history.split(.test)?.accuracy?.last {
            facts["gap"] = Fact(.points((train - test) * 100))
        }
        facts.merge(classFacts(history, data: data)) { first, _ in first }
        let noConvergence = Self.noConvergence(behaviour)
        facts["convergence_epoch"] = convergenceEpoch(history, behaviour).map { .epoch($0) } ?? .missing(noConvergence)
        switch settling(history, behaviour) {
        case .settled(let epoch): facts["converged"] = .text("by epoch \(epoch)")
        case .stillFalling: facts["converged"] = .text("not before the last epoch, \(lastEpoch) (its loss is still falling)")
        case nil: facts["converged"] = .missing(noConvergence)
        }
        if let target = setup.loop.targetLoss {
            let losses = history.splits[0].loss
            if let index = losses.firstIndex(where: { $0 <= target }) {
                let epoch = history.epochs[index]
                let stepsPerEpoch = Double(history.steps) / Double(max(history.epochs.last ?? 1, 1))
                facts["epochs_to_target"] = .epoch(epoch)
                facts["steps_to_target"] = .count(Int((Double(epoch) * stepsPerEpoch).rounded()))
            } else {
                facts["epochs_to_target"] = .missing("not reached in the \(lastEpoch) epochs")
                facts["steps_to_target"] = .missing("not reached in the \(history.steps) steps")
            }
        }
        if let last = training.probes.last {
            let truth = setup.data.source.truth
            for (x, prediction) in zip(setup.loop.probes, last.predictions) {
                facts["prediction_at_\(x.shortText)"] = .number(prediction)
                if let truth { facts["truth_at_\(x.shortText)"] = .number(truth.value(at: x)) }
            }
        }
        if let (weights, bias) = linearModel(setup, parameters: training.finalParameters) {
            facts["w"] = weights.count == 1 ? .number(weights[0]) : .text(vectorText(weights))
            facts["b"] = .number(bias)
            // A decision boundary exists only for classes; a regression's line is just w and b.
            if data.isClassification {
                facts["boundary"] = .text(boundaryEquation(weights: weights, bias: bias, standardized: data.standardizer != nil))
            }
            if let initial = linearModel(setup, parameters: training.initialParameters) {
                facts["initial_w"] = initial.0.count == 1 ? .number(initial.0[0]) : .text(vectorText(initial.0))
                facts["initial_b"] = .number(initial.1)
            }
        }
        return facts
    }

    /// "1.5" for one number, "(1.5, −2)" for several.
    static func vectorText(_ values: [Double]) -> String {
        values.count == 1 ? values[0].shortText : "(" + values.map(\.shortText).joined(separator: ", ") + ")"
    }

    /// Why a run has no convergence epoch, in the words of a missing fact.
    static func noConvergence(_ behaviour: RunBehaviour) -> String {
        switch behaviour.kind {
        case .diverged: "never (the run diverged)"
        case .unstable: "never (the run was unstable: \(behaviour.peakText!))"
        case .didNotLearn, .learnt: "never (the training loss did not fall below \(Int(RunBehaviour.learntShare * 100))% of its start)"
        }
    }

    /// The first evaluated epoch by which the training loss had made 99% of its total decrease,
    /// for a run that learnt (`RunBehaviour`): a loss that blew up, or barely fell, has no such epoch.
    static func convergenceEpoch(_ history: TrainingHistory, _ behaviour: RunBehaviour) -> Int? {
        guard behaviour.kind == .learnt, let losses = history.splits.first?.loss, let first = losses.first, let last = losses.last,
              first > last else { return nil }
        let goal = last + 0.01 * (first - last)
        return losses.firstIndex { $0 <= goal }.map { history.epochs[$0] }
    }

    /// How a run's training loss ended, or nil when it diverged or never fell.
    enum Settling: Equatable {
        /// 99% of the decrease was made by `epoch`, before the last one.
        case settled(epoch: Int)
        /// The 99% point is the last epoch: more than 1% of the decrease came after the last
        /// evaluation before it, so "converged by the last epoch" would only name the budget's end.
        case stillFalling
    }

    /// Whether the loss of `history` settled before its last epoch, and when; nil for a run that did not learn.
    static func settling(_ history: TrainingHistory, _ behaviour: RunBehaviour) -> Settling? {
        guard let epoch = convergenceEpoch(history, behaviour) else { return nil }
        return epoch == history.epochs.last ? .stillFalling : .settled(epoch: epoch)
    }

    /// w and b of a model that is one linear unit (and an activation), else nil.
    static func linearModel(_ setup: TrainingSetup, parameters: [NamedMatrix]) -> ([Double], Double)? {
        let linear = setup.layers.filter { if case .linear = $0 { true } else { false } }
        guard linear.count == 1, parameters.count == 2, parameters[0].shape[1] == 1 else { return nil }
        return (parameters[0].values, parameters[1].values[0])
    }

    /// "1.23·x₁ + 0.98·x₂ + 0.01 = 0".
    static func boundaryEquation(weights: [Double], bias: Double, standardized: Bool) -> String {
        var text = ""
        for (index, weight) in weights.enumerated() {
            let name = weights.count == 1 ? "x" : "x" + (index + 1).subscriptText
            text += index == 0 ? "\(weight.shortText)·\(name)" : " \(weight < 0 ? "−" : "+") \(abs(weight).shortText)·\(name)"
        }
        text += " \(bias < 0 ? "−" : "+") \(abs(bias).shortText) = 0"
        return text + (standardized ? " (standardised inputs)" : "")
    }

    private static func sentence(_ run: RunResult, _ training: TrainingResult, _ setup: TrainingSetup,
                                 _ runFacts: [String: Fact], named: Bool) -> String {
        let facts = runFacts.mapValues(\.text)
        let history = training.history
        let behaviour = RunBehaviour(history, fullBatch: setup.loop.batching == .full)
        var parts: [String] = []
        let lossName = "training loss"
        switch behaviour.kind {
        case .diverged:
            parts.append("**diverged**: \(behaviour.outcomeText), so training stopped there")
        case .unstable:
            parts.append("**unstable**: \(behaviour.peakText!)")
            if let first = facts["initial_loss"], let last = facts["final_loss"] {
                parts.append("\(lossName) \(first) → \(last) after \(facts["epochs"] ?? "?") epochs (\(history.steps) steps)")
            }
        case .didNotLearn, .learnt:
            if let first = facts["initial_loss"], let last = facts["final_loss"] {
                parts.append("\(lossName) \(first) → \(last) after \(facts["epochs"] ?? "?") epochs (\(history.steps) steps)"
                             + (behaviour.kind == .didNotLearn ? ", not below \(Int(RunBehaviour.learntShare * 100))% of its start: it did not learn" : ""))
            }
        }
        if behaviour.divergence == nil, let train = facts["train_accuracy"] {
            var accuracy = "accuracy: train \(train)"
            if let validation = facts["validation_accuracy"] { accuracy += ", validation \(validation)" }
            if let test = facts["test_accuracy"] { accuracy += ", test \(test)" }
            if let gap = facts["gap"] { accuracy += " (train − test gap \(gap))" }
            parts.append(accuracy)
        } else if behaviour.divergence == nil, let test = facts["test_final_loss"] {
            parts.append("test loss \(test)")
        }
        switch settling(history, behaviour) {
        case .settled(let epoch): parts.append("99% of the loss decrease reached by epoch \(epoch)")
        case .stillFalling: parts.append("the loss is still falling at the last epoch (more than 1% of its decrease came after the last evaluation before it)")
        case nil: break
        }
        if let steps = facts["steps_to_target"], let epochs = facts["epochs_to_target"], let target = setup.loop.targetLoss {
            // The loss is only measured at evaluations, so the step count is that epoch's, not the exact step.
            let reached = if case .missing = runFacts["steps_to_target"]?.value { false } else { true }
            parts.append(!reached ? "never reached loss \(target.shortText)"
                         : "reached loss \(target.shortText) by epoch \(epochs) (\(steps) steps)")
        }
        if let w = facts["w"], let b = facts["b"] {
            parts.append("learned w = \(w), b = \(b)" + (facts["boundary"].map { "; boundary \($0)" } ?? ""))
        }
        let text = parts.joined(separator: "; ") + "."
        return named ? "**\(run.name)**: " + text : text.prefix(1).uppercased() + text.dropFirst()
    }

    /// Whether `run`'s loss settled before its last epoch, and when; nil for a run that did not learn.
    static func settling(of run: RunResult) -> Settling? {
        guard let history = run.training?.history, let behaviour = run.behaviour else { return nil }
        return settling(history, behaviour)
    }

    /// Per variant of a sweep: the best value, how convergence and accuracy change along the
    /// sweep, and which values diverged, blew up or did not learn. Only runs that learnt compete
    /// for "best" and "soonest".
    private static func sweepFindings(_ grid: SweepGrid, into findings: inout Findings) {
        let parameter = Slug.make(grid.parameter)
        for (variant, runs) in zip(grid.variants, grid.runs) {
            var parts: [String] = []
            let prefix = variant.map { "\(Slug.make($0))." } ?? ""
            if let best = bestRun(runs) {
                let loss = best.training!.history.splits[0].loss.last!.shortText
                findings.set("\(prefix)best_\(parameter)", to: .number(best.sweepValues[0]), by: .variant(variant ?? ""))
                findings.set("\(prefix)best_loss", to: .number(best.training!.history.splits[0].loss.last!), by: .variant(variant ?? ""))
                parts.append("the lowest final training loss, \(loss), comes with \(grid.parameter) = \(best.sweepValues[0].shortText)")
            } else {
                findings.set("\(prefix)best_\(parameter)", to: .missing(noneLearnt), by: .variant(variant ?? ""))
                findings.set("\(prefix)best_loss", to: .missing(noneLearnt), by: .variant(variant ?? ""))
                parts.append("no value learnt, so none is best")
            }
            parts += convergence(runs, grid: grid)
            if let accuracy = bestAccuracy(runs, grid: grid) { parts.append(accuracy) }
            parts += behaviours(runs, grid: grid)
            let text = parts.joined(separator: "; ") + "."
            // A sentence without a variant's name before it begins with a capital.
            findings.sentences.append(variant == nil ? text.prefix(1).uppercased() + text.dropFirst() : SweepGrid.label(variant) + text)
        }
    }

    /// The values whose runs diverged, blew up or did not learn, each group in one phrase; or that
    /// none did.
    private static func behaviours(_ runs: [RunResult], grid: SweepGrid) -> [String] {
        let behaviours = runs.map(\.behaviour)
        func indices(_ kind: RunBehaviour.Kind) -> [Int] { behaviours.indices.filter { behaviours[$0]?.kind == kind } }
        var parts: [String] = []
        let diverged = indices(.diverged)
        if !diverged.isEmpty {
            let epochs = diverged.map { "\(grid.parameter) = \(runs[$0].sweepValues[0].shortText) at epoch \(behaviours[$0]!.divergence!.epoch)" }
            parts.append("\(diverged.count) of the \(runs.count) values diverged (\(epochs.joined(separator: ", ")))")
        }
        let unstable = indices(.unstable)
        if !unstable.isEmpty {
            let peaks = unstable.map { index in
                let peak = behaviours[index]!.peak!
                return "\(grid.parameter) = \(runs[index].sweepValues[0].shortText): \(peak.loss.shortText) at epoch \(peak.epoch)"
            }
            parts.append("\(unstable.count) of the \(runs.count) \(unstable.count == 1 ? "was" : "were") unstable, their training loss rising above "
                         + "\(Int(RunBehaviour.blowUpFactor)) times its start (\(peaks.joined(separator: "; ")))")
        }
        let idle = indices(.didNotLearn)
        if !idle.isEmpty {
            parts.append("with \(grid.phrase(idle)) the final training loss is not below \(Int(RunBehaviour.learntShare * 100))% of its start: "
                         + "\(idle.count == 1 ? "that run" : "those runs") did not learn")
        }
        if diverged.isEmpty && unstable.isEmpty {
            parts.append(runs.count == 1 ? "it neither diverged nor blew up" : "none of the \(runs.count) values diverged or blew up")
        }
        return parts
    }

    /// How fast the loss settles along a sweep, among the runs that learnt: the values that get
    /// there first, and those whose loss is still falling at the last epoch (their "convergence
    /// epoch" is only the budget's end).
    private static func convergence(_ runs: [RunResult], grid: SweepGrid) -> [String] {
        let endings = runs.map { settling(of: $0) }
        let settledEpochs = endings.map { ending -> Int? in if case .settled(let epoch) = ending { epoch } else { nil } }
        let falling = endings.indices.filter { endings[$0] == .stillFalling }
        var parts: [String] = []
        if let fastest = settledEpochs.compactMap({ $0 }).min() {
            let indices = settledEpochs.indices.filter { settledEpochs[$0] == fastest }
            parts.append("99% of the loss decrease is made soonest, by epoch \(fastest), with \(grid.phrase(indices))")
        }
        if !falling.isEmpty {
            parts.append("with \(grid.phrase(falling)) the loss is still falling at the last epoch")
        }
        return parts
    }

    /// Where along a sweep the best final accuracy is reached, among the runs that learnt: on the
    /// test split when there is one (what generalises), else on the training split.
    private static func bestAccuracy(_ runs: [RunResult], grid: SweepGrid) -> String? {
        let split: Split = runs.first?.training?.history.split(.test) == nil ? .train : .test
        let accuracies = runs.enumerated().compactMap { index, run -> (index: Int, value: Double)? in
            guard run.behaviour?.kind == .learnt, let value = run.training?.history.split(split)?.accuracy?.last, !value.isNaN else { return nil }
            return (index, value)
        }
        guard let best = accuracies.map(\.value).max() else { return nil }
        let indices = accuracies.filter { $0.value == best }.map(\.index)
        return "the best final \(split) accuracy, \(best.percentText), comes with \(grid.phrase(indices))"
    }

    /// With two runs on a two-input classification task: how much of the plane they classify alike.
    private static func surfaceFacts(_ result: ExperimentResult, surface: Settings<DecisionSurfaceFigure.Keys>?, predictions: PredictionCache,
                                     into findings: inout Findings) {
        let runs = result.runs.filter { $0.training != nil }
        guard runs.count == 2, let first = runs[0].trainingSetup, let second = runs[1].trainingSetup else { return }
        let data = result.prepared.datasets[runs[0].training!.dataIndex]
        guard data.isClassification, data.inputWidth == 2 else { return }
        guard runs.allSatisfy({ $0.training?.history.outcome.diverged == false }) else {
            findings.facts["surface_agreement"] = .missing("none (a run diverged)")
            findings.facts["surface_difference"] = .missing("none (a run diverged)")
            return
        }
        let plane = DecisionMesh.plane(of: data.all, x: surface?.x, y: surface?.y)
        let a = predictions.mesh(of: runs[0], setup: first, x: plane.x, y: plane.y)
        let b = predictions.mesh(of: runs[1], setup: second, x: plane.x, y: plane.y)
        let agreement = a.agreement(with: b)
        findings.facts["surface_agreement"] = .fraction(agreement)
        findings.facts["surface_difference"] = .fraction(1 - agreement)
        findings.sentences.append("**\(runs[0].name)** and **\(runs[1].name)** assign the same class to \(agreement.percentText) of a 200 × 200 grid over the plane.")
    }
}
