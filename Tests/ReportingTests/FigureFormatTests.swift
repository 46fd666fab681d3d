import Testing
@testable import Reporting

/// Which figure files a page shows and links, whatever `--format` asks for.
@Suite("Figure formats on pages")
struct FigureFormatTests {
    static let experiment = """
    {"name": "tiny", "seed": 2, "data": {"source": "moons", "samples": 40, "noise": 0.1, "split": {"test": 0.25}},
     "model": [{"linear": 4}, {"activation": "relu"}, {"linear": 1}, {"activation": "sigmoid"}],
     "loss": "bce", "optimizer": {"name": "sgd", "lr": 0.1}, "training": {"epochs": 3}, "figures": ["history"]}
    """

    @Test("SVG alone is shown inline; PNG is preferred when both are written; PDF is only linked", arguments: [
        (["svg"], "![Loss and accuracy by epoch](figures/history.svg)", [String]()),
        (["png", "pdf", "svg"], "![Loss and accuracy by epoch](figures/history.png)", ["[PDF](figures/history.pdf)", "[SVG](figures/history.svg)"]),
        (["pdf"], nil, ["[PDF](figures/history.pdf)"]),
    ] as [([String], String?, [String])])
    func inline(formats: [String], image: String?, links: [String]) throws {
        let page = try PageRendering.render(Self.experiment, formats: formats).markdown
        if let image { #expect(page.contains(image)) } else { #expect(!page.contains("![")) }
        for link in links { #expect(page.contains(link)) }
        #expect(!page.contains("[SVG](figures/history.svg)") || formats.contains("png"))
    }
}
