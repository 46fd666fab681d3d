import Foundation
import Testing
@testable import Experiments

/// Each deliberately broken experiment gives one error naming the file, the JSON path and what was expected.
@Suite("Broken experiment files")
struct BrokenFileTests {
    /// A valid training experiment; each case below breaks one thing in it.
    static var valid: [String: Any] { [
        "name": "tiny", "seed": 1,
        "data": ["source": "moons", "samples": 60, "noise": 0.1, "split": ["test": 0.25, "method": "stratified"]],
        "model": [["linear": 4, "init": "kaiming"], ["activation": "relu"], ["linear": 1], ["activation": "sigmoid"]],
        "loss": "bce",
        "optimizer": ["name": "sgd", "lr": 0.1],
        "training": ["epochs": 3],
    ] }

    /// The valid document with `change` applied.
    static func document(_ change: (inout [String: Any]) -> Void) -> Data {
        var object = valid
        change(&object)
        return try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    /// Reads and prepares a document, returning the error it gives, without its line and column
    /// (the documents here are written on one line; `JSONParserTests` checks locations).
    static func error(of data: Data) -> String? {
        do {
            let experiment = try Experiment(json: data, file: "experiments/tiny.json")
            _ = try PreparedExperiment(experiment)
            return nil
        } catch {
            return SpecError(file: error.file, path: error.path, message: error.message).description
        }
    }

    static let cases: [(String, Data, String)] = [
        ("not JSON", Data("{\"name\": \"tiny\",".utf8), "experiments/tiny.json: is not valid JSON"),
        ("missing name", document { $0["name"] = nil }, "experiments/tiny.json: missing required key \"name\""),
        ("unknown key", document { $0["modle"] = $0["model"] }, "experiments/tiny.json: modle: unknown key \"modle\" (did you mean \"model\"?)"),
        ("unsafe name", document { $0["name"] = "../outside" }, "experiments/tiny.json: name: expected a folder name"),
        ("epochs as text", document { $0["training"] = ["epochs": "3"] }, "experiments/tiny.json: training.epochs: expected a positive integer, got \"3\""),
        ("negative units", document { $0["model"] = [["linear": 4], ["activation": "relu"], ["linear": -3]] },
         "experiments/tiny.json: model[2].linear: expected a positive integer, got -3"),
        ("misspelt activation", document { $0["model"] = [["linear": 1], ["activation": "sigmoyd"]] },
         "experiments/tiny.json: model[1].activation: expected one of sigmoid, relu, leaky-relu, tanh, softmax, identity, got \"sigmoyd\" (did you mean \"sigmoid\"?)"),
        ("loss does not fit output", document { $0["model"] = [["linear": 3], ["activation": "sigmoid"]] },
         "experiments/tiny.json: loss: bce needs a model with 1 output, got 3"),
        ("bce without sigmoid", document { $0["model"] = [["linear": 1]] }, "experiments/tiny.json: loss: bce takes probabilities"),
        ("bce-with-logits after a sigmoid", document { $0["loss"] = "bce-with-logits" },
         "experiments/tiny.json: model[3]: bce-with-logits applies the sigmoid itself, so this sigmoid would be applied twice"),
        ("nll with one output", document { $0["loss"] = "nll"; $0["model"] = [["linear": 1]] },
         "experiments/tiny.json: loss: nll needs one output per class: the data has 2 classes, the model 1 outputs"),
        ("missing data file", document { $0["data"] = ["source": "npz", "path": "nowhere.npz"] }, "experiments/tiny.json: data.path: "),
        ("split out of range", document { $0["data"] = ["source": "moons", "split": ["test": 1.5]] },
         "experiments/tiny.json: data.split.test: expected a number from 0 to 0.95, got 1.5"),
        ("option of another optimizer", document { $0["optimizer"] = ["name": "adam", "lr": 0.01, "momentum": 0.9] },
         "experiments/tiny.json: optimizer.momentum: unknown key \"momentum\""),
        ("bad formula", document { $0["data"] = ["source": "function", "formula": "x^2 +* 3"] },
         "experiments/tiny.json: data.formula: column 6"),
        ("variant sets a fixed key", document { $0["variants"] = ["a": ["name": "other"]] },
         "experiments/tiny.json: variants.a.name: \"name\" describes the experiment and cannot vary between runs"),
        ("variant makes an invalid run", document { $0["variants"] = ["long run": ["training.epochs": 0]] },
         "experiments/tiny.json: variants[\"long run\"]: makes an invalid run: training.epochs: expected a positive integer, got 0"),
        ("sweep with a bad count", document { $0["sweep"] = ["optimizer.lr": ["linspace": [0.1, 0.2, 2.5]]] },
         "experiments/tiny.json: sweep[\"optimizer.lr\"].linspace: expected [start, stop, count] with a whole count"),
        ("stratifying a regression", document {
            $0["data"] = ["source": "function", "formula": "x^2", "split": ["test": 0.2, "method": "stratified"]]
            $0["loss"] = "mse"
            $0["model"] = [["linear": 1]]
        }, "experiments/tiny.json: data.split.method: stratified splits need class labels"),
        ("unknown initialiser", document { $0["model"] = [["linear": 1, "init": "xavir"], ["activation": "sigmoid"]] },
         "experiments/tiny.json: model[0].init: expected one of constant, kaiming, lecun, normal, pytorch, uniform, xavier, zeros, got \"xavir\" (did you mean \"xavier\"?)"),
    ]

    @Test("The valid file is valid")
    func validFile() {
        #expect(Self.error(of: Self.document { _ in }) == nil)
    }

    @Test("Each mistake gives its own precise error", arguments: cases.indices)
    func brokenFile(index: Int) {
        let (name, data, expected) = Self.cases[index]
        let message = Self.error(of: data)
        #expect(message?.hasPrefix(expected) == true, "\(name): got \(message ?? "no error"), expected it to start with \(expected)")
    }

    @Test("A minimisation file checks its formula and rates")
    func minimizeErrors() {
        let data = Data(#"{"name": "roots", "kind": "minimize", "objective": "(x^2 - 5*x + 4)^2", "starts": [0], "lr": [0.01, -1]}"#.utf8)
        #expect(Self.error(of: data) == "experiments/tiny.json: lr[1]: expected a positive number, got -1")
        let unknown = Data(#"{"name": "roots", "kind": "minimize", "objective": "(y - 1)^2", "starts": [0], "lr": [0.01]}"#.utf8)
        #expect(Self.error(of: unknown)?.hasPrefix("experiments/tiny.json: objective: column 2") == true)
    }

    @Test("A mistake in the file itself is the file's, not a run's, even when every run is a variant")
    func fileMistakeWithVariants() {
        let data = Self.document {
            $0["model"] = [["linear": 3], ["activation": "sigmoid"]]
            $0["variants"] = ["a": [String: Any](), "b": ["training.epochs": 5]]
        }
        #expect(Self.error(of: data) == "experiments/tiny.json: loss: bce needs a model with 1 output, got 3; set the last linear layer to 1 unit")
    }

    @Test("The file's own data set is checked, and dropped when every variant replaces it")
    func replacedDataSet() throws {
        let data = Self.document {
            $0["variants"] = ["small": ["data.samples": 40], "large": ["data.samples": 80]]
        }
        let prepared = try PreparedExperiment(try Experiment(json: data, file: "experiments/tiny.json"))
        #expect(prepared.datasets.count == 2)
        #expect(prepared.dataIndices == [0, 1])
    }
}
