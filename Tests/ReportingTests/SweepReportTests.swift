import Experiments
import Foundation
import Testing
@testable import Reporting

/// A sweep's page: a row per swept value with the variants side by side, and findings per variant.
@Suite("Sweep pages")
struct SweepReportTests {
    static let file = """
        {"name": "tiny-sweep", "seed": 2,
         "data": {"source": "function", "formula": "x^2", "range": [-1, 1], "samples": 40, "noise": 0},
         "model": [{"linear": 4}, {"activation": "tanh"}, {"linear": 1}],
         "loss": "mse", "optimizer": {"name": "sgd", "lr": 0.1},
         "training": {"epochs": 80, "batch": "full", "evaluate_every": 10},
         "variants": {"plain": {}, "heavy": {"optimizer.momentum": 0.9}},
         "sweep": {"optimizer.lr": [0.01, 0.1, 1000]},
         "figures": ["sweep"]}
        """

    /// The page and the findings of the experiment above.
    static func page() throws -> (markdown: String, findings: Findings, caption: String) {
        try PageRendering.render(file)
    }

    @Test("Results have a row per swept value and, per variant, loss, convergence and divergence")
    func resultsGrid() throws {
        let (markdown, _, _) = try Self.page()
        let lines = markdown.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("| lr |") })
        #expect(header == "| lr | plain: train loss | plain: converged by epoch | heavy: train loss | heavy: converged by epoch |")
        let rows = lines.filter { $0.hasPrefix("| 0.01 |") || $0.hasPrefix("| 0.1 |") || $0.hasPrefix("| 1000 |") }
        #expect(rows.count == 3)
        let diverging = try #require(rows.last)
        #expect(diverging.components(separatedBy: "**diverged** at epoch").count == 3, "both variants diverge at lr 1000: \(diverging)")
        #expect(!rows[0].contains("diverged") && !rows[1].contains("diverged"))
    }

    @Test("The setup lists what tells the variants apart and the swept values, not every run")
    func setup() throws {
        let (markdown, _, _) = try Self.page()
        #expect(markdown.contains("| Variant | Optimizer |"))
        #expect(markdown.contains("| plain | SGD, lr 0.01 … SGD, lr 1000 |"))
        #expect(markdown.contains("The sweep sets `optimizer.lr` to 3 values from 0.01 to 1000 in each variant: 6 runs."))
        #expect(!markdown.contains("What differs between runs"))
    }

    @Test("Findings speak per variant, name the diverged values, and the figure's caption says they have no point")
    func findings() throws {
        let (_, findings, caption) = try Self.page()
        #expect(findings.sentences.count == 2)
        #expect(findings.sentences[0].hasPrefix("plain: the lowest final training loss"))
        #expect(findings.sentences[1].hasPrefix("heavy: "))
        for sentence in findings.sentences {
            #expect(sentence.contains("1 of the 3 values diverged (lr = 1000 at epoch"), "\(sentence)")
        }
        #expect(findings.facts["plain.best_lr"] != nil && findings.facts["heavy.best_lr"] != nil)
        #expect(caption.contains("a run that diverged has no point"))
    }
}
