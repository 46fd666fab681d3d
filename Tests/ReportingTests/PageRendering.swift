import Experiments
import Foundation
@testable import Reporting

/// Runs one experiment file, given as text, and renders its page as the report does.
enum PageRendering {
    static func render(_ file: String, formats: [String] = ["png"]) throws -> (markdown: String, findings: Findings, caption: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("page-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let path = root.appendingPathComponent("experiment.json").path
        try Data(file.utf8).write(to: URL(fileURLWithPath: path))
        let result = ExperimentRunner.run([try PreparedExperiment(try Experiment.load(path: path))], jobs: 1)[0]
        let analyzed = try AnalyzedResult(result)
        let figures = FigureBuilder.figures(for: analyzed)
        let page = ExperimentPage(result: result, findings: analyzed.findings, figures: figures, formats: formats)
        return (page.markdown, analyzed.findings, figures.first?.caption ?? "")
    }
}
