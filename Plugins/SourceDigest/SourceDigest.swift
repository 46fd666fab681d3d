import Foundation
import PackagePlugin

/// Writes the SHA-256 of the package's sources into the target it is applied to: applied to
/// `Experiments`, `numericCodeIdentity`, the digest of the sources that compute a run's numbers,
/// which keys each record of the run store, so that a change to the numeric code (and only to it)
/// makes every stored run stale; applied to any other target, `renderingCodeIdentity`, the digest
/// of every source, which says whether an experiment's pages and figures need drawing again.
///
/// What computes: every file of the targets `Experiments` depends on, directly or through others
/// (`NeuralNet`, `Datasets`, `Configuration`, `CVectorMath`…: the package's own, read from its
/// manifest), the folders of `Experiments` that build and run a run (`numericFolders`), and the
/// files of its store that define a key and a record's bytes (`recordFiles`). Every other folder of
/// `Experiments` is named in `presentationFolders`; a folder in neither list stops the build, so a
/// new one is classified when it is made. A page template, a figure, the file reader or the store's
/// file handling is not numeric, so editing one re-renders without retraining. Paths enter the
/// digest relative to the package, so two checkouts in different places agree.
@main
struct SourceDigest: BuildToolPlugin {
    /// Folders of `Experiments` whose files take part.
    static let numericFolders = ["Running", "Results", "Spec", "Registry"]
    /// Folders of `Experiments` whose files do not change a run's numbers (the store's folder holds both kinds).
    static let presentationFolders = ["Reading", "Expansion", "Support", "Store"]
    /// Files of `Experiments/Store` that decide what a key digests and what a record holds.
    static let recordFiles = ["RunKey.swift", "RunRecord.swift", "RunRecord+Bytes.swift", "CanonicalJSON.swift", "CodeIdentity.swift"]
    /// Files of the numeric folders that hold text only (titles, questions, figure requests).
    static let textOnlyFiles = ["Experiment.swift", "FigureRequest.swift"]

    /// A folder of `Experiments` that neither list names.
    struct UnclassifiedFolder: Error, CustomStringConvertible {
        let folder: String
        var description: String {
            "Sources/Experiments/\(folder) is in neither SourceDigest.numericFolders nor presentationFolders: "
                + "add it to the one that says whether its files change a run's numbers"
        }
    }

    /// The package's own targets `target` depends on, directly or not.
    static func dependencies(of target: Target) -> [Target] {
        var found: [Target] = []
        var pending = target.dependencies
        while let dependency = pending.popLast() {
            guard case .target(let next) = dependency, !found.contains(where: { $0.id == next.id }) else { continue }
            found.append(next)
            pending += next.dependencies
        }
        return found
    }

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL.standardizedFileURL.path
        var files: [URL] = []
        let numeric = target.name == "Experiments"
        func sources(of candidate: Target) -> [URL] {
            guard let module = candidate.sourceModule else { return [] }
            return module.sourceFiles.filter { $0.type == .source || $0.type == .header }.map(\.url)
        }
        if !numeric {
            for candidate in context.package.targets { files += sources(of: candidate) }
        } else {
            for dependency in Self.dependencies(of: target) { files += sources(of: dependency) }
            for url in sources(of: target) {
                let (folder, name) = (url.deletingLastPathComponent().lastPathComponent, url.lastPathComponent)
                guard Self.numericFolders.contains(folder) || Self.presentationFolders.contains(folder) else { throw UnclassifiedFolder(folder: folder) }
                if folder == "Store" ? Self.recordFiles.contains(name) : Self.numericFolders.contains(folder) && !Self.textOnlyFiles.contains(name) {
                    files.append(url)
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
