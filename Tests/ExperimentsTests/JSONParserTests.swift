import Foundation
import Testing
@testable import Experiments

@Suite("JSON parser")
struct JSONParserTests {
    func parse(_ text: String) throws(JSONParser.SyntaxError) -> JSONValue {
        try JSONParser.parse(Array(text.utf8)).value
    }

    func syntaxError(_ text: String) -> JSONParser.SyntaxError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("Every kind of value, escapes and number forms")
    func values() throws {
        let value = try parse(#"""
            {"null": null, "yes": true, "no": false, "numbers": [0, -0, 12, -3.25, 1.5e3, 2E-2, 1e+2, 12345678901234567890],
             "text": "tab\tquote\" slash\/ back\\ e\u00e9 smile\ud83d\ude00 crlf\r\n", "empty": {}, "none": []}
            """#)
        guard case .object(let object) = value else { Issue.record("not an object"); return }
        #expect(object["null"] == .null)
        #expect(object["yes"] == .bool(true) && object["no"] == .bool(false))
        #expect(object["numbers"] == .array([0, -0.0, 12, -3.25, 1500, 0.02, 100, 12345678901234567890].map(JSONValue.number)))
        #expect(object["text"] == .string("tab\tquote\" slash/ back\\ eé smile😀 crlf\r\n"))
        #expect(object["empty"] == .object([:]) && object["none"] == .array([]))
    }

    @Test("Members keep the order they are written in")
    func memberOrder() throws {
        guard case .object(let object) = try parse(#"{"zeta": 1, "alpha": 2, "mid": {"b": 0, "a": 0}}"#),
              case .object(let inner) = object["mid"] else { Issue.record("not objects"); return }
        #expect(object.keys == ["zeta", "alpha", "mid"])
        #expect(inner.keys == ["b", "a"])
    }

    @Test("Every value's line and column is remembered by its JSON path")
    func locations() throws {
        let text = """
            {
              "model": [
                { "linear": 8 },
                { "linear": -3 }
              ],
              "variants": { "long run": { "training.epochs": 0 } },
              "title": "Café ✓", "seed": 1
            }
            """
        let locations = try JSONParser.parse(Array(text.utf8)).locations
        #expect(locations.location(of: "") == nil)
        #expect(locations.location(of: "model") == TextLocation(line: 2, column: 3))
        #expect(locations.location(of: "model[1]") == TextLocation(line: 4, column: 5))
        #expect(locations.location(of: "model[1].linear") == TextLocation(line: 4, column: 7))
        #expect(locations.location(of: #"variants["long run"]["training.epochs"]"#) == TextLocation(line: 6, column: 31))
        // Columns count characters: "Café ✓" is 8 characters but 11 bytes.
        #expect(locations.location(of: "seed") == TextLocation(line: 7, column: 22))
        // A key that is not there is placed at the nearest value that is.
        #expect(locations.location(of: "model[1].init") == TextLocation(line: 4, column: 5))
        #expect(locations.location(of: "data.path") == nil)
    }

    @Test("Syntax errors say where and what was expected", arguments: [
        ("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, #"expected ',' or '}' after the value of "a", found '"'"#),
        ("{\"a\": [1, 2,]}", 1, 13, "expected a value, found ']' (JSON allows no comma before a closing bracket)"),
        ("{\"a\": 1,\n}", 2, 1, "expected a key in double quotes, found '}' (JSON allows no comma before a closing brace)"),
        ("{'a': 1}", 1, 2, "expected a key in double quotes, found '''"),
        ("{\"a\": 'x'}", 1, 7, "expected a value (a string, number, object, array, true, false or null), found ''' (JSON strings use double quotes)"),
        ("{\"a\": 1 // note\n}", 1, 9, "expected ',' or '}' after the value of \"a\", found '/' (JSON has no comments"),
        ("{\"a\": \"open\n}", 1, 12, "this string is never closed before the end of the line"),
        ("{\"a\": \"open", 1, 7, "this string is never closed"),
        ("{\"a\": 012}", 1, 7, "a number cannot start with 0 followed by digits"),
        ("{\"a\": 1.}", 1, 9, "expected a digit after the decimal point"),
        ("{\"a\": NaN}", 1, 7, "expected a value (a string, number, object, array, true, false or null), found 'N' (JSON has no NaN or Infinity)"),
        ("{\"a\": tru}", 1, 7, "expected true, found 'tru'"),
        ("{\"a\": \"\\x\"}", 1, 8, #"\x is not an escape"#),
        ("{\"a\": \"\\ud800\"}", 1, 14, "a \\uD800 surrogate must be followed by its pair"),
        ("{\"a\": 1e999}", 1, 7, "1e999 is too large for a double"),
        ("{\"a\": 1, \"a\": 2}", 1, 10, #"the key "a" appears twice in one object (first at line 1)"#),
        ("{\"a\": 1} {", 1, 10, "unexpected '{' after the end of the document"),
        (" \n ", 2, 2, "the file is empty"),
        ("{\"é\": x}", 1, 7, "expected a value"),
    ])
    func syntaxErrors(text: String, line: Int, column: Int, message: String) {
        let error = syntaxError(text)
        #expect(error?.location == TextLocation(line: line, column: column), "\(text.debugDescription): \(String(describing: error))")
        #expect(error?.message.hasPrefix(message) == true, "\(text.debugDescription): \(error?.message ?? "no error")")
    }

    @Test("Nesting deeper than the limit is an error, not a crashed stack")
    func depth() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(syntaxError(deep)?.message == "values are nested more than \(JSONParser.maximumDepth) deep")
        let allowed = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect(syntaxError(allowed) == nil)
    }

    @Test("A file's errors carry its line and column, in the compilers' form")
    func errorsInFiles() {
        let text = """
            {
              "name": "roots",
              "kind": "minimize",
              "objective": "(x^2 - 5*x + 4)^2",
              "starts": [0],
              "lr": [0.01, -1]
            }
            """
        #expect(throws: SpecError(file: "experiments/roots.json", path: "lr[1]", message: "expected a positive number, got -1",
                                  location: TextLocation(line: 6, column: 16))) {
            try Experiment(json: Data(text.utf8), file: "experiments/roots.json")
        }
        let broken = SpecError(file: "experiments/roots.json", path: "", message: "is not UTF-8 text: save it as UTF-8",
                               location: TextLocation(line: 1, column: 2))
        #expect(throws: broken) { try Experiment(json: Data([0x7B, 0xFF, 0x7D]), file: "experiments/roots.json") }
        // The place of the first bad byte counts lines and characters, a two-byte character as one.
        let later = SpecError(file: "experiments/roots.json", path: "", message: "is not UTF-8 text: save it as UTF-8",
                              location: TextLocation(line: 2, column: 4))
        #expect(throws: later) { try Experiment(json: Data("{\n\"é\u{E9}".utf8) + Data([0xE9, 0x7D]), file: "experiments/roots.json") }
        let described = SpecError(file: "a.json", path: "lr[1]", message: "m", location: TextLocation(line: 6, column: 16))
        #expect(described.description == "a.json:6:16: lr[1]: m")
    }

    @Test("Variants and sweeps run in the order the file lists them")
    func runOrder() throws {
        let text = #"""
            {"name": "order", "kind": "minimize", "objective": "x^2", "starts": [1], "lr": [0.1],
             "variants": {"zeta": {}, "alpha": {"tolerance": 0.1}, "mid": {}}}
            """#
        let experiment = try Experiment(json: Data(text.utf8), file: "experiments/order.json")
        #expect(experiment.runs.map(\.name) == ["zeta", "alpha", "mid"])
    }
}
