import Foundation
import Testing

/// The package's declared structure against its files: each target's dependencies in
/// `Package.swift` are exactly the package modules its files import, and each module's folder says
/// what it holds in a README.
@Suite("Package structure")
struct PackageStructureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Each `.target`/`.testTarget`/`.executableTarget` of the manifest by name, with the names in
    /// its `dependencies` (a product's name for `.product(name:package:)`).
    static func declaredDependencies() throws -> [String: Set<String>] {
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        var targets: [String: Set<String>] = [:]
        let declaration = try Regex(#"\.(?:target|testTarget|executableTarget)\(\s*name:\s*"([A-Za-z]+)"(.*?)\)(?=,\s*(?:\.|//|\]))"#)
            .dotMatchesNewlines()
        for match in manifest.matches(of: declaration) {
            guard let name = match.output[1].substring.map(String.init), let rest = match.output[2].substring else { continue }
            var names: Set<String> = []
            if var list = rest.firstMatch(of: try Regex(#"dependencies:\s*\[(.*?)\]"#).dotMatchesNewlines())?.output[1].substring.map(String.init) {
                // `.product(name: "X", package: "y")` is the module X; what is left are targets by name.
                let product = try Regex(#"\.product\(name:\s*"([A-Za-z]+)",\s*package:\s*"[A-Za-z-]+"\)"#)
                for match in list.matches(of: product) {
                    if let word = match.output[1].substring { names.insert(String(word)) }
                }
                list = list.replacing(product, with: "")
                for quoted in list.matches(of: try Regex(#""([A-Za-z]+)""#)) {
                    if let word = quoted.output[1].substring { names.insert(String(word)) }
                }
            }
            targets[name] = names
        }
        return targets
    }

    /// The folder of target `name`.
    static func folder(of name: String) -> URL {
        let sources = root.appendingPathComponent("Sources/\(name)")
        return FileManager.default.fileExists(atPath: sources.path) ? sources : root.appendingPathComponent("Tests/\(name)")
    }

    /// The package modules (or products) imported by the Swift files under `folder`.
    static func imports(in folder: URL, among modules: Set<String>) throws -> Set<String> {
        var found: Set<String> = []
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        let line = try Regex(#"(?m)^(?:@testable |@_exported )?import (\w+)"#)
        for file in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: line) {
                if let module = match.output[1].substring.map(String.init), modules.contains(module) { found.insert(module) }
            }
        }
        return found
    }

    @Test("Every target depends on exactly the package modules its files import")
    func dependenciesAreImports() throws {
        let declared = try Self.declaredDependencies()
        #expect(declared.count >= 15, "the manifest's targets were not all found: \(declared.keys.sorted())")
        let systemLibraries: Set<String> = ["COpenBLAS", "CCairo", "CZlibSystem"]
        let modules = Set(declared.keys).union(systemLibraries).union(["ArgumentParser", "ZIPFoundation"])
        for (target, dependencies) in declared.sorted(by: { $0.key < $1.key }) {
            let imported = try Self.imports(in: Self.folder(of: target), among: modules)
            // A test target that runs an executable depends on it without importing it.
            let executables = dependencies.filter { ["report", "bench"].contains($0) }
            #expect(dependencies.subtracting(executables) == imported,
                    "\(target): declares \(dependencies.sorted()), imports \(imported.sorted())")
        }
    }

    @Test("Every library and executable module's folder has a README saying what it holds and may import")
    func modulesHaveReadmes() throws {
        for module in ["Wording", "Configuration", "NeuralNet", "Datasets", "Plotting", "Experiments", "Reporting", "report", "bench"] {
            let readme = Self.root.appendingPathComponent("Sources/\(module)/README.md")
            let text = try String(contentsOf: readme, encoding: .utf8)
            #expect(text.hasPrefix("# \(module)\n"), "\(module)/README.md")
            #expect(text.contains("import"), "\(module)/README.md says nothing of what it may import")
        }
    }
}
