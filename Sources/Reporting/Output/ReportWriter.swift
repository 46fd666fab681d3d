import Experiments
import Foundation
import Plotting

/// A report that could not be written.
public struct ReportError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// Writes the report: every page, figure and results file into a staging folder beside the output
/// folder, then swaps it into place, so an interrupted or failed run never leaves half a report.
public struct ReportWriter: Sendable {
    /// The output folder.
    public let output: URL
    /// The figure formats written.
    public let formats: [OutputFormat]

    /// A writer into `output` of figures in `formats`.
    public init(output: URL, formats: [OutputFormat]) {
        self.output = output.standardizedFileURL
        self.formats = formats
    }

    /// Writes `results`; experiments already in the output folder and not in `results` are kept
    /// when `keepOthers` (a partial re-run with `--only`), else dropped.
    public func write(_ results: [AnalyzedResult], metadata: RunMetadata, keepOthers: Bool) throws {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: staging)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            var summaries: [(String, ResultsDocument.Summary)] = []
            for analyzed in results {
                summaries.append((analyzed.result.experiment.name, try writeExperiment(analyzed, into: staging)))
            }
            if keepOthers { summaries += try carryOver(excluding: Set(results.map(\.result.experiment.name)), into: staging) }
            summaries.sort { $0.0 < $1.0 }
            let index = IndexPage(summaries: summaries.map { (name: $0.0, summary: $0.1) }, metadata: metadata)
            try Data(index.markdown.utf8).write(to: staging.appendingPathComponent("README.md"))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(metadata).write(to: staging.appendingPathComponent("run.json"))
            try swapIntoPlace(staging)
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }

    /// Writes one experiment's folder and returns its index summary.
    func writeExperiment(_ analyzed: AnalyzedResult, into root: URL) throws -> ResultsDocument.Summary {
        let (result, findings) = (analyzed.result, analyzed.findings)
        let folder = root.appendingPathComponent(result.experiment.name)
        let figuresFolder = folder.appendingPathComponent("figures")
        try FileManager.default.createDirectory(at: figuresFolder, withIntermediateDirectories: true)
        let figures = FigureBuilder.figures(for: result)
        for figure in figures {
            for format in formats {
                let path = figuresFolder.appendingPathComponent("\(figure.fileName).\(format.rawValue)").path
                do { try figure.figure.render(to: path, format: format) } catch {
                    throw ReportError("\(result.experiment.name): cannot draw \(figure.fileName).\(format.rawValue): \(error)")
                }
            }
        }
        let page = ExperimentPage(result: result, findings: findings, figures: figures, formats: formats.map(\.rawValue))
        try Data(page.markdown.utf8).write(to: folder.appendingPathComponent("README.md"))
        let keyResult = IndexPage.keyResult(result, findings: findings)
        let document = ResultsDocument(result, findings: findings, keyResult: keyResult)
        try document.encoded().write(to: folder.appendingPathComponent("results.json"))
        return document.summary
    }

    /// Copies the folders of experiments not re-run from the current report.
    private func carryOver(excluding names: Set<String>, into staging: URL) throws -> [(String, ResultsDocument.Summary)] {
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: output.path) else { return [] }
        var summaries: [(String, ResultsDocument.Summary)] = []
        for name in entries.sorted() where !names.contains(name) {
            let folder = output.appendingPathComponent(name)
            guard let summary = ResultsDocument.summary(at: folder.appendingPathComponent("results.json")) else { continue }
            try manager.copyItem(at: folder, to: staging.appendingPathComponent(name))
            summaries.append((name, summary))
        }
        return summaries
    }

    /// Replaces the output folder by the staging folder: old one aside, new one in, old one removed.
    private func swapIntoPlace(_ staging: URL) throws {
        let manager = FileManager.default
        let aside = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: aside)
        let existed = manager.fileExists(atPath: output.path)
        if existed { try manager.moveItem(at: output, to: aside) }
        do {
            try manager.moveItem(at: staging, to: output)
        } catch {
            if existed { try? manager.moveItem(at: aside, to: output) }
            throw error
        }
        if existed { try? manager.removeItem(at: aside) }
    }
}
