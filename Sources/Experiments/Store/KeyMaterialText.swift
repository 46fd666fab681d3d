import Foundation

/// A key's material as people read it: one `path = value` line per leaf, and the lines in which
/// two keys' materials differ (what `report --explain` prints for a run the store lacks).
public enum KeyMaterialText {
    /// The material's leaves, in its (sorted) order: `run.optimizer.learning_rate = 0.1`.
    public static func lines(of material: [UInt8]) -> [String] {
        leaves(of: material).map { "\($0.path) = \($0.value)" }
    }

    /// The stored material that differs from `material` in the fewest leaves, with each difference
    /// ("run.loop.epochs: 20 here, 10 in the store"); nil when `others` is empty.
    public static func closest(to material: [UInt8], among others: [(digest: String, material: [UInt8])]) -> (digest: String, differences: [String])? {
        let mine = Dictionary(leaves(of: material).map { ($0.path, $0.value) }, uniquingKeysWith: { first, _ in first })
        var best: (digest: String, differences: [String])?
        for other in others {
            let theirs = Dictionary(leaves(of: other.material).map { ($0.path, $0.value) }, uniquingKeysWith: { first, _ in first })
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
