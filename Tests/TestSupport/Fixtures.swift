import Foundation
import NeuralNet

/// Reads a JSON fixture from the `Fixtures` folder beside the calling test file's target, where the
/// target's `Fixtures/generate.py` wrote it.
public func fixture<Value: Decodable>(_ name: String, as type: Value.Type = Value.self,
                                      filePath: String = #filePath) throws -> Value {
    try JSONDecoder().decode(Value.self, from: Data(contentsOf: fixtureURL(name, filePath: filePath)))
}

/// The URL of a file in the `Fixtures` folder of the calling test file's target.
public func fixtureURL(_ name: String, filePath: String = #filePath) -> URL {
    var folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    // Test files may sit in subfolders of their target; the fixtures are at the target's top.
    while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Fixtures").path), folder.path != "/" {
        folder.deleteLastPathComponent()
    }
    return folder.appendingPathComponent("Fixtures").appendingPathComponent(name)
}

/// The largest violation of `|a − b| ≤ relative·max(|a|, |b|) + floor` over all elements, as a
/// multiple of the allowance (≤ 1 means close). The floor, 1e-15 of the largest expected magnitude,
/// admits rounding-level differences in elements that cancel to nearly zero. An element that is
/// NaN or infinite where the expected one is not (or the other way round) is infinitely far:
/// NaN never passes.
public func closeness(_ actual: Matrix, _ expected: Matrix, relative: Double = 1e-9) -> Double {
    guard actual.rows == expected.rows, actual.columns == expected.columns else { return .infinity }
    let floor = 1e-15 * max(1, expected.elements.filter(\.isFinite).map(abs).max() ?? 0)
    var errors: [Double] = []
    for (a, b) in zip(actual.elements, expected.elements) {
        if a == b { continue }
        guard a.isFinite, b.isFinite else { return .infinity }
        errors.append(abs(a - b) / (relative * max(abs(a), abs(b)) + floor))
    }
    return largestError(errors)
}

/// Whether two numbers agree to `relative` (or to 1e-15 in absolute terms near zero); NaN agrees
/// with nothing, an infinity only with itself.
public func isClose(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
    if a == b { return true }
    guard a.isFinite, b.isFinite else { return false }
    return abs(a - b) <= relative * max(abs(a), abs(b)) + 1e-15
}

/// The largest of `errors`, NaN when any of them is: `Swift.max` and `Array.max()` skip a NaN
/// (it compares false with everything), so an error computed as NaN would pass a bound unseen.
/// With this, `largestError(...) <= bound` fails for NaN. An empty list's largest error is 0.
public func largestError<Errors: Sequence>(_ errors: Errors) -> Double where Errors.Element == Double {
    var largest = 0.0
    for error in errors {
        if error.isNaN { return .nan }
        largest = max(largest, error)
    }
    return largest
}
