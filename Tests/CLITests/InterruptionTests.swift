import Foundation
import Testing

/// Ctrl-C, a kill, and two runs at once: the previous report survives, nothing is left behind.
@Suite("Signals and concurrent runs", .serialized)
struct InterruptionTests {
    /// Polls `condition` every millisecond for up to `seconds`; whether it came true.
    static func waitUntil(seconds: Double = 60, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(1000)
        }
        return false
    }

    static func exists(_ path: String, in scratch: ScratchFolder) -> Bool {
        FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent(path).path)
    }

    static func staging(in scratch: ScratchFolder) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("reports").path)) ?? [])
            .filter { $0.hasPrefix(".staging-") }
    }

    @Test("SIGINT or SIGTERM during training: exit 128 + n, the previous report as it was, no lock or staging left", arguments: [SIGINT, SIGTERM])
    func duringTraining(_ signal: Int32) throws {
        let scratch = try ScratchFolder()
        try SampleExperiments.folder(["alpha"], in: scratch)
        #expect(try ReportProcess.run(["experiments"], in: scratch.url).status == 0)
        try scratch.write(SampleExperiments.moons("long", epochs: 50_000_000), to: "experiments/long.json")
        let before = scratch.snapshot(excluding: ["experiments"])
        let process = try ReportProcess(["experiments"], in: scratch.url)
        #expect(Self.waitUntil { Self.exists("reports/.report.lock", in: scratch) })
        usleep(300_000)
        process.send(signal)
        let outcome = process.wait()
        #expect(outcome.status == 128 + signal && !outcome.signalled, "status \(outcome.status)")
        #expect(outcome.standardError.contains("Interrupted: reports/ is as it was before this run."))
        #expect(scratch.snapshot(excluding: ["experiments"]) == before)
    }

    @Test("SIGINT into a new folder during training removes the folder it created")
    func newFolder() throws {
        let scratch = try ScratchFolder()
        try scratch.write(SampleExperiments.moons("long", epochs: 50_000_000), to: "experiments/long.json")
        let process = try ReportProcess(["experiments", "--out", "new/reports"], in: scratch.url)
        #expect(Self.waitUntil { Self.exists("new/reports/.report.lock", in: scratch) })
        usleep(300_000)
        process.send(SIGINT)
        #expect(process.wait().status == 130)
        #expect(!Self.exists("new", in: scratch))
    }

    @Test("SIGINT while the figures are written: the previous report is whole, and the next run cleans up")
    func duringWriting() throws {
        let scratch = try ScratchFolder()
        // Twenty thousand markers make the figures slow enough to interrupt.
        try scratch.write(SampleExperiments.moons("alpha", epochs: 1, samples: 20_000, figures: ["dataset", "history"]), to: "experiments/alpha.json")
        #expect(try ReportProcess.run(["experiments", "--format", "png,pdf,svg"], in: scratch.url).status == 0)
        try scratch.write(SampleExperiments.moons("alpha", epochs: 2, samples: 20_000, figures: ["dataset", "history"]), to: "experiments/alpha.json")
        let before = scratch.snapshot(excluding: ["experiments", ".report-store"])
        let process = try ReportProcess(["experiments", "--format", "png,pdf,svg"], in: scratch.url)
        #expect(Self.waitUntil { !Self.staging(in: scratch).isEmpty })
        process.send(SIGINT)
        let outcome = process.wait()
        #expect(outcome.status == 130)
        #expect(Self.staging(in: scratch).isEmpty)
        #expect(!Self.exists("reports/.report.lock", in: scratch))
        // The signal is held back while files are moved into place: the report is either the old
        // one, untouched, or (had it come then) the new one, whole.
        let after = scratch.snapshot(excluding: ["experiments", ".report-store"])
        if after != before {
            let page = try String(contentsOf: scratch.url.appendingPathComponent("reports/alpha/README.md"), encoding: .utf8)
            #expect(page.contains("2 epochs"))
        }
        // A leftover of a killed run (which could not clean up) goes at the next run.
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("reports/.staging-99999/alpha"),
                                                withIntermediateDirectories: true)
        #expect(try ReportProcess.run(["experiments", "--format", "png"], in: scratch.url).status == 0)
        #expect(Self.staging(in: scratch).isEmpty)
    }

    @Test("A second run on the same folder is refused, naming the first one's process")
    func twoRuns() throws {
        let scratch = try ScratchFolder()
        try scratch.write(SampleExperiments.moons("long", epochs: 50_000_000), to: "experiments/long.json")
        let first = try ReportProcess(["experiments"], in: scratch.url)
        #expect(Self.waitUntil { Self.exists("reports/.report.lock", in: scratch) })
        let second = try ReportProcess.run(["experiments"], in: scratch.url)
        #expect(second.status == 1)
        #expect(second.standardError == "--out reports: another report run (process \(first.process.processIdentifier)) is writing this folder; "
                + "wait for it to finish, or stop it\n")
        first.send(SIGTERM)
        #expect(first.wait().status == 143)
        #expect(!Self.exists("reports", in: scratch))
    }
}
