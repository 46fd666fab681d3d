import Datasets
import Experiments
import Foundation
import Plotting

/// What an experiment's pages and figures are drawn from, as one digest: the tool's sources, the
/// experiment file's bytes and where the pages say it is, the keys of its runs (their numbers) and
/// their wall times (which the page lists), the figure formats, and the Cairo that draws.
///
/// `report` records each experiment's render key in `run.json`; when the next run finds the same
/// key, the store holding every run and the experiment's files all in place, it leaves the
/// experiment's folder as it is instead of drawing it again.
public enum RenderKey {
    /// The render key of `experiment`, whose runs have `runKeys`, as the store at `store` holds them.
    public static func of(_ experiment: Experiment, runKeys: [RunKey], store: RunStore, formats: [OutputFormat]) -> String {
        var text = "render key 1\ncode \(renderingCodeIdentity)\ncairo \(CairoLibrary.version)\n"
        text += "formats \(formats.map(\.rawValue).joined(separator: ","))\n"
        text += "file \(experiment.displayPath) \(experiment.fileDigest)\n"
        for key in runKeys {
            let timing = store.timing(key).map { SHA256.hex(of: $0) } ?? "none"
            text += "run \(key.digest) timing \(timing)\n"
        }
        return SHA256.hex(of: Data(text.utf8))
    }
}
