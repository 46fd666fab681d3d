import Experiments
import Foundation
import Plotting

/// Writes a report into an `OutputFolder`: every experiment's page, figures and results into a
/// staging folder inside it, then each file renamed into place (one atomic step per file, the
/// whole move protected from signals), the files of the old report that the new one does not
/// have deleted, and the manifest updated. Only files the manifest lists are replaced or deleted.
///
/// An experiment whose files cannot be written fails alone; the others are written. The index
/// lists every failure, and an experiment that failed keeps its previous page, marked stale.
public struct ReportWriter: Sendable {
    /// Which experiments a run redoes.
    public enum Scope: Sendable, Equatable {
        /// All of them: experiments of the old report that are neither written nor failed are dropped.
        case everything
        /// Only these (`--only`): every other experiment of the old report is kept as it is.
        case only(Set<String>)
    }

    /// The figure formats written.
    public let formats: [OutputFormat]
    /// How many files are drawn and written at once.
    public let jobs: Int

    /// A writer of figures in `formats`, `jobs` files at a time.
    public init(formats: [OutputFormat], jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.formats = formats
        self.jobs = max(1, jobs)
    }

    /// Writes `results` and the index, listing `failures`, into `destination`, keeping the folders of
    /// the experiments named in `unchanged` as they are (`ReportReuse`); returns those failures with
    /// the experiments that could not be written added.
    public func write(_ results: [AnalyzedResult], failures: [ExperimentFailure] = [], metadata: RunMetadata,
                      to destination: ReportDestination, scope: Scope = .everything,
                      unchanged: Set<String> = []) throws(ReportError) -> [ExperimentFailure] {
        let folder = destination.folder
        let staging = folder.url.appendingPathComponent("\(OutputFolder.stagingPrefix)\(getpid())")
        // Registered before the folder exists, so that no signal can come between the two.
        // Removing the staging folder is tidying: what is left is the tool's, and the next run removes it.
        let cleanup = Interruption.shared.onInterrupt { try? FileOperations.removeTree(staging) }
        defer {
            try? FileOperations.removeTree(staging)
            Interruption.shared.remove(cleanup)
        }
        try Interruption.shared.protect { () throws(ReportError) in
            try FileOperations.removeTree(staging)
            try FileOperations.createFolder(staging)
        }

        var failures = failures
        var metadata = metadata
        var written: [(name: String, file: String, summary: ResultsDocument.Summary)] = []
        for (analyzed, outcome) in zip(results, writeExperiments(results, into: staging)) {
            let experiment = analyzed.result.experiment
            switch outcome {
            case .success(let summary): written.append((experiment.name, experiment.displayPath, summary))
            case .failure(let error):
                try FileOperations.removeTree(staging.appendingPathComponent(experiment.name))
                failures.append(ExperimentFailure(file: experiment.displayPath, experiment: experiment.name, message: error.description))
            }
        }

        // What each written folder holds, as written: the next run keeps a folder only if its
        // files still have these bytes (`ReportReuse`), so an edited or deleted file is drawn again.
        for (index, entry) in metadata.experiments.enumerated() where written.contains(where: { $0.name == entry.name }) {
            var digests: [String: String] = [:]
            for file in FileOperations.files(under: staging.appendingPathComponent(entry.name)) {
                let path = "\(entry.name)/\(file)"
                digests[path] = try FileOperations.digest(of: staging.appendingPathComponent(path))
            }
            metadata.experiments[index].files = digests
        }

        let previous = folder.previous ?? ReportManifest(files: [], sources: [:])
        let writtenNames = Set(written.map(\.name))
        let failedNames = Set(failures.compactMap { $0.experiment ?? previous.sources[$0.file] })
        let kept: Set<String> = switch scope {
        case .everything: previous.experiments.intersection(failedNames.union(unchanged)).subtracting(writtenNames)
        case .only: previous.experiments.subtracting(writtenNames)
        }

        var entries = written.map { IndexPage.Entry(name: $0.name, summary: $0.summary, isStale: false) }
        for name in kept {
            let summary = ResultsDocument.summary(at: folder.url.appendingPathComponent(name).appendingPathComponent("results.json"))
                ?? ResultsDocument.Summary(title: name, notebook: nil, runs: 0, keyResult: "—")
            entries.append(IndexPage.Entry(name: name, summary: summary, isStale: failedNames.contains(name)))
        }
        entries.sort { $0.name < $1.name }
        var sources = previous.sources.filter { kept.contains($0.value) }
        for entry in written { sources[entry.file] = entry.name }
        let folders = Set(sources.keys.map { ($0 as NSString).deletingLastPathComponent } + failures.map { ($0.file as NSString).deletingLastPathComponent })
        let index = IndexPage(entries: entries, failures: failures, sourceFolders: folders.filter { !$0.isEmpty }.sorted(), metadata: metadata)
        try Interruption.shared.protect { () throws(ReportError) in
            try FileOperations.write(Data(index.markdown.utf8), to: staging.appendingPathComponent("README.md"))
            try FileOperations.write(try metadata.encoded(), to: staging.appendingPathComponent("run.json"))
        }

        let staged = FileOperations.files(under: staging)
        let keptFiles = previous.files.filter { file in kept.contains { file.hasPrefix($0 + "/") } }
        let manifest = ReportManifest(files: staged + keptFiles, sources: sources)
        let owned = Set(previous.files)
        let inTheWay = staged.filter { !owned.contains($0) && FileOperations.exists(folder.url.appendingPathComponent($0)) }
        guard inTheWay.isEmpty else {
            throw ReportError("--out \(folder.path): \(inTheWay.joined(separator: ", ")) \(inTheWay.count == 1 ? "is" : "are") in the way of the report "
                + "and not the tool's to replace; move \(inTheWay.count == 1 ? "it" : "them") elsewhere and run again")
        }
        try Self.checkWritable(staged, in: folder)
        try Interruption.shared.protect { () throws(ReportError) in
            do throws(ReportError) { try commit(staged, from: staging, to: folder, manifest: manifest, previous: previous) } catch {
                // Something was already replaced: the manifest claims the old files and the new,
                // so the next run can finish what this one began.
                var partial = ReportError("\(error.description); \(folder.path)/ is partly written, its manifest listing the old report's files "
                                          + "and the new one's: run again once the cause is fixed")
                partial.leftFolderAsItWas = false
                destination.reportWritten()
                throw partial
            }
            destination.reportWritten()
        }
        return failures
    }

    /// Refuses, before anything in the folder changes, a commit that could not be finished: a
    /// folder the staged files go into (or the report folder itself) that this process may not
    /// write, or a file where one of those folders must be.
    static func checkWritable(_ staged: [String], in folder: OutputFolder) throws(ReportError) {
        var folders: Set<String> = ["."]
        for file in staged {
            // The deepest part of the file's path that exists is the folder written into.
            var parent = (file as NSString).deletingLastPathComponent
            while !parent.isEmpty, !FileOperations.exists(folder.url.appendingPathComponent(parent)) { parent = (parent as NSString).deletingLastPathComponent }
            folders.insert(parent.isEmpty ? "." : parent)
        }
        for relative in folders.sorted() {
            let url = relative == "." ? folder.url : folder.url.appendingPathComponent(relative)
            let shown = relative == "." ? "\(folder.path)/" : "\(folder.path)/\(relative)"
            guard FileOperations.isFolder(url) else {
                throw ReportError("\(shown) is a file where the report needs a folder; move it elsewhere and run again")
            }
            if access(url.path, W_OK) != 0 { throw ReportError("cannot write into \(shown): \(String(cString: strerror(errno)))") }
        }
    }

    /// Moves the staged files into the report folder and deletes the old report's files that the
    /// new one lacks. The manifest first claims both (so that a process killed half-way leaves
    /// nothing the next run would take for the user's), and at the end the new files alone.
    private func commit(_ staged: [String], from staging: URL, to folder: OutputFolder, manifest: ReportManifest,
                        previous: ReportManifest) throws(ReportError) {
        let union = ReportManifest(files: Array(Set(manifest.files).union(previous.files)), sources: manifest.sources)
        let manifestURL = folder.url.appendingPathComponent(ReportManifest.fileName)
        try FileOperations.write(try union.encoded(), to: manifestURL)
        // The index last, so that it never links to a page not yet in place.
        for file in staged.filter({ $0 != "README.md" }) + ["README.md"] {
            let destination = folder.url.appendingPathComponent(file)
            try FileOperations.createFolder(destination.deletingLastPathComponent())
            try FileOperations.move(staging.appendingPathComponent(file), to: destination)
        }
        let current = Set(manifest.files)
        for file in previous.files where !current.contains(file) {
            let url = folder.url.appendingPathComponent(file)
            try FileOperations.removeFile(url)
            FileOperations.removeEmptyFolders(from: url.deletingLastPathComponent(), upTo: folder.url)
        }
        try FileOperations.write(try manifest.encoded(), to: manifestURL)
    }

    /// Writes every experiment's folder into `root`; for each experiment, its index summary or the
    /// first error of its files.
    ///
    /// The figures are built first (from the results: cheap); then every file, each figure in each
    /// format and each experiment's pages, is a piece of work for `jobs` workers. No two pieces
    /// write the same file, so the order they finish in changes no byte.
    func writeExperiments(_ results: [AnalyzedResult], into root: URL) -> [Result<ResultsDocument.Summary, ReportError>] {
        var pieces: [Piece] = []
        var folderErrors: [Int: ReportError] = [:]
        for (index, analyzed) in results.enumerated() {
            let figures: [ReportFigure]
            do throws(ReportError) {
                _ = try Interruption.shared.protect { () throws(ReportError) in try FileOperations.createFolder(figuresFolder(of: analyzed, in: root)) }
                figures = FigureBuilder.figures(for: analyzed)
            } catch {
                folderErrors[index] = error
                continue
            }
            pieces.append(.pages(experiment: index, figures: figures))
            pieces += figures.flatMap { figure in formats.map { Piece.figure(experiment: index, figure, $0) } }
        }
        // The costliest first, so that the workers finish together: a figure's markers are drawn
        // one by one, everything else is small.
        let order = pieces.indices.sorted { (pieces[$0].estimatedCost, $1) > (pieces[$1].estimatedCost, $0) }
        let outcomes = ParallelWork.map(pieces.count, workers: jobs) { [pieces] slot in
            let position = order[slot]
            // Each file is written under the signal guard: a signal waits for the file in hand,
            // then removes the staging folder with no writer left to put anything back in it.
            return Result { () throws(ReportError) -> ResultsDocument.Summary? in
                try Interruption.shared.protect { () throws(ReportError) -> ResultsDocument.Summary? in
                    switch pieces[position] {
                    case .pages(let experiment, let figures):
                        return try writePages(results[experiment], figures: figures, in: root)
                    case .figure(let experiment, let figure, let format):
                        try draw(figure, as: format, of: results[experiment], in: root)
                        return nil
                    }
                }
            }
        }
        var summaries: [Int: ResultsDocument.Summary] = [:]
        var errors = folderErrors
        for (piece, outcome) in zip(order.map { pieces[$0] }, outcomes) {
            switch outcome {
            case .success(let summary?): summaries[piece.experiment] = summary
            case .success(nil): break
            case .failure(let error): if errors[piece.experiment] == nil { errors[piece.experiment] = error }
            }
        }
        return results.indices.map { index in
            if let error = errors[index] { return .failure(error) }
            guard let summary = summaries[index] else { return .failure(ReportError("\(results[index].result.experiment.name): its page was not written")) }
            return .success(summary)
        }
    }

    /// One file (or one experiment's pages) to write.
    private enum Piece: Sendable {
        case pages(experiment: Int, figures: [ReportFigure])
        case figure(experiment: Int, ReportFigure, OutputFormat)

        var experiment: Int {
            switch self {
            case .pages(let experiment, _), .figure(let experiment, _, _): experiment
            }
        }

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

    private func draw(_ figure: ReportFigure, as format: OutputFormat, of analyzed: AnalyzedResult, in root: URL) throws(ReportError) {
        let path = figuresFolder(of: analyzed, in: root).appendingPathComponent("\(figure.fileName).\(format.rawValue)").path
        do { try figure.figure.render(to: path, format: format) } catch {
            throw ReportError("cannot draw \(analyzed.result.experiment.name)/figures/\(figure.fileName).\(format.rawValue): \(error)")
        }
    }

    /// Writes an experiment's page and results file and returns its index summary.
    private func writePages(_ analyzed: AnalyzedResult, figures: [ReportFigure], in root: URL) throws(ReportError) -> ResultsDocument.Summary {
        let (result, findings) = (analyzed.result, analyzed.findings)
        let folder = root.appendingPathComponent(result.experiment.name)
        let page = ExperimentPage(result: result, findings: findings, figures: figures, formats: formats.map(\.rawValue))
        try FileOperations.write(Data(page.markdown.utf8), to: folder.appendingPathComponent("README.md"))
        let keyResult = IndexPage.keyResult(result, findings: findings)
        let document: ResultsDocument
        let data: Data
        do {
            document = try ResultsDocument(result, findings: findings, keyResult: keyResult)
            data = try document.encoded()
        } catch { throw ReportError("cannot encode \(result.experiment.name)/results.json: \(error)") }
        if let archive = document.parameterArchive {
            try FileOperations.write(archive, to: folder.appendingPathComponent(ResultsDocument.parameterFileName))
        }
        try FileOperations.write(data, to: folder.appendingPathComponent("results.json"))
        return document.summary
    }
}

extension ReportWriter {
    /// Writes `results` into the folder at `url` as a run of the tool would (checked, created and
    /// locked first): for tests and benchmarks, which write into folders of their own.
    public func write(_ results: [AnalyzedResult], metadata: RunMetadata, to url: URL) throws(ReportError) {
        let destination = try ReportDestination(try OutputFolder(url.path, inputs: []))
        defer { destination.finish() }
        let failures = try write(results, metadata: metadata, to: destination)
        if let first = failures.first { throw ReportError(first.message) }
    }
}
