import Foundation
import Testing

/// In a log (output not a terminal), a long run is never silent for more than 10 seconds.
@Suite("Progress in logs")
struct ProgressLogTests {
    @Test("A long training prints a line within 10 s: experiment, run, epoch, elapsed and remaining time")
    func progressLine() throws {
        let scratch = try ScratchFolder()
        try scratch.write(SampleExperiments.moons("long", epochs: 500_000_000), to: "experiments/long.json")
        let started = Date()
        let process = try ReportProcess(["experiments"], in: scratch.url)
        var line: String?
        while Date().timeIntervalSince(started) < 15, line == nil {
            usleep(50_000)
            line = process.outputSoFar.split(separator: "\n").first { $0.hasPrefix("running") }.map(String.init)
        }
        let seconds = Date().timeIntervalSince(started)
        process.send(SIGINT)
        #expect(process.wait().status == 130)
        let text = try #require(line)
        #expect(seconds < 13, "the first progress line came after \(seconds) s")
        #expect(text.hasPrefix("running  long · run  epoch "))
        #expect(text.contains("/500000000, 10 s elapsed, about "))
        #expect(text.contains(" left (0/1 runs done"))
    }
}
