import Testing

/// Tables name their runs only when there is more than one run to tell apart.
@Suite("Run columns")
struct RunColumnTests {
    static func file(variants: String) -> String {
        """
        {"name": "tiny-boundary", "seed": 4,
         "data": {"source": "gaussians", "counts": [20, 20]},
         "model": [{"linear": 1}, {"activation": "sigmoid"}],
         "loss": "bce", "optimizer": {"name": "sgd", "lr": 0.1},
         "training": {"epochs": 5, "batch": "full"}\(variants)}
        """
    }

    @Test("One run: no column reading 'run'")
    func singleRun() throws {
        let markdown = try PageRendering.render(Self.file(variants: "")).markdown
        #expect(markdown.contains("\n| Epochs |") && markdown.contains("\n| w | b |") && !markdown.contains("| Run |"))
    }

    @Test("Several runs, one of them linear: its parameters still say which run they are")
    func oneLinearAmongSeveral() throws {
        let variants = #", "variants": {"linear": {}, "hidden": {"model": [{"linear": 3}, {"activation": "sigmoid"}, {"linear": 1}, {"activation": "sigmoid"}]}}"#
        let markdown = try PageRendering.render(Self.file(variants: variants)).markdown
        #expect(markdown.contains("\n| Run | w | b |") && markdown.contains("\n| linear | "))
    }
}
