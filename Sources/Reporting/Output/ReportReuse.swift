import Experiments
import Foundation
import Plotting

/// Which experiments of a report folder need not be drawn again: those whose render key
/// (`RenderKey`), recorded in the folder's `run.json`, is what it would be now, whose every run the
/// store holds, and whose files the manifest lists and the folder has. The writer keeps their folders
/// as they are, so a rerun in which nothing changed reads a few small files and writes the index.
public enum ReportReuse {
    /// The experiments among `experiments` that `folder` already holds as they would be drawn now
    /// in `formats`, each with its entry of the previous `run.json`, by name.
    public static func unchanged(_ experiments: [Experiment], keys: RunKeyTable, in folder: OutputFolder, store: RunStore,
                                 formats: [OutputFormat]) -> [String: RunMetadata.Entry] {
        guard let manifest = folder.previous, let metadata = RunMetadata.read(in: folder.url) else { return [:] }
        var unchanged: [String: RunMetadata.Entry] = [:]
        for experiment in experiments {
            guard var entry = metadata.experiments.first(where: { $0.name == experiment.name }), let recorded = entry.renderKey,
                  manifest.sources[experiment.displayPath] == experiment.name else { continue }
            let files = manifest.files(of: experiment.name)
            // Every file is there with the bytes the tool wrote: a page edited or a figure deleted by
            // hand is drawn again (a file that cannot be read is not as written).
            guard !files.isEmpty, let digests = entry.files, Set(digests.keys) == Set(files),
                  files.allSatisfy({ (try? FileOperations.digest(of: folder.url.appendingPathComponent($0))) == digests[$0] }),
                  let keys = keys.keys(of: experiment), keys.allSatisfy(store.contains),
                  RenderKey.of(experiment, runKeys: keys, store: store, formats: formats) == recorded else { continue }
            entry.redrawn = false
            entry.seconds = 0
            unchanged[experiment.name] = entry
        }
        return unchanged
    }
}
