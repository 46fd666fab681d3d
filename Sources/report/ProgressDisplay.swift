import Experiments
import Foundation

/// Shows the progress board: a redrawn status line on a terminal; in a log, a line per finished
/// run and, every `logInterval` seconds, a line per run still going, so a long run is never silent.
final class ProgressDisplay: @unchecked Sendable {
    /// The longest a log goes without a line while something runs.
    static let logInterval = 10

    private let board: ProgressBoard
    private let console: Console
    private var timer: DispatchSourceTimer?

    init(board: ProgressBoard, console: Console) {
        self.board = board
        self.console = console
    }

    func start() {
        guard !console.quiet else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        let console = console
        if console.isTerminal {
            timer.schedule(deadline: .now(), repeating: .milliseconds(200))
            timer.setEventHandler { [board] in console.error(ProgressDisplay.statusLine(board.snapshot()), terminator: "\r") }
        } else {
            board.onRunFinished = { experiment, run, seconds in
                console.line("done  \(experiment) · \(run)  \(String(format: "%.2f", seconds)) s")
            }
            let interval = DispatchTimeInterval.seconds(Self.logInterval)
            timer.schedule(deadline: .now() + interval, repeating: interval)
            timer.setEventHandler { [board] in
                for line in ProgressDisplay.logLines(board.snapshot()) { console.line(line) }
            }
        }
        timer.resume()
        self.timer = timer
    }

    func stop() {
        timer?.cancel()
        timer = nil
        if console.isTerminal && !console.quiet { console.error("\u{1B}[2K", terminator: "\r") }
    }

    static func statusLine(_ snapshot: ProgressBoard.Snapshot) -> String {
        let width = 24
        let fraction = snapshot.totalWork > 0 ? min(1, snapshot.doneWork / snapshot.totalWork) : 0
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let current = snapshot.active.first.map { run in
            "\(run.experiment) · \(run.run) · epoch \(min(run.epoch + 1, run.epochs))/\(run.epochs)"
                + (run.batches > 0 ? ", batch \(run.batch)/\(run.batches)" : "")
        } ?? ""
        let remaining = snapshot.remaining.map { String(format: ", ~%.0f s left", $0) } ?? ""
        return "\u{1B}[2K\(bar) \(snapshot.finishedRuns)/\(snapshot.totalRuns) runs, \(String(format: "%.0f", snapshot.elapsed)) s\(remaining)  \(current)"
    }

    /// One line per run in flight: experiment, run, epoch, elapsed and remaining time.
    static func logLines(_ snapshot: ProgressBoard.Snapshot) -> [String] {
        let overall = "\(snapshot.finishedRuns)/\(snapshot.totalRuns) runs done"
            + (snapshot.remaining.map { ", about \(duration($0)) left in all" } ?? "")
        return snapshot.active.map { run in
            let remaining = run.remaining.map { ", about \(duration($0)) left" } ?? ""
            return "running  \(run.experiment) · \(run.run)  epoch \(run.epoch)/\(run.epochs), \(duration(run.elapsed)) elapsed\(remaining) (\(overall))"
        }
    }

    /// "42 s", "3 min 05 s", "2 h 07 min".
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return String(format: "%d min %02d s", whole / 60, whole % 60) }
        return String(format: "%d h %02d min", whole / 3600, (whole % 3600) / 60)
    }
}
