import NeuralNet

/// Which of a schedule's trainings the runner trains together in lockstep (`Trainer.trainTogether`),
/// `Trainer.lockstepLanes` at a time: trainings of the same data and lockstep signature, from one
/// experiment or several. Each training gets the bits it would get alone, so the packing only
/// decides how long the runs take, never what they compute.
///
/// A pack of trainings costs less than training them one after another, but it is one unit of
/// work for one worker. So a group of compatible trainings is cut into as many full packs as give
/// the shortest estimated makespan of the whole schedule on the workers (dealt longest first, as
/// the runner deals them), and the rest train alone: forty networks of a sweep on two workers make
/// ten packs, four networks on two workers train alone, two to a worker.
struct LockstepPacking {
    /// The units of work, longest first: each the indices in `schedule.jobs` of the trainings it
    /// runs, several when they train together.
    let units: [[Int]]
    /// Each unit's estimated cost.
    let work: [Double]

    /// What a network trained in a full pack costs, as a fraction of training it alone: `bench
    /// core`'s lockstep row measures it for seed 004's network, which gains more where the kernels
    /// run their AVX2 copies than where they run their AVX-512 ones (whose one-network products
    /// gain more too).
    static let packedCost = 0.95

    /// Packs `schedule`'s trainings of `experiments` for `workers` workers; with `packs` false,
    /// every training is a unit of its own.
    init(_ schedule: RunSchedule, experiments: [PreparedExperiment], workers: Int, packs: Bool = true) {
        let jobs = schedule.jobs
        // Groups of trainings that can train together, in the order of their first training.
        var groups: [(signature: LockstepSignature, data: PreparedData, members: [Int])] = []
        for (index, job) in jobs.enumerated() where packs {
            let lead = job.lead
            let prepared = experiments[lead.experiment]
            guard case .training(let setup) = prepared.experiment.runs[lead.run].setup, let dataIndex = prepared.dataIndices[lead.run]
            else { continue }
            let data = prepared.datasets[dataIndex]
            guard let signature = TrainingRun.lockstepSignature(setup, data: data) else { continue }
            if let group = groups.firstIndex(where: { $0.signature == signature && $0.data == data }) {
                groups[group].members.append(index)
            } else {
                groups.append((signature, data, [index]))
            }
        }
        let lanes = Trainer.lockstepLanes
        var packs: [[Int]] = []
        var packed = Set<Int>()
        for group in groups where group.members.count >= lanes {
            let fullPacks = group.members.count / lanes
            // Each choice of pack count, against what the groups before it chose.
            let best = (0...fullPacks).min { left, right in
                let (a, b) = (Self.makespan(jobs, packs: packs + Self.packs(of: group.members, count: left), workers: workers),
                              Self.makespan(jobs, packs: packs + Self.packs(of: group.members, count: right), workers: workers))
                return (a, left) < (b, right)
            } ?? 0
            let chosen = Self.packs(of: group.members, count: best)
            packs += chosen
            packed.formUnion(chosen.joined())
        }
        let units = packs + jobs.indices.filter { !packed.contains($0) }.map { [$0] }
        let costs = units.map { Self.cost(of: $0, jobs) }
        // Longest first, ties in the schedule's order (its first job's index): the same every time.
        let order = units.indices.sorted { (costs[$0], units[$1][0]) > (costs[$1], units[$0][0]) }
        self.units = order.map { units[$0] }
        self.work = order.map { costs[$0] }
    }

    /// The first `count` packs of `members`, `Trainer.lockstepLanes` trainings each.
    private static func packs(of members: [Int], count: Int) -> [[Int]] {
        (0..<count).map { Array(members[($0 * Trainer.lockstepLanes)..<(($0 + 1) * Trainer.lockstepLanes)]) }
    }

    /// The estimated cost of a unit: its trainings' work, at `packedCost` when packed.
    private static func cost(of unit: [Int], _ jobs: [RunSchedule.Job]) -> Double {
        let work = unit.reduce(0) { $0 + jobs[$1].work }
        return unit.count > 1 ? work * packedCost : work
    }

    /// The estimated time until the last worker ends, with `packs` trained together and every other
    /// job alone, dealt longest first to the least loaded worker.
    private static func makespan(_ jobs: [RunSchedule.Job], packs: [[Int]], workers: Int) -> Double {
        let packed = Set(packs.joined())
        let costs = (packs.map { cost(of: $0, jobs) } + jobs.indices.filter { !packed.contains($0) }.map { jobs[$0].work }).sorted(by: >)
        var loads = [Double](repeating: 0, count: max(workers, 1))
        for cost in costs {
            let least = loads.indices.min { loads[$0] < loads[$1] }!
            loads[least] += cost
        }
        return loads.max() ?? 0
    }
}
