import Foundation
import PackagePlugin

/// Writes the SHA-256 of the package's sources into the target it is applied to: applied to
/// `Experiments`, `numericCodeIdentity`, the digest of the sources that compute a run's numbers,
/// which keys each record of the run store, so that a change to the numeric code (and only to it)
/// makes every stored run stale; applied to any other target, `renderingCodeIdentity`, the digest
/// of every source, which says whether an experiment's pages and figures need drawing again.
///
/// What computes: every file of `CVectorMath`, `NeuralNet` and `Datasets`, the folders of
/// `Experiments` that build and run a run (`numericFolders`), and the files of its store that
/// define a key and a record's bytes (`recordFiles`). A page template, a figure, the file reader or
/// the store's file handling is not among them, so editing one re-renders without retraining. Paths enter the
/// digest relative to the package, so two checkouts in different places agree.
@main
struct SourceDigest: BuildToolPlugin {
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
        let numeric = target.name == "Experiments"
        for candidate in context.package.targets {
            guard let module = candidate.sourceModule else { continue }
            let sources = module.sourceFiles.filter { $0.type == .source || $0.type == .header }.map(\.url)
            if !numeric {
                files += sources
            } else if Self.numericTargets.contains(candidate.name) {
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
        let (constant, meaning) = numeric
            ? ("numericCodeIdentity", "the sources that compute the numbers of a run")
            : ("renderingCodeIdentity", "every source of the package")
        let output = context.pluginWorkDirectoryURL.appending(path: "CodeIdentity+\(target.name).swift")
        // Each file's path, its length and its bytes, in path order, digested by the system's sha256sum.
        let script = """
            set -e
            cd "$1"; out="$2"; shift 2
            digest=$(for f in "$@"; do printf '%s\\n%s\\n' "$f" "$(wc -c < "$f")"; cat "$f"; done | sha256sum | cut -c1-64)
            printf '/// The SHA-256 of \(meaning) (the SourceDigest plugin).\\nlet \(constant) = "%s"\\n' "$digest" > "$out"
            """
        return [.buildCommand(displayName: "Digesting \(numeric ? "the numeric" : "all") sources for \(target.name)",
                              executable: URL(fileURLWithPath: "/bin/sh"),
                              arguments: ["-c", script, "numeric-identity", root, output.path] + relative,
                              inputFiles: files, outputFiles: [output])]
    }
}
