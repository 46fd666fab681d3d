import Experiments
import Foundation
import NeuralNet

extension ExperimentPage {
    /// The most runs whose epoch times the page lists one by one; more are summarised in a line.
    static let timedRunLimit = 8

    /// The wall time of each run's epochs (training; evaluation aside), below the page's run-metadata
    /// marker: times change from run to run, so `report --check` compares the page above it only.
    func timingFooter() -> [String] {
        let timed = result.trainingRuns.filter { $0.training.epochTimes.count > 0 }
        guard !timed.isEmpty else { return [] }
        var lines = [IndexPage.footerMarker, "", "### Time per epoch", ""]
        let statistics = timed.map { entry in (entry.run.name, entry.training.epochTimes) }
        if statistics.count == 1 || statistics.count > Self.timedRunLimit {
            let medians = statistics.map(\.1.median)
            let total = statistics.reduce(0) { $0 + $1.1.total }
            if let only = statistics.first?.1, statistics.count == 1 {
                lines.append("Median \(Self.secondsText(only.median)) an epoch (\(Self.secondsText(only.fastest))–\(Self.secondsText(only.slowest))), "
                             + "\(Self.secondsText(only.total)) for \(only.count) epochs, training only (evaluation aside), on this run's machine.")
            } else {
                lines.append("Medians of \(statistics.count) runs: \(Self.secondsText(medians.min() ?? 0))–\(Self.secondsText(medians.max() ?? 0)) an epoch, "
                             + "\(Self.secondsText(total)) in all, training only (evaluation aside), on this run's machine.")
            }
        } else {
            var table = MarkdownTable(["Run", "median epoch", "fastest", "slowest", "all epochs"])
            for (name, times) in statistics {
                table.add([name, Self.secondsText(times.median), Self.secondsText(times.fastest), Self.secondsText(times.slowest), Self.secondsText(times.total)])
            }
            lines += ["Training only (evaluation aside), on this run's machine:", "", table.text]
        }
        let packed = timed.filter { $0.training.lockstepNetworks > 1 }
        if let pack = packed.map(\.training.lockstepNetworks).max() {
            let runs = packed.count == timed.count ? (packed.count == 1 ? "The run" : "These runs") : "\(packed.count) of these \(timed.count) runs"
            lines += ["", "\(runs) trained side by side with others, up to \(pack) at a time in lockstep: a run's times are its "
                      + "equal share of the time its pack took."]
        }
        return lines + [""]
    }

    /// Seconds with three significant digits, in milliseconds below a second.
    static func secondsText(_ seconds: Double) -> String {
        seconds < 1 ? String(format: "%.3g ms", seconds * 1000) : String(format: "%.3g s", seconds)
    }
}
