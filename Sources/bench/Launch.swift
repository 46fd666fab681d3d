import Foundation

/// Runs the `report` binary, or another build of it, as a user runs it: a separate process timed
/// from launch to exit, with its own peak resident memory.
enum Launch {
    /// What an invocation took: wall seconds and peak resident megabytes.
    struct Cost {
        var seconds: Double
        var megabytes: Double
    }

    /// The `report` binary beside this one.
    static func reportBinary() throws -> String {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let path = directory.appendingPathComponent("report").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw BenchError("no report binary beside bench at \(path); build it first: swift build -c release --product report")
        }
        return path
    }

    /// Runs `arguments` in `folder`, waiting for its end; fails on a non-zero exit.
    static func run(_ executable: String, _ arguments: [String], in folder: URL) throws -> Cost {
        var pid: pid_t = 0
        // env(1) changes folder and execs the binary in the same process, so wait4's usage is the binary's.
        let argv = (["/usr/bin/env", "-C", folder.path, executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let started = ContinuousClock.now
        guard posix_spawn(&pid, "/usr/bin/env", nil, nil, argv, environ) == 0 else { throw BenchError("cannot start \(executable)") }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { throw BenchError("lost \(executable)") }
        let seconds = (ContinuousClock.now - started).seconds
        guard status == 0 else { throw BenchError("report \(arguments.joined(separator: " ")) exited with status \(status)") }
        return Cost(seconds: seconds, megabytes: Double(usage.ru_maxrss) / 1024)
    }
}
