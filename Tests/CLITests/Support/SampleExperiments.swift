import Foundation

/// Small experiment files for the command-line tests: each trains in milliseconds.
enum SampleExperiments {
    /// A two-moons classifier named `name`, with a question whose answer quotes a fact.
    static func moons(_ name: String, epochs: Int = 3, samples: Int = 60, figures: [String] = ["history"]) -> String {
        """
        {
          "name": "\(name)",
          "title": "Moons \(name)",
          "seed": 3,
          "data": {"source": "moons", "samples": \(samples), "noise": 0.1, "split": {"test": 0.25}},
          "model": [{"linear": 4}, {"activation": "tanh"}, {"linear": 1}, {"activation": "sigmoid"}],
          "loss": "bce",
          "optimizer": {"name": "sgd", "lr": 0.5},
          "training": {"epochs": \(epochs)},
          "figures": [\(figures.map { "\"\($0)\"" }.joined(separator: ", "))],
          "questions": [{"question": "How low?", "answer": "The loss ends at {{final_loss}}."}]
        }

        """
    }

    /// A folder `experiments` in `scratch` holding the moons experiments `names`.
    static func folder(_ names: [String], in scratch: ScratchFolder, epochs: Int = 3) throws {
        for name in names { try scratch.write(moons(name, epochs: epochs), to: "experiments/\(name).json") }
    }
}
