import Foundation

/// The folder a report is written to, checked before anything runs: the tool writes only into a
/// new or empty folder, or one holding a report it wrote itself (`ReportManifest`), and never
/// into a folder whose loss would hurt (the current folder or one holding it, the home folder,
/// `/`, a folder holding an input of the run).
public struct OutputFolder: Sendable {
    /// The path as the user gave it, for messages.
    public let path: String
    /// The absolute path, links resolved.
    public let url: URL
    /// What the tool wrote there before; nil for a new or empty folder.
    public let previous: ReportManifest?

    /// Checks `path` as the output folder of a run that reads `inputs` (experiment and data files);
    /// a refusal names the path and why, and touches nothing.
    public init(_ path: String, inputs: [String]) throws(ReportError) {
        let shown = path
        func refuse(_ why: String) -> ReportError {
            ReportError("--out \(shown.isEmpty ? "\"\"" : shown): \(why)")
        }
        guard !path.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw refuse("expected a folder for the report, got an empty path (the default is reports)")
        }
        let url = OutputFolder.resolved(path)
        let homes = Set(([ProcessInfo.processInfo.environment["HOME"], NSHomeDirectory()].compactMap { $0 }).filter { !$0.isEmpty }
            .map(OutputFolder.resolved))
        let current = OutputFolder.resolved(FileManager.default.currentDirectoryPath)
        if url.path == "/" { throw refuse("is the root folder; the report needs a folder of its own, such as reports") }
        if homes.contains(url) { throw refuse("is your home folder; the report needs a folder of its own, such as reports") }
        if url == current {
            throw refuse("is the current folder; the report needs a folder of its own, such as reports")
        }
        if OutputFolder.isInside(current, url) {
            throw refuse("holds the current folder; the report needs a folder of its own, such as reports")
        }
        for input in inputs.map(OutputFolder.resolved) where OutputFolder.isInside(input, url) {
            let shownInput = OutputFolder.isInside(input, current) ? String(input.path.dropFirst(current.path.count + 1)) : input.path
            throw refuse("holds \(shownInput), an input of this run; the report needs a folder of its own, such as reports")
        }
        var status = stat()
        if lstat(url.path, &status) == 0 || stat(url.path, &status) == 0 {
            guard FileOperations.isFolder(url) else {
                throw refuse("is a file, not a folder; the report is a folder of pages and figures")
            }
            if let manifest = ReportManifest.read(in: url) ?? ReportManifest.legacy(in: url) {
                previous = manifest
            } else {
                let entries = FileOperations.files(under: url)
                guard entries.isEmpty else {
                    let named = entries.prefix(3).joined(separator: ", ") + (entries.count > 3 ? " and \(entries.count - 3) more" : "")
                    throw refuse("holds files this tool did not write (\(named)) and no report marker (\(ReportManifest.fileName)); "
                        + "the tool writes only into a new or empty folder, or one it wrote before: choose another --out")
                }
                previous = nil
            }
        } else {
            previous = nil
        }
        self.path = path
        self.url = url
    }

    /// `path` made absolute against the current folder, `.` and `..` removed, and links resolved
    /// in the part that exists.
    static func resolved(_ path: String) -> URL {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = URL(fileURLWithPath: absolute).standardizedFileURL
        var rest: [String] = []
        while existing.path != "/", realpath(existing.path, nil) == nil {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        let base: String
        if let resolved = realpath(existing.path, nil) {
            base = String(cString: resolved)
            free(resolved)
        } else {
            base = existing.path
        }
        return rest.reduce(URL(fileURLWithPath: base)) { $0.appendingPathComponent($1) }.standardizedFileURL
    }

    /// Whether `inner` is strictly inside `outer`.
    static func isInside(_ inner: URL, _ outer: URL) -> Bool {
        let prefix = outer.path.hasSuffix("/") ? outer.path : outer.path + "/"
        return inner.path.hasPrefix(prefix)
    }

    /// The files in the folder now that the tool did not write (its own working files aside).
    public func foreignFiles() -> [String] {
        let owned = Set(previous?.files ?? [])
        return FileOperations.files(under: url, skipping: OutputFolder.isWorkingFile).filter { !owned.contains($0) }
    }

    /// The tool's own transient entries in a report folder: the manifest, the lock, staging
    /// folders and half-written files.
    static func isWorkingFile(_ relativePath: String) -> Bool {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        return relativePath == ReportManifest.fileName || relativePath == OutputLock.fileName
            || (relativePath.hasPrefix(stagingPrefix) && !relativePath.contains("/"))
            || (name.hasPrefix(".") && name.contains(".partial-"))
    }

    /// Staging folders are named `.staging-<process id>`.
    static let stagingPrefix = ".staging-"
}
