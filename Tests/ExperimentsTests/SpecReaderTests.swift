import Foundation
import Testing
@testable import Experiments

@Suite("Reading experiment files")
struct SpecReaderTests {
    func reader(_ json: String) throws -> SpecReader {
        try SpecReader(parsing: Data(json.utf8), file: "experiments/x.json")
    }

    @Test("Errors name the file, the JSON path and what was expected")
    func paths() throws {
        let root = try reader(#"{"model": [{"linear": 8}, {"linear": -3}], "data": {"split": {"test": 1.5}}}"#)
        let layers = try root.required("model").array()
        #expect(throws: SpecError(file: "experiments/x.json", path: "model[1].linear", message: "expected a positive integer, got -3",
                                  location: TextLocation(line: 1, column: 28))) {
            try layers[1].required("linear").integer(minimum: 1)
        }
        let test = try root.required("data").required("split").required("test")
        #expect((try? test.number(in: 0...1)) == nil)
        do { _ = try test.number(in: 0...1) } catch {
            #expect(error.description == "experiments/x.json:1:63: data.split.test: expected a number from 0 to 1, got 1.5")
        }
    }

    @Test("Unknown keys are errors with a did-you-mean hint")
    func unknownKeys() throws {
        let root = try reader(#"{"nmae": "moons", "seed": 42}"#)
        do {
            _ = try root.keys(allowed: ["name", "seed", "model"])
            Issue.record("an unknown key was accepted")
        } catch {
            #expect(error.path == "nmae")
            #expect(error.message.hasPrefix(#"unknown key "nmae" (did you mean "name"?)"#))
        }
    }

    @Test("Choices suggest the nearest allowed value")
    func choices() throws {
        let value = try reader(#"{"loss": "bce_logit"}"#).required("loss")
        do {
            _ = try value.choice(["bce", "bce_logits", "mse", "nll"])
            Issue.record("a wrong choice was accepted")
        } catch {
            #expect(error.message.contains(#"(did you mean "bce_logits"?)"#))
        }
    }

    @Test("Wrong types, missing keys and broken JSON each get one clear message", arguments: [
        (#"{"seed": "42"}"#, "seed", #"expected an integer, got "42""#),
        (#"{"seed": 4.5}"#, "seed", "expected an integer, got 4.5"),
        (#"{"seed": true}"#, "seed", "expected an integer, got true"),
        (#"{}"#, "", #"missing required key "seed""#),
    ])
    func typeErrors(json: String, path: String, message: String) throws {
        let root = try reader(json)
        do {
            _ = try root.required("seed").integer()
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.path == path)
            #expect(error.message == message)
        }
    }

    @Test("Invalid JSON is reported with the file")
    func invalidJSON() {
        #expect {
            _ = try SpecReader(parsing: Data("{\"a\": ".utf8), file: "experiments/broken.json")
        } throws: { error in
            (error as? SpecError).map { $0.file == "experiments/broken.json" && $0.message.hasPrefix("is not valid JSON") } ?? false
        }
    }

    @Test("Edit distance and suggestions")
    func suggestions() {
        #expect(DidYouMean.editDistance("kitten", "sitting") == 3)
        #expect(DidYouMean.suggestion(for: "epohcs", among: ["epochs", "batch", "shuffle"]) == "epochs")
        #expect(DidYouMean.suggestion(for: "zzzzzz", among: ["epochs", "batch"]) == nil)
    }
}

extension SpecReaderTests {
    @Test("However many epochs, a run records at most 10,000 times, and says so when that overrides the file",
          arguments: [(1_000_000_000, 1, 100_000, 1 as Int?), (20_000, 1, 2, 1), (10_000, 1, 1, nil), (20_000, 5, 5, nil), (25_000, 2, 3, 2)])
    func boundedRecords(epochs: Int, requested: Int, recorded: Int, noted: Int?) throws {
        let loop = try LoopSetup(try reader(#"{"epochs": \#(epochs), "evaluate_every": \#(requested)}"#))
        #expect(loop.evaluateEvery == recorded)
        #expect(loop.requestedEvaluateEvery == noted)
        #expect(loop.epochs / loop.evaluateEvery <= LoopSetup.maximumRecords)
    }
}
