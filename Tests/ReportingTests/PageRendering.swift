import Experiments
import Foundation
@testable import Reporting

/// Runs one experiment file, given as text, and renders its page as the report does.
enum PageRendering {
    /// The analysed result of the experiment `file`, run in a scratch folder beside `files`
    /// (name → text), which its data paths may name.
    static func analyzed(_ file: String, files: [String: String] = [:]) throws -> AnalyzedResult {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("page-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: root.appendingPathComponent(name)) }
        let path = root.appendingPathComponent("experiment.json").path
        try Data(file.utf8).write(to: URL(fileURLWithPath: path))
        let result = ExperimentRunner.run([try PreparedExperiment(try Experiment.load(path: path))], jobs: 1)[0]
        return try AnalyzedResult(result)
    }

    /// The figures of the experiment `file`, as the report draws them.
    static func figures(_ file: String, files: [String: String] = [:]) throws -> [ReportFigure] {
        FigureBuilder.figures(for: try analyzed(file, files: files))
    }

    static func render(_ file: String, formats: [String] = ["png"]) throws -> (markdown: String, findings: Findings, caption: String) {
        let analyzed = try analyzed(file)
        let figures = FigureBuilder.figures(for: analyzed)
        let page = ExperimentPage(result: analyzed.result, findings: analyzed.findings, figures: figures, formats: formats)
        return (page.markdown, analyzed.findings, figures.first?.caption ?? "")
    }
}
