import Foundation

/// Compares a report folder with a freshly written one, file by file, ignoring the run metadata
/// (`run.json`, and the pages below their run-metadata marker): what `report --check` uses to tell whether a committed
/// report is stale. Files in the report folder that the tool did not write (not in its manifest)
/// are the user's, and not compared.
public enum ReportComparison {
    /// The problems of `report` against `fresh`, by relative path: "missing: x" (a fresh run
    /// writes it, the report lacks it), "extra: x" (the report has it, a fresh run does not write
    /// it) and "differs: x".
    public static func differences(report: URL, fresh: URL) -> [String] {
        let existing = files(of: report)
        let expected = files(of: fresh)
        var problems: [String] = []
        for path in expected.sorted() {
            if !existing.contains(path) {
                problems.append("missing: \(path)")
            } else if comparable(path, in: report) != comparable(path, in: fresh) {
                problems.append("differs: \(path)")
            }
        }
        for path in existing.sorted() where !expected.contains(path) { problems.append("extra: \(path)") }
        return problems
    }

    private static func comparable(_ path: String, in root: URL) -> Data? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { return nil }
        if path.hasSuffix("/results.json") { return withoutEpochTimes(data) }
        // The index's footer and an experiment page's epoch times follow the run-metadata marker.
        guard path == "README.md" || path.hasSuffix("/README.md") else { return data }
        let text = String(decoding: data, as: UTF8.self)
        guard let marker = text.range(of: IndexPage.footerMarker) else { return data }
        return Data(text[..<marker.lowerBound].utf8)
    }

    /// A results file with its `epoch_seconds` arrays emptied: wall times, which change from run to run.
    static func withoutEpochTimes(_ data: Data) -> Data {
        let text = String(decoding: data, as: UTF8.self)
        let key = "\"epoch_seconds\":["
        var result = ""
        var rest = text[...]
        while let start = rest.range(of: key), let end = rest[start.upperBound...].firstIndex(of: "]") {
            result += rest[..<start.upperBound]
            rest = rest[end...]
        }
        return Data((result + rest).utf8)
    }

    /// The tool's files in `root` (those of its manifest that are there, and the manifest), run metadata aside.
    private static func files(of root: URL) -> Set<String> {
        let listed: [String]
        if let manifest = ReportManifest.read(in: root) {
            listed = (manifest.files + [ReportManifest.fileName]).filter { FileOperations.exists(root.appendingPathComponent($0)) }
        } else {
            listed = FileOperations.files(under: root, skipping: OutputFolder.isWorkingFile)
        }
        return Set(listed.filter { $0 != "run.json" })
    }
}
