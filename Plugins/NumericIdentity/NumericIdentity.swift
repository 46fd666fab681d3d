import Foundation
import PackagePlugin

/// Writes `NumericIdentity.swift`, the SHA-256 of the sources that compute a run's numbers, into the
/// target it is applied to: the run store keys each record by it, so that a change to the numeric
/// code (and only to it) makes every stored run stale.
///
/// What computes: every file of `CVectorMath`, `NeuralNet` and `Datasets`, the folders of
/// `Experiments` that build and run a run (`numericFolders`), and the files of its store that
/// define a key and a record's bytes (`recordFiles`). A page template, a figure, the file reader or
/// the store's file handling is not among them, so editing one re-renders without retraining. Paths enter the
/// digest relative to the package, so two checkouts in different places agree.
@main
struct NumericIdentity: BuildToolPlugin {
    /// Targets whose every source file takes part.
    static let numericTargets = ["CVectorMath", "NeuralNet", "Datasets"]
    /// Folders of `Experiments` whose files take part.
    static let numericFolders = ["Running", "Results", "Spec", "Registry"]
    /// Files of `Experiments/Store` that decide what a key digests and what a record holds.
    static let recordFiles = ["RunKey.swift", "RunRecord.swift", "RunRecord+Bytes.swift", "CanonicalJSON.swift", "CodeIdentity.swift"]
    /// Files of those folders that hold text only (titles, questions, figure requests).
    static let textOnlyFiles = ["Experiment.swift", "FigureRequest.swift"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL.standardizedFileURL.path
        var files: [URL] = []
        for candidate in context.package.targets {
            guard let module = candidate.sourceModule else { continue }
            let sources = module.sourceFiles.filter { $0.type == .source || $0.type == .header }.map(\.url)
            if Self.numericTargets.contains(candidate.name) {
                files += sources
            } else if candidate.name == "Experiments" {
                files += sources.filter { url in
                    let (folder, name) = (url.deletingLastPathComponent().lastPathComponent, url.lastPathComponent)
                    if folder == "Store" { return Self.recordFiles.contains(name) }
                    return Self.numericFolders.contains(folder) && !Self.textOnlyFiles.contains(name)
                }
            }
        }
        // Headers are not always listed as source files; the C target's public header is numeric code too.
        let header = context.package.directoryURL.appending(path: "Sources/CVectorMath/include/CVectorMath.h")
        if !files.contains(header) { files.append(header) }
        let relative = files.map { $0.standardizedFileURL.path }
            .map { $0.hasPrefix(root + "/") ? String($0.dropFirst(root.count + 1)) : $0 }
            .sorted()
        let output = context.pluginWorkDirectoryURL.appending(path: "NumericIdentity.swift")
        // Each file's path, its length and its bytes, in path order, digested by the system's sha256sum.
        let script = """
            set -e
            cd "$1"; out="$2"; shift 2
            digest=$(for f in "$@"; do printf '%s\\n%s\\n' "$f" "$(wc -c < "$f")"; cat "$f"; done | sha256sum | cut -c1-64)
            printf '/// The SHA-256 of the sources that compute a run'"'"'s numbers (the NumericIdentity plugin).\\nlet numericCodeIdentity = "%s"\\n' "$digest" > "$out"
            """
        return [.buildCommand(displayName: "Digesting the numeric sources of \(target.name)",
                              executable: URL(fileURLWithPath: "/bin/sh"),
                              arguments: ["-c", script, "numeric-identity", root, output.path] + relative,
                              inputFiles: files, outputFiles: [output])]
    }
}
