import Foundation
import Reporting

/// Builds this tool in the debug configuration and times the same training steps there, because
/// `swift run report` builds in debug: the numeric targets must be fast in that configuration too.
enum DebugBuildComparison {
    static func measure(release: [Measurement]) -> [Measurement] {
        let scratch = ".build-debug-bench"
        guard runCommand(["swift", "build", "--product", "bench", "--scratch-path", scratch]) != nil,
              let output = runCommand(["\(scratch)/debug/bench", "core", "--steps-only", "--json"])
        else {
            return [Measurement(name: "debug build", unit: "-", median: .nan, min: .nan,
                                note: "skipped: could not build or run the debug configuration here")]
        }
        let decoder = JSONDecoder()
        return output.split(separator: "\n").compactMap { line -> Measurement? in
            guard var debug = try? decoder.decode(Measurement.self, from: Data(line.utf8)) else { return nil }
            let releaseMedian = release.first { $0.name == debug.name }?.median ?? .nan
            debug.note = String(format: "%.2fx the release build", debug.median / releaseMedian)
            debug.name = "debug build: " + debug.name
            return debug
        }
    }
}
