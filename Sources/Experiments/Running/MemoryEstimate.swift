import Foundation
import NeuralNet

/// The memory a run will need, estimated from its setup before anything is allocated, so that a
/// run too large for the machine is refused with the amount it needs instead of ending in the
/// allocator. The estimate counts what the run keeps, in 8-byte numbers: it errs high.
public struct MemoryEstimate: Sendable, Equatable {
    /// Each part of the need, in bytes, in the order messages list them.
    public var parts: [(name: String, bytes: Double)]

    /// The whole need in bytes.
    public var bytes: Double { parts.reduce(0) { $0 + $1.bytes } }

    public static func == (left: MemoryEstimate, right: MemoryEstimate) -> Bool {
        left.parts.map(\.name) == right.parts.map(\.name) && left.parts.map(\.bytes) == right.parts.map(\.bytes)
    }

    /// A training of `setup` on `rows` training rows of `inputWidth` inputs, evaluated on splits
    /// of `evaluatedRows` rows in all.
    public static func training(_ setup: TrainingSetup, rows: Int, inputWidth: Int, evaluatedRows: Int) -> MemoryEstimate {
        let widths = setup.layers.widths(inputWidth: inputWidth).map(Double.init)
        var parameters = 0.0
        for (index, layer) in setup.layers.enumerated() {
            if let units = layer.linear?.units { parameters += (widths[index] + 1) * Double(units) }
        }
        let batch = Double(setup.loop.batching.size(for: rows))
        let layerWidths = widths.reduce(0, +)
        let records = Double(setup.loop.epochs / setup.loop.evaluateEvery + 2)
        let weightMatrices = Double(setup.layers.filter { $0.linear != nil }.count)
        let optimizerState = Double(setup.optimizer.kind.stateCopies(values: setup.optimizer.settings))
        return MemoryEstimate(parts: [
            ("parameters and gradients", 8 * 2 * parameters),
            // The results keep the parameters as they were before training and after.
            ("initial and final parameters", 8 * 2 * parameters),
            ("optimizer state", 8 * optimizerState * parameters),
            // Each layer's output and its gradient, for one batch, and a predict over the largest split.
            ("activations", 8 * 2 * batch * layerWidths + 8 * 2 * Double(max(rows, evaluatedRows)) * (widths.max() ?? 0)),
            // Loss and accuracy of up to three splits, weight norms and probes at each record.
            ("history", 8 * records * (2 * 3 + weightMatrices + Double(setup.loop.probes.count))
                + 8 * Double(min(setup.loop.epochs, TrainingHistory.maximumEpochLosses))),
        ])
    }

    /// A data set of `rows` rows of `columns` numbers (inputs and label), as the run holds it:
    /// generated, scaled and split.
    public static func data(rows: Int, columns: Int) -> MemoryEstimate {
        MemoryEstimate(parts: [("data", 8 * 3 * Double(rows) * Double(columns))])
    }

    /// Seed 001's descents: every path's points and objective values, and the basin map.
    public static func minimize(_ setup: MinimizeSetup) -> MemoryEstimate {
        let iterations = Double(setup.maxIterations) + 1
        let paths = Double(setup.starts.count * setup.learningRates.count)
        let basins = Double(setup.basinCount) * Double(setup.learningRates.count)
        return MemoryEstimate(parts: [
            ("descent paths", 8 * 2 * paths * iterations),
            ("basin map", 8 * 3 * basins + 8 * 2 * iterations),
        ])
    }

    /// "16.0 GB (parameters 8.0 GB, optimizer state 8.0 GB)": the total and its largest parts.
    public var description: String {
        let shown = parts.filter { $0.bytes >= 0.01 * bytes }.sorted { $0.bytes > $1.bytes }
        guard shown.count > 1 else { return "\(MemoryEstimate.text(bytes)) for its \(shown.first?.name ?? "data")" }
        return "\(MemoryEstimate.text(bytes)) (" + shown.map { "\($0.name) \(MemoryEstimate.text($0.bytes))" }.joined(separator: ", ") + ")"
    }

    /// Bytes in words: "512 MB", "16.0 GB".
    public static func text(_ bytes: Double) -> String {
        if bytes >= 1e12 { return String(format: "%.0f TB", bytes / 1e12) }
        if bytes >= 1e9 { return String(format: "%.1f GB", bytes / 1e9) }
        if bytes >= 1e6 { return String(format: "%.0f MB", bytes / 1e6) }
        return String(format: "%.0f kB", max(bytes, 1000) / 1e3)
    }

    /// The memory this process may still use: what the system calls available, or less when the
    /// process's control group (a container's limit) leaves less.
    public static var available: Double {
        var available = Double.infinity
        // /proc and the cgroup files are Linux's; elsewhere (or in a sandbox) the estimate uses ProcessInfo.
        if let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("MemAvailable:") }),
           let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") {
            available = kilobytes * 1024
        }
        func number(_ path: String) -> Double? {
            // A cgroup limit that is not there is no limit.
            (try? String(contentsOfFile: path, encoding: .utf8)).flatMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        if let limit = number("/sys/fs/cgroup/memory.max"), let used = number("/sys/fs/cgroup/memory.current") {
            available = min(available, max(0, limit - used))
        }
        if !available.isFinite {
            available = Double(ProcessInfo.processInfo.physicalMemory)
        }
        return available
    }
}
