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

    /// How many files are drawn and written at once.
    public let jobs: Int

    /// A writer into `output` of figures in `formats`, `jobs` files at a time.
    public init(output: URL, formats: [OutputFormat], jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.output = output.standardizedFileURL
        self.formats = formats
        self.jobs = max(1, jobs)
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
            var summaries = try writeExperiments(results, into: staging)
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

    /// Writes every experiment's folder and returns the index summaries, in the order of `results`.
    ///
    /// The figures are built first (from the results: cheap); then every file, each figure in each
    /// format and each experiment's pages, is a piece of work for `jobs` workers. Drawing is most of
    /// the time (about 1.1 of 1.5 s for the shipped suite), and no two pieces write the same file,
    /// so the order they finish in changes no byte.
    func writeExperiments(_ results: [AnalyzedResult], into root: URL) throws -> [(String, ResultsDocument.Summary)] {
        var pieces: [Piece] = []
        for (index, analyzed) in results.enumerated() {
            let figures = FigureBuilder.figures(for: analyzed.result)
            try FileManager.default.createDirectory(at: figuresFolder(of: analyzed, in: root), withIntermediateDirectories: true)
            pieces.append(.pages(experiment: index, figures: figures))
            pieces += figures.flatMap { figure in formats.map { Piece.figure(experiment: index, figure, $0) } }
        }
        // The costliest first, so that the workers finish together: a figure's markers are drawn
        // one by one (20000 translucent ones take Cairo's PDF surface 0.3 s), everything else is small.
        let order = pieces.indices.sorted { (pieces[$0].estimatedCost, $1) > (pieces[$1].estimatedCost, $0) }
        let outcomes = ParallelWork.map(pieces.count, workers: jobs) { [pieces] slot in
            let position = order[slot]
            return Result { () throws -> ResultsDocument.Summary? in
                switch pieces[position] {
                case .pages(let experiment, let figures):
                    return try writePages(results[experiment], figures: figures, in: root)
                case .figure(let experiment, let figure, let format):
                    try draw(figure, as: format, of: results[experiment], in: root)
                    return nil
                }
            }
        }
        var summaries: [(String, ResultsDocument.Summary)] = []
        for (piece, outcome) in zip(order.map { pieces[$0] }, outcomes) {
            guard let summary = try outcome.get(), case .pages(let experiment, _) = piece else { continue }
            summaries.append((results[experiment].result.experiment.name, summary))
        }
        return summaries
    }

    /// One file (or one experiment's pages) to write.
    private enum Piece: Sendable {
        case pages(experiment: Int, figures: [ReportFigure])
        case figure(experiment: Int, ReportFigure, OutputFormat)

        /// A rough cost for ordering the work: markers, a PDF's five times a PNG's.
        var estimatedCost: Int {
            guard case .figure(_, let figure, let format) = self else { return 1000 }
            let markers = figure.figure.axes.flatMap(\.series).reduce(0) { count, series in
                if case .scatter = series.style { count + series.x.count } else { count }
            }
            return 1000 + markers * (format == .pdf ? 5 : 1)
        }
    }

    private func figuresFolder(of analyzed: AnalyzedResult, in root: URL) -> URL {
        root.appendingPathComponent(analyzed.result.experiment.name).appendingPathComponent("figures")
    }

    private func draw(_ figure: ReportFigure, as format: OutputFormat, of analyzed: AnalyzedResult, in root: URL) throws {
        let path = figuresFolder(of: analyzed, in: root).appendingPathComponent("\(figure.fileName).\(format.rawValue)").path
        do { try figure.figure.render(to: path, format: format) } catch {
            throw ReportError("\(analyzed.result.experiment.name): cannot draw \(figure.fileName).\(format.rawValue): \(error)")
        }
    }

    /// Writes an experiment's page and results file and returns its index summary.
    private func writePages(_ analyzed: AnalyzedResult, figures: [ReportFigure], in root: URL) throws -> ResultsDocument.Summary {
        let (result, findings) = (analyzed.result, analyzed.findings)
        let folder = root.appendingPathComponent(result.experiment.name)
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
