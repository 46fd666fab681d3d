import Foundation
import Reporting

/// `bench suite`'s comparison with an earlier commit: the cold seed suite (every shipped experiment
/// but the Fashion-MNIST and digits ones, into an empty store) and the learning-rate sweep alone,
/// each run by this build's `report` and by the commit's, alternately in one sitting, so that the
/// ratio holds on a noisy machine where the seconds do not. The commit, and what it measured when
/// it was recorded, are in `Benchmarks/suite-baseline.json`; each build runs its own commit's
/// experiment files.
enum BaselineComparison {
    /// The recorded commit and what `bench suite` measured of it when it was recorded, fastest and
    /// median (for reference: only the ratio measured now compares).
    struct Record: Decodable {
        var commit: String
        var why: String
        var machine: String
        var seedSuiteSeconds: [Double]
        var lrSweepSeconds: [Double]
        var peakMegabytes: Double
    }

    static let recordPath = "Benchmarks/suite-baseline.json"

    /// The two workloads: a name, and which of a commit's experiment files they run.
    static let workloads: [(name: String, includes: @Sendable (String) -> Bool)] = [
        ("seed suite", { !$0.hasPrefix("fashion-") && !$0.hasPrefix("digits-") }),
        ("lr-sweep", { $0 == "lr-sweep" }),
    ]

    static func measure(commit override: String?, jobs: Int, rounds: Int) throws -> [Measurement] {
        let record = try JSONDecoder.snakeCase.decode(Record.self, from: Data(contentsOf: URL(fileURLWithPath: recordPath)))
        let commit = override ?? record.commit
        let current = try Launch.reportBinary()
        let baseline = try build(commit)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("bench-baseline-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        let builds = [(name: "baseline", binary: baseline.binary, sources: baseline.sources), (name: "current", binary: current, sources: ".")]
        var costs: [String: [Launch.Cost]] = [:]
        for round in 0..<max(rounds, 1) {
            for workload in workloads {
                for build in builds {
                    let folder = scratch.appendingPathComponent("\(build.name)-\(workload.name)-\(round)")
                    let experiments = try copyExperiments(from: build.sources, into: folder, including: workload.includes)
                    costs["\(build.name) \(workload.name)", default: []].append(try Launch.run(
                        build.binary, [experiments.path, "--out", "reports", "--store", "store", "--jobs", "\(jobs)", "--quiet"], in: folder))
                    try? FileManager.default.removeItem(at: folder)
                }
            }
        }

        let short = String(commit.prefix(8))
        var rows: [Measurement] = []
        for workload in workloads {
            let theirs = Measurement(name: "", unit: "s", samples: costs["baseline \(workload.name)"]!.map(\.seconds))
            let recorded = workload.name == "lr-sweep" ? record.lrSweepSeconds : record.seedSuiteSeconds
            for build in builds {
                let samples = costs["\(build.name) \(workload.name)"]!
                var time = Measurement(name: "\(workload.name) cold, --jobs \(jobs), \(build.name == "current" ? "this build" : short)",
                                       unit: "s", samples: samples.map(\.seconds))
                time.note = build.name == "current"
                    ? String(format: "%.3fx %@'s, measured alternately (%d rounds)", time.median / theirs.median, short, max(rounds, 1))
                    : "recorded at \(short): " + recorded.map { String(format: "%.2f", $0) }.joined(separator: "-") + " s (\(record.machine))"
                rows.append(time)
                rows.append(Measurement(name: "  its peak resident memory", unit: "MB", samples: samples.map(\.megabytes)))
            }
        }
        return rows
    }

    /// The `report` binary of `commit`, built in release once and kept under `.build/bench-baseline`,
    /// and the folder of the commit's sources (whose experiment files it runs).
    private static func build(_ commit: String) throws -> (binary: String, sources: String) {
        guard let full = runCommand(["git", "rev-parse", "--verify", "\(commit)^{commit}"])?.trimmingCharacters(in: .whitespacesAndNewlines)
        else { throw BenchError("\(recordPath) names commit \(commit), which this repository does not have") }
        let sources = ".build/bench-baseline/\(full.prefix(12))"
        if !FileManager.default.fileExists(atPath: sources + "/Package.swift") {
            try FileManager.default.createDirectory(atPath: sources, withIntermediateDirectories: true)
            // An export of the commit, not a worktree: nothing is registered in the repository.
            guard runCommand(["sh", "-c", "git archive \(full) | tar -x -C '\(sources)'"]) != nil else {
                throw BenchError("cannot export commit \(full) into \(sources)")
            }
        }
        guard runCommand(["swift", "build", "-c", "release", "--product", "report", "--package-path", sources]) != nil,
              let bin = runCommand(["swift", "build", "-c", "release", "--show-bin-path", "--package-path", sources]) else {
            throw BenchError("cannot build report at \(full) in \(sources)")
        }
        return (bin.trimmingCharacters(in: .whitespacesAndNewlines) + "/report", sources)
    }

    /// Copies the experiment files of `sources`' experiments folder that `includes` takes (by name,
    /// without .json), with its data folder, into `folder`/experiments.
    private static func copyExperiments(from sources: String, into folder: URL, including includes: (String) -> Bool) throws -> URL {
        let source = URL(fileURLWithPath: sources).appendingPathComponent("experiments")
        let target = folder.appendingPathComponent("experiments")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            let item = source.appendingPathComponent(name)
            let isExperiment = name.hasSuffix(".json") && name != "schema.json" && includes(String(name.dropLast(5)))
            if isExperiment || name == "data" || name == "schema.json" {
                try FileManager.default.copyItem(at: item, to: target.appendingPathComponent(name))
            }
        }
        return target
    }
}

extension JSONDecoder {
    /// A decoder of snake_case keys.
    static var snakeCase: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
