import Foundation
import Testing
import TestSupport
@testable import Datasets

/// The `.npz` files the report writes its large parameter sets to.
@Suite("NumPy archive writer")
struct NumPyArchiveWriterTests {
    static func archive() throws -> Data {
        var writer = NumPyArchiveWriter()
        writer.arrays = [
            .init(name: "run_0_final_layer_1_weight", shape: [2, 3], values: [1, -2.5, .pi, 0, -0.0, 1e-300]),
            .init(name: "run_0_final_layer_1_bias", shape: [1, 3], values: [0.1, 0.2, 0.3]),
            .init(name: "vector", shape: [4], values: [1, 2, 3, 4]),
        ]
        return try writer.archive()
    }

    @Test("The archive reads back through the NPZ reader with every bit, shape and name")
    func roundTrip() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("npz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("parameters.npz").path
        try Self.archive().write(to: URL(fileURLWithPath: path))
        let arrays = try NumPyFiles.readNPZ(at: path)
        #expect(Set(arrays.keys) == ["run_0_final_layer_1_weight", "run_0_final_layer_1_bias", "vector"])
        let weight = try #require(arrays["run_0_final_layer_1_weight"])
        #expect(weight.shape == [2, 3])
        #expect(weight.values.map(\.bitPattern) == ([1, -2.5, .pi, 0, -0.0, 1e-300] as [Double]).map(\.bitPattern))
        #expect(arrays["vector"]?.shape == [4] && arrays["vector"]?.values == [1, 2, 3, 4])
    }

    @Test("Each entry's data starts on a multiple of 64 bytes, as NumPy aligns it, and the bytes repeat")
    func layout() throws {
        let npy = NumPyArchiveWriter.npy(.init(name: "a", shape: [2, 3], values: Array(repeating: 0, count: 6)))
        let headerLength = Int(npy[8]) | Int(npy[9]) << 8
        #expect((10 + headerLength) % 64 == 0)
        let header = String(decoding: npy[10..<(10 + headerLength)], as: UTF8.self)
        #expect(header.hasPrefix("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }") && header.hasSuffix("\n"))
        #expect(npy.count == 10 + headerLength + 48)
        #expect(try Self.archive() == Self.archive())
    }

    @Test("A shape that does not hold its values is an error, not a corrupt file")
    func badShape() {
        var writer = NumPyArchiveWriter()
        writer.arrays = [.init(name: "x", shape: [2, 2], values: [1, 2, 3])]
        #expect(throws: NumPyArchiveWriter.WriteError.self) { try writer.archive() }
    }
}
