import Datasets
import Experiments
import Foundation
import Testing
@testable import Reporting

/// The JSON Schema an editor checks a file with refuses what the reader refuses when it reads the
/// file, and accepts what it accepts: every shipped, corpus, hostile and schema-case file is judged
/// by both. The schema's verdicts come from a real validator (Python's jsonschema, run by
/// `Fixtures/schema_verdicts.py` and committed), so the test needs no Python.
///
/// The reader's verdict is the one it gives before any data is made: `Experiment.load` and the
/// figure catalog's checks of each request. What needs the data (a CSV's cells, a model against
/// its loss) neither can see, so such files are accepted by both.
@Suite("Schema and reader agree")
struct SchemaAgreementTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let verdictsURL = root.appendingPathComponent("Tests/ReportingTests/Fixtures/schema-verdicts.json")

    /// Files the reader refuses and the schema cannot: each with what JSON Schema cannot say.
    static let readerOnly: [String: String] = [
        "Tests/CLITests/Hostile/formula-syntax.json": "a formula's syntax is parsed by the reader",
        "Tests/CLITests/Hostile/formula-unknown-name.json": "a formula's names are checked by the reader",
        "Tests/CLITests/Hostile/optimizer-nesterov-without-momentum.json": "a rule between two settings (Nesterov needs a momentum)",
        "Tests/CLITests/Hostile/placeholder-empty.json": "placeholder names inside an answer's text",
        "Tests/CLITests/Hostile/placeholder-with-space.json": "placeholder names inside an answer's text",
        "Tests/CLITests/Hostile/variant-blank-name.json": "a variant's name, an object key, checked after trimming",
        "Tests/CLITests/Hostile/variant-path-leads-nowhere.json": "an override's dotted path into the file",
        "Tests/CLITests/Hostile/variant-sets-the-name.json": "an override's dotted path into the file",
        "Tests/ReportingTests/Fixtures/SchemaCases/gaussians-deviation-count.json": "a list's length set by another list's",
        "Tests/ReportingTests/Fixtures/SchemaCases/figure-twice-in-two-forms.json": "a figure named twice in two forms",
        "Tests/ReportingTests/Fixtures/SchemaCases/idx-test-images-without-labels.json": "a rule between two settings (test images need test labels)",
    ]

    struct Verdicts: Decodable {
        struct Verdict: Decodable {
            var valid: Bool
            var problem: String?
        }

        var schema_sha256: String
        var verdicts: [String: Verdict]
    }

    static func verdicts() throws -> Verdicts {
        try JSONDecoder().decode(Verdicts.self, from: Data(contentsOf: verdictsURL))
    }

    /// The files judged, relative to the repository, as the fixture script lists them.
    static func files() throws -> [String] {
        let folders = ["experiments", "Tests/ReportingTests/Corpus", "Tests/CLITests/Hostile", "Tests/ReportingTests/Fixtures/SchemaCases"]
        let skipped: Set<String> = ["experiments/schema.json", "experiments/report.json", "Tests/CLITests/Hostile/expected.json"]
        return try folders.flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
                .filter { $0.hasSuffix(".json") }.map { "\(folder)/\($0)" }.filter { !skipped.contains($0) }
        }.sorted()
    }

    /// The reader's verdict before data: the error it gives, or nil when it accepts the file.
    static func readerProblem(_ relative: String) -> String? {
        do {
            let experiment = try Experiment.load(path: root.appendingPathComponent(relative).path)
            return FigureCatalog.problems(in: experiment).first?.message
        } catch {
            return error.message
        }
    }

    @Test("The committed verdicts are of the committed schema and of every file (update: python3 Tests/ReportingTests/Fixtures/schema_verdicts.py)")
    func verdictsAreCurrent() throws {
        let verdicts = try Self.verdicts()
        let schema = try Data(contentsOf: Self.root.appendingPathComponent("experiments/schema.json"))
        #expect(verdicts.schema_sha256 == SHA256.hex(of: schema))
        #expect(Set(verdicts.verdicts.keys) == Set(try Self.files()))
        #expect(try Self.files().count > 120)
    }

    @Test("Every file is accepted by both or refused by both, except the reader's own rules listed with their reasons")
    func agreement() throws {
        let verdicts = try Self.verdicts()
        var refusedByBoth = 0
        for file in try Self.files() {
            let reader = Self.readerProblem(file)
            let schema = try #require(verdicts.verdicts[file], "\(file) has no verdict")
            if let reason = Self.readerOnly[file] {
                #expect(reader != nil && schema.valid, "\(file) is listed as beyond the schema (\(reason)), but reader: \(reader ?? "accepts"), schema: \(schema.problem ?? "accepts")")
                continue
            }
            #expect((reader == nil) == schema.valid, "\(file): reader \(reader ?? "accepts"), schema \(schema.problem ?? "accepts")")
            if reader != nil && !schema.valid { refusedByBoth += 1 }
        }
        #expect(refusedByBoth >= 30)
    }
}
