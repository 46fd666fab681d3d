import Configuration
import Foundation
import Datasets
import Wording

/// Turns `variants` (named overrides) and `sweep` (a grid of values) into the documents of single runs.
///
/// Every run is the file with a variant's overrides applied, then one point of the sweep grid.
/// Variants are taken in name order (JSON objects carry no order), the grid with the first path
/// varying slowest. Without variants there is one unnamed base; without a sweep, one point.
struct RunExpansion {
    /// A variant: its name and the (path, value) pairs it sets.
    struct Variant {
        let name: String?
        let overrides: [(path: String, components: [JSONValue.PathComponent], value: JSONValue)]
        let reader: SpecReader?
    }

    let variants: [Variant]
    let sweepPaths: [String]
    let sweepComponents: [[JSONValue.PathComponent]]
    let sweepValues: [[Double]]
    let sweepReader: SpecReader?

    init(variants: SpecReader?, sweep: SpecReader?) throws(SpecError) {
        if let variants {
            guard case .object(let members) = variants.value, !members.isEmpty else { throw variants.expected("an object of named overrides") }
            var list: [Variant] = []
            for name in members.keys {
                let reader = try variants.required(name)
                guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw reader.error("a variant needs a name") }
                guard case .object(let settings) = reader.value else { throw reader.expected("an object of \"path\": value overrides") }
                var overrides: [(String, [JSONValue.PathComponent], JSONValue)] = []
                for path in settings.keys {
                    overrides.append((path, try RunExpansion.components(path, at: try reader.required(path)), settings[path]!))
                }
                list.append(Variant(name: name, overrides: overrides, reader: reader))
            }
            self.variants = list
        } else {
            self.variants = [Variant(name: nil, overrides: [], reader: nil)]
        }
        var paths: [String] = []
        var components: [[JSONValue.PathComponent]] = []
        var values: [[Double]] = []
        if let sweep {
            guard case .object(let members) = sweep.value, !members.isEmpty else { throw sweep.expected("an object of \"path\": values") }
            for path in members.keys {
                let reader = try sweep.required(path)
                paths.append(path)
                components.append(try RunExpansion.components(path, at: reader))
                values.append(try RunExpansion.values(reader))
            }
        }
        sweepPaths = paths
        sweepComponents = components
        sweepValues = values
        sweepReader = sweep
    }

    /// The setup of the file as written, and every run: its name, variant, swept values and setup,
    /// parsed by `parse` from the overridden document.
    func runs(of root: SpecReader, parse: (SpecReader) throws(SpecError) -> RunSetup) throws(SpecError)
        -> (asWritten: RunSetup, runs: [RunPlan])
    {
        // The file as written must be a valid run by itself, so its own mistakes get their plain paths.
        let base = try parse(root)
        var plans: [RunPlan] = []
        for variant in variants {
            var document = root.value
            for override in variant.overrides {
                document = try RunExpansion.apply(override.value, at: override.components, to: document, reader: try variant.reader!.required(override.path))
            }
            for point in grid() {
                var pointDocument = document
                for (index, value) in point.enumerated() {
                    pointDocument = try RunExpansion.apply(.number(value), at: sweepComponents[index], to: pointDocument,
                                                           reader: try sweepReader!.required(sweepPaths[index]))
                }
                let setup: RunSetup
                if variant.name == nil && point.isEmpty {
                    setup = base
                } else {
                    do {
                        setup = try parse(SpecReader(pointDocument, file: root.file))
                    } catch {
                        let origin = variant.reader ?? sweepReader!
                        throw origin.error("makes an invalid run: \(error.path): \(error.message)")
                    }
                }
                let swept = zip(sweepPaths, point).map { "\(RunExpansion.shortName($0))=\($1.shortText)" }
                let name = ([variant.name].compactMap { $0 } + swept).joined(separator: ", ")
                plans.append(RunPlan(name: name.isEmpty ? "run" : name, variant: variant.name, sweepValues: point, setup: setup))
            }
        }
        return (base, plans)
    }

    /// Every combination of swept values, the first path varying slowest.
    private func grid() -> [[Double]] {
        sweepValues.reduce([[]]) { points, values in points.flatMap { point in values.map { point + [$0] } } }
    }

    /// "optimizer.lr" → "lr".
    static func shortName(_ path: String) -> String {
        // A layer's width is what a sweep of `model[i].linear` varies: "width" for the first
        // layer's, "width_i" for another's, so two swept layers keep their names apart.
        if path.hasPrefix("model["), path.hasSuffix("].linear"),
           let index = Int(path.dropFirst("model[".count).dropLast("].linear".count)) {
            return index == 0 ? "width" : "width_\(index)"
        }
        return String(path.split(separator: ".").last ?? Substring(path))
    }

    private static func components(_ path: String, at reader: SpecReader) throws(SpecError) -> [JSONValue.PathComponent] {
        guard let components = JSONValue.components(of: path) else {
            throw reader.error("\"\(path)\" is not a path; write keys joined by dots, e.g. \"training.epochs\" or \"model[2].linear\"")
        }
        if case .key(let first) = components[0], Experiment.fixedKeys.contains(first) {
            throw reader.error("\"\(first)\" describes the experiment and cannot vary between runs")
        }
        return components
    }

    private static func apply(_ value: JSONValue, at components: [JSONValue.PathComponent], to document: JSONValue,
                              reader: SpecReader) throws(SpecError) -> JSONValue {
        switch document.setting(components[...], to: value) {
        case .success(let updated): return updated
        case .failure(let problem): throw reader.error("cannot be set: \(problem.message)")
        }
    }

    /// `[v1, v2, ...]`, `{"linspace": [start, stop, count]}` or `{"logspace": [startExponent, stopExponent, count]}`.
    private static func values(_ reader: SpecReader) throws(SpecError) -> [Double] {
        if case .array = reader.value { return try reader.numbers() }
        let (name, argument) = try reader.tagged(["linspace", "logspace"])
        guard let argument else { throw reader.expected("{\"\(name)\": [start, stop, count]}") }
        let numbers = try argument.numbers(minimumCount: 3)
        guard numbers.count == 3, numbers[2] >= 1, numbers[2] == numbers[2].rounded(), numbers[2] <= 10_000 else {
            throw argument.expected("[start, stop, count] with a whole count from 1 to 10000")
        }
        let points = linspace(numbers[0], numbers[1], count: Int(numbers[2]))
        return name == "linspace" ? points : points.map { Foundation.pow(10, $0) }
    }
}
