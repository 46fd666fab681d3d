import Experiments
import Foundation
import Testing
@testable import Reporting

/// The JSON Schema and the key reference are made from the reader's own declarations; the
/// committed copies must be what `report --print-schema` and `--print-keys` print now.
@Suite("Schema and key reference")
struct ReferenceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("experiments/schema.json is the generated schema (update: swift run report --print-schema > experiments/schema.json)")
    func schema() throws {
        let committed = try String(contentsOf: Self.root.appendingPathComponent("experiments/schema.json"), encoding: .utf8)
        #expect(committed == ExperimentSchema.text)
    }

    @Test("docs/keys.md is the generated reference (update: swift run report --print-keys > docs/keys.md)")
    func keys() throws {
        let committed = try String(contentsOf: Self.root.appendingPathComponent("docs/keys.md"), encoding: .utf8)
        #expect(committed == KeyReference.markdown)
    }

    @Test("The schema names every registered part and every key the reader accepts at the top level")
    func schemaCoversReader() throws {
        let schema = try JSONSerialization.jsonObject(with: Data(ExperimentSchema.text.utf8)) as! [String: Any]
        let properties = schema["properties"] as! [String: Any]
        let topLevel = Experiment.commonKeys + TrainingSetup.keys + MinimizeSetup.keys + GradientCheckSetup.keys
        #expect(Set(properties.keys) == Set(topLevel))
        let optimizer = (properties["optimizer"] as! [String: Any])["properties"] as! [String: Any]
        #expect(((optimizer["name"] as! [String: Any])["enum"] as! [String]) == Registry.optimizers.map { $0.name })
        #expect(Set(optimizer.keys) == Set(Registry.optimizers.flatMap { $0.settings.map(\.key) } + ["name", "lr"]))
        let data = (properties["data"] as! [String: Any])["properties"] as! [String: Any]
        let sourceKeys: [String] = Registry.dataSources.flatMap { $0.settings.map(\.key) }
        let commonKeys: [String] = DataSetup.Keys.declarations.map(\.key)
        #expect(Set(data.keys) == Set(sourceKeys + ["source", "split"] + commonKeys))
    }
}
