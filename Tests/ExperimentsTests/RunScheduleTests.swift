import Foundation
import Testing
@testable import Experiments

@Suite("Trainings asked for twice run once")
struct RunScheduleTests {
    /// A small regression whose `extra` JSON members override or add to the file.
    static func experiment(_ name: String, _ extra: String) throws -> PreparedExperiment {
        let json = """
            {"name": "\(name)", "seed": 7,
             "data": {"source": "function", "formula": "sin(x)", "range": [-2, 2], "samples": 40, "noise": 0.05},
             "model": [{"linear": 8}, {"activation": "tanh"}, {"linear": 1}],
             "loss": "mse", "optimizer": {"name": "sgd", "lr": 0.1, "momentum": 0.5},
             \(extra)}
            """
        return try PreparedExperiment(try Experiment(json: Data(json.utf8), file: "\(name).json"))
    }

    static func experiments() throws -> [PreparedExperiment] {
        [
            try experiment("every-4", #""training": {"epochs": 30, "batch": 10, "evaluate_every": 4, "probes": [0, 1]}, "variants": {"a": {}, "twin": {}, "faster": {"optimizer.lr": 0.2}}"#),
            try experiment("every-6", #""training": {"epochs": 30, "batch": 10, "evaluate_every": 6, "probes": [0, 1]}"#),
        ]
    }

    @Test("Identical trainings share one job that records at the gcd of their cadences")
    func grouping() throws {
        let schedule = RunSchedule(try Self.experiments())
        #expect(schedule.jobs.count == 2)
        let shared = try #require(schedule.jobs.first { $0.members.count > 1 })
        #expect(shared.members == [.init(experiment: 0, run: 0), .init(experiment: 0, run: 1), .init(experiment: 1, run: 0)])
        #expect(shared.evaluateEvery == 2)
    }

    @Test("Each run sharing a training gets the bits it gets when run alone")
    func sameResults() throws {
        let experiments = try Self.experiments()
        let together = ExperimentRunner.run(experiments, jobs: 2)
        let alone = experiments.map { ExperimentRunner.run([$0], jobs: 1)[0] }
        for (shared, single) in zip(together, alone) {
            #expect(shared.runs.count == single.runs.count)
            for (run, reference) in zip(shared.runs, single.runs) {
                let result = try #require(run.training), expected = try #require(reference.training)
                #expect(run.name == reference.name)
                #expect(result.history == expected.history)
                #expect(result.probes == expected.probes)
                #expect(result.finalParameters == expected.finalParameters)
            }
        }
        // The twin and the every-6 run took the first run's training.
        #expect(together.map(\.sharedRuns) == [1, 1])
        #expect(alone.map(\.sharedRuns) == [1, 0])
        // The every-6 run really was thinned from a run recording every 2 epochs.
        let thinned = try #require(together[1].runs[0].training)
        #expect(thinned.history.epochs == [0, 6, 12, 18, 24, 30])
        #expect(thinned.probes.map(\.epoch) == [0, 6, 12, 18, 24, 30])
    }
}
