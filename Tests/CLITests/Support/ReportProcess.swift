import Foundation

/// The built `report` binary, run as a user runs it: in a folder, with arguments, its output and
/// exit status collected. It sits beside the test binary in the build folder.
struct ReportProcess {
    /// The binary's location.
    static let executable: URL = {
        let testBinary = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                             ?? CommandLine.arguments[0])
        var folder = testBinary.deletingLastPathComponent()
        // On some platforms the test binary is inside a bundle (.xctest/Contents/MacOS).
        while !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("report").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("report")
    }()

    /// What a finished run printed and how it ended.
    struct Outcome {
        var status: Int32
        /// True when the process ended on a signal (the status is then the signal's number).
        var signalled: Bool
        var standardOutput: String
        var standardError: String
    }

    let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    private let collected = Collected()

    /// Starts `report arguments` in `folder`.
    init(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws {
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = output
        process.standardError = errors
        let collected = collected
        output.fileHandleForReading.readabilityHandler = { collected.append($0.availableData, error: false) }
        errors.fileHandleForReading.readabilityHandler = { collected.append($0.availableData, error: true) }
        try process.run()
    }

    /// Runs `report arguments` in `folder` to the end.
    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Outcome {
        try ReportProcess(arguments, in: folder, environment: environment).wait()
    }

    /// Waits for the process to end.
    func wait() -> Outcome {
        process.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
        errors.fileHandleForReading.readabilityHandler = nil
        collected.append(output.fileHandleForReading.readDataToEndOfFile(), error: false)
        collected.append(errors.fileHandleForReading.readDataToEndOfFile(), error: true)
        return Outcome(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                       standardOutput: collected.text(error: false), standardError: collected.text(error: true))
    }

    /// Sends `signal` to the process.
    func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// What the process has printed on standard output so far.
    var outputSoFar: String { collected.text(error: false) }

    /// Output gathered from the pipes as it arrives.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var output = Data()
        private var errors = Data()

        func append(_ data: Data, error: Bool) {
            lock.withLock { if error { errors.append(data) } else { output.append(data) } }
        }

        func text(error: Bool) -> String { lock.withLock { String(decoding: error ? errors : output, as: UTF8.self) } }
    }
}

/// A scratch folder for one test, deleted when the test ends.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("report-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` to the file at `path` inside the folder, creating folders as needed.
    func write(_ text: String, to path: String) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    /// Every file under the folder (or under `path` in it), with a digest of its contents, minus
    /// the paths `excluding` starts: what must not change when the tool refuses to write.
    func snapshot(excluding: [String] = []) -> [String: Data] {
        var result: [String: Data] = [:]
        let root = url.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [:] }
        for case let path as String in walker where !excluding.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder)
            result[path] = isFolder.boolValue ? Data("<folder>".utf8) : FileManager.default.contents(atPath: root + "/" + path)
        }
        return result
    }
}
