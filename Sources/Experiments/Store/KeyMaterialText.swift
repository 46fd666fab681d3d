import Foundation

/// A key's material as people read it: one `path = value` line per leaf, and the lines in which
/// two keys' materials differ (what `report --explain` prints for a run the store lacks).
public enum KeyMaterialText {
    /// The material's leaves, in its (sorted) order: `run.optimizer.learning_rate = 0.1`.
    public static func lines(of material: Data) -> [String] {
        leaves(of: [UInt8](material)).map { "\($0.path) = \($0.value)" }
    }

    /// A key's material read into its leaves, path → value, to be compared with others.
    public struct Leaves: Sendable {
        /// The key.
        public let digest: String
        let values: [String: String]

        /// The leaves of `material`, the material of the key `digest`.
        public init(digest: String, material: Data) {
            self.digest = digest
            values = Dictionary(KeyMaterialText.leaves(of: [UInt8](material)).map { ($0.path, $0.value) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// The stored material that differs from `material` in the fewest leaves, with each difference
    /// ("run.loop.epochs: 20 here, 10 in the store"); nil when `others` is empty. Read the stored
    /// materials once (`Leaves`) to compare several keys with them.
    public static func closest(to material: Data, among others: [Leaves]) -> (digest: String, differences: [String])? {
        let mine = Leaves(digest: "", material: material).values
        var best: (digest: String, differences: [String])?
        for other in others {
            let theirs = other.values
            let paths = Set(mine.keys).union(theirs.keys).sorted()
            let differences = paths.compactMap { path -> String? in
                let (here, there) = (mine[path], theirs[path])
                guard here != there else { return nil }
                return "\(path): \(here ?? "absent") here, \(there ?? "absent") in the store"
            }
            if best == nil || differences.count < best!.differences.count { best = (other.digest, differences) }
        }
        return best
    }

    private static func leaves(of material: [UInt8]) -> [(path: String, value: String)] {
        // Material the store holds that is not JSON (a damaged key file) is shown as such, not hidden.
        guard let (value, _) = try? JSONParser.parse(material) else { return [("material", "unreadable")] }
        var leaves: [(String, String)] = []
        func visit(_ value: JSONValue, _ path: String) {
            switch value {
            case .object(let object):
                if object.isEmpty { leaves.append((path, "{}")) }
                for member in object.members { visit(member.value, path.isEmpty ? member.key : "\(path).\(member.key)") }
            case .array(let values):
                if values.isEmpty { leaves.append((path, "[]")) }
                for (index, element) in values.enumerated() { visit(element, "\(path)[\(index)]") }
            default:
                leaves.append((path, value.prettyText.trimmingCharacters(in: .newlines)))
            }
        }
        visit(value, "")
        return leaves
    }
}
