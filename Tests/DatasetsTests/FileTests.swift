import Foundation
import NeuralNet
import Testing
import TestSupport
@testable import Datasets

struct ExpectedArray: Decodable {
    let shape: [Int]
    let values: [Double]
}

func filePath(_ name: String) -> String { fixtureURL("files/" + name).path }

@Suite("NumPy and CSV files")
struct FileTests {
    @Test("Every element type, in both byte orders, in C and Fortran order, and every format version, reads as NumPy wrote it")
    func npyFiles() throws {
        let all = try (fixture("files.json") as [String: AnyDecodable]).keys
        let names = all.filter { $0.hasSuffix(".npy") }.sorted()
        let expected: [String: ExpectedArray] = try fixture("files.json", filteringTo: Set(names))
        #expect(names.count == 31)
        for name in names {
            let array = try NumPyFiles.readNPY(at: filePath(name))
            #expect(array.shape == expected[name]!.shape, "\(name)")
            #expect(array.values == expected[name]!.values, "\(name)")
        }
    }

    @Test("np.savez and np.savez_compressed archives: seed 004's data.npz with arr_0 and arr_1")
    func npzFiles() throws {
        struct Archive: Decodable { let arr_0: [Double]; let arr_1: [Double] }
        let expected = try (fixture("files.json") as [String: AnyDecodable]).keys
        #expect(expected.contains("data.npz"))
        let reference: [String: Archive] = try fixture("files.json", filteringTo: ["data.npz"])
        let stored = try NumPyFiles.readNPZ(at: filePath("data.npz"))
        #expect(Set(stored.keys) == ["arr_0", "arr_1"])
        #expect(try stored["arr_0"]!.matrix(file: "x").columns == 2)
        #expect(stored["arr_0"]!.values == reference["data.npz"]!.arr_0)
        #expect(stored["arr_1"]!.values == reference["data.npz"]!.arr_1)
        let compressed = try NumPyFiles.readNPZ(at: filePath("compressed.npz"))
        #expect(compressed["inputs"]!.values == reference["data.npz"]!.arr_0)
        #expect(compressed["labels"]!.values == reference["data.npz"]!.arr_1)
    }

    @Test("CSV with a quoted header names feature and label columns")
    func csv() throws {
        struct Table: Decodable { let inputs: [Double]; let labels: [Double] }
        let reference: [String: Table] = try fixture("files.json", filteringTo: ["table.csv"])
        let data = try CSVFiles.read(at: filePath("table.csv"), features: ["x1", "x2"], label: "label, quoted")
        #expect(data.inputs.elements == reference["table.csv"]!.inputs)
        #expect(data.targets.elements == reference["table.csv"]!.labels)
        let implicit = try CSVFiles.read(at: filePath("table.csv"), label: "label, quoted")
        #expect(implicit == data)
    }

    @Test("Malformed input names the file and says what is wrong", arguments: [
        ("x,y\n1,2\n", "label", "no column 'label'"),
        ("x,label\n1,2,3\n", "label", "line 2 has 3 fields, the header has 2"),
        ("x,label\n1,abc\n", "label", "line 2, column 'label': 'abc' is not a finite number"),
        ("x,label\n", "label", "no data rows"),
        ("", "label", "empty"),
        ("x,label\n\"1,2\n", "label", "never closed"),
    ])
    func csvErrors(text: String, label: String, fragment: String) {
        #expect {
            _ = try CSVFiles.parse(text, file: "bad.csv", label: label)
        } throws: { error in
            guard let error = error as? DataFileError else { return false }
            return error.file == "bad.csv" && error.problem.contains(fragment)
        }
    }

    @Test("NPY errors say what is wrong")
    func npyErrors() throws {
        let valid = try Data(contentsOf: URL(fileURLWithPath: filePath("f8_C.npy")))
        func problem(_ bytes: Data) -> String? {
            do { _ = try NumPyArray(npy: bytes, file: "a.npy"); return nil } catch { return error.problem }
        }
        #expect(problem(Data("hello".utf8))?.contains("not a NumPy .npy file") == true)
        #expect(problem(valid.prefix(valid.count - 3))?.contains("truncated") == true)
        #expect(problem(valid.prefix(40))?.contains("truncated") == true)
        func retyped(_ descriptor: String) -> Data {
            var bytes = valid
            if let range = bytes.range(of: Data("<f8".utf8)) { bytes.replaceSubrange(range, with: Data(descriptor.utf8)) }
            return bytes
        }
        #expect(problem(retyped("<c8"))?.contains("unsupported element type '<c8' (complex numbers)") == true)
        #expect(problem(retyped("|O8"))?.contains("unsupported element type '|O8' (Python objects)") == true)
        #expect(problem(retyped("<U1"))?.contains("unsupported element type '<U1' (text)") == true)
        #expect(problem(retyped("<M8"))?.contains("unsupported element type '<M8' (dates or times)") == true)
        #expect(problem(retyped("<f3"))?.contains("unsupported element type '<f3'; supported: floats") == true)
        #expect(throws: DataFileError.self) { try NumPyFiles.readNPY(at: "/nonexistent/file.npy") }
    }

    @Test("Fuzzing: 6000 truncated or corrupted NPY, NPZ and CSV files never crash the readers")
    func fuzz() throws {
        var random = RandomState(seed: 2026)
        let sources = ["f8_C.npy", "i4_F.npy", "vector_v3.npy", "data.npz", "compressed.npz", "table.csv"]
        var outcomes = (read: 0, rejected: 0)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(ProcessInfo.processInfo.processIdentifier).npz")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for name in sources {
            let valid = try Data(contentsOf: URL(fileURLWithPath: filePath(name)))
            for trial in 0..<1000 {
                var bytes = valid
                if trial % 2 == 0 {
                    bytes = bytes.prefix(random.nextInteger(low: 0, high: bytes.count))
                } else {
                    for _ in 0..<random.nextInteger(low: 1, high: 9) {
                        let index = random.nextInteger(low: 0, high: bytes.count)
                        bytes[index] = UInt8(random.nextInteger(low: 0, high: 256))
                    }
                }
                do {
                    if name.hasSuffix(".npy") {
                        _ = try NumPyArray(npy: bytes, file: name)
                    } else if name.hasSuffix(".npz") {
                        try bytes.write(to: scratch)
                        _ = try NumPyFiles.readNPZ(at: scratch.path)
                    } else {
                        _ = try CSVFiles.parse(String(decoding: bytes, as: UTF8.self), file: name, label: "label, quoted")
                    }
                    outcomes.read += 1
                } catch let error as DataFileError {
                    #expect(error.file.hasPrefix(name) || error.file.hasPrefix(scratch.path))
                    outcomes.rejected += 1
                }
            }
        }
        #expect(outcomes.read + outcomes.rejected == 6000)
        #expect(outcomes.rejected > 2000)
    }
}

/// Decodes any JSON value, for listing a fixture's keys.
struct AnyDecodable: Decodable {
    init(from decoder: Decoder) throws {}
}

/// Reads only the named entries of a JSON object fixture.
func fixture<Value: Decodable>(_ name: String, filteringTo keys: Set<String>) throws -> [String: Value] {
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: fixtureURL(name))) as? [String: Any] ?? [:]
    let filtered = object.filter { keys.contains($0.key) }
    return try JSONDecoder().decode([String: Value].self, from: JSONSerialization.data(withJSONObject: filtered))
}
