import Experiments
import Foundation

/// Shows the progress board: a redrawn status line on a terminal, a line per finished run otherwise.
final class ProgressDisplay: @unchecked Sendable {
    private let board: ProgressBoard
    private let console: Console
    private var timer: DispatchSourceTimer?

    init(board: ProgressBoard, console: Console) {
        self.board = board
        self.console = console
    }

    func start() {
        guard !console.quiet else { return }
        if console.isTerminal {
            let timer = DispatchSource.makeTimerSource(queue: .global())
            timer.schedule(deadline: .now(), repeating: .milliseconds(200))
            timer.setEventHandler { [board, console] in console.error(ProgressDisplay.statusLine(board.snapshot()), terminator: "\r") }
            timer.resume()
            self.timer = timer
        } else {
            let console = console
            board.onRunFinished = { experiment, run, seconds in
                console.line("done  \(experiment) · \(run)  \(String(format: "%.2f", seconds)) s")
            }
        }
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
        let current = snapshot.active.first.map { "\($0.experiment) · \($0.run) · epoch \($0.epoch)/\($0.epochs)" } ?? ""
        let remaining = snapshot.remaining.map { String(format: ", ~%.0f s left", $0) } ?? ""
        return "\u{1B}[2K\(bar) \(snapshot.finishedRuns)/\(snapshot.totalRuns) runs, \(String(format: "%.0f", snapshot.elapsed)) s\(remaining)  \(current)"
    }
}
