import Foundation

/// Compares two report folders file by file, ignoring the run metadata (`run.json` and the index's
/// footer): what `report --check` uses to tell whether a committed report is stale.
public enum ReportComparison {
    /// The relative paths that differ, are missing from `actual` or extra in it.
    public static func differences(expected: URL, actual: URL) -> [String] {
        let left = files(under: expected)
        let right = files(under: actual)
        var problems: [String] = []
        for path in left.keys.sorted() {
            guard let other = right[path] else { problems.append("missing: \(path)"); continue }
            if comparable(path, left[path]!) != comparable(path, other) { problems.append("differs: \(path)") }
        }
        for path in right.keys.sorted() where left[path] == nil { problems.append("extra: \(path)") }
        return problems
    }

    private static func comparable(_ path: String, _ url: URL) -> Data? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        guard path == "README.md" else { return data }
        let text = String(decoding: data, as: UTF8.self)
        guard let marker = text.range(of: IndexPage.footerMarker) else { return data }
        return Data(text[..<marker.lowerBound].utf8)
    }

    private static func files(under root: URL) -> [String: URL] {
        var result: [String: URL] = [:]
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        let prefix = root.standardizedFileURL.path + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(prefix.count))
            if path != "run.json" { result[path] = url }
        }
        return result
    }
}
