import Foundation

/// The report folder's marker: which files in it the tool wrote, and which experiment file each
/// experiment folder came from. The tool replaces or deletes a file only if the manifest lists it;
/// anything else in the folder (a `notes.md` of the user's) is left alone.
public struct ReportManifest: Codable, Equatable, Sendable {
    /// The manifest's file name, at the top of the report folder.
    public static let fileName = ".report-manifest.json"
    /// What every manifest says it is, so that a stray file of the same name is not taken for one.
    static let marker = "report: files written by the report tool; it replaces or deletes only these"

    /// `marker`.
    public var about = ReportManifest.marker
    /// The format of this file.
    public var format = 1
    /// The files the tool wrote, relative to the report folder, sorted (the manifest itself aside).
    public var files: [String]
    /// Each experiment's file (as the pages show it) → the experiment's folder name.
    public var sources: [String: String]

    /// A manifest of `files` and `sources`.
    public init(files: [String], sources: [String: String]) {
        self.files = files.sorted()
        self.sources = sources
    }

    /// The experiments whose folders the manifest lists.
    public var experiments: Set<String> {
        Set(files.compactMap { file in file.firstIndex(of: "/").map { String(file[..<$0]) } })
    }

    /// The files of the experiment `name`'s folder.
    func files(of name: String) -> [String] { files.filter { $0.hasPrefix(name + "/") } }

    /// The bytes written: sorted keys, one file a line, so that the same report gives the same bytes.
    func encoded() throws(ReportError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do { return try encoder.encode(self) + Data("\n".utf8) } catch { throw ReportError("cannot encode the manifest: \(error)") }
    }

    /// The manifest in `folder`, if it has one that is the tool's.
    static func read(in folder: URL) -> ReportManifest? {
        // A manifest that cannot be read is not the tool's: the folder is then judged as a folder
        // without one (`OutputFolder` refuses to write into anyone else's files).
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path),
              let manifest = try? JSONDecoder().decode(ReportManifest.self, from: data), manifest.about == marker else { return nil }
        return manifest
    }

    /// For a report written before reports carried a manifest: recognised by its `run.json` (the
    /// tool's name) and its index's metadata marker; the files of the report's own layout are
    /// taken as the tool's (index, run.json, and in each experiment folder with a `results.json`,
    /// its page, results and figures), everything else as not.
    static func legacy(in folder: URL) -> ReportManifest? {
        struct Metadata: Decodable { var tool: String }
        // Anything that does not read as an old report is not taken for one.
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("run.json").path),
              let metadata = try? JSONDecoder().decode(Metadata.self, from: data), metadata.tool.hasPrefix("report "),
              let index = try? String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8),
              index.contains(IndexPage.footerMarker) else { return nil }
        let figureExtensions: Set<String> = ["png", "pdf", "svg"]
        let files = FileOperations.files(under: folder).filter { path in
            let parts = path.split(separator: "/").map(String.init)
            switch parts.count {
            case 1: return path == "README.md" || path == "run.json"
            case 2: return ["README.md", "results.json"].contains(parts[1])
                && FileOperations.exists(folder.appendingPathComponent(parts[0]).appendingPathComponent("results.json"))
            case 3: return parts[1] == "figures" && figureExtensions.contains((parts[2] as NSString).pathExtension)
                && FileOperations.exists(folder.appendingPathComponent(parts[0]).appendingPathComponent("results.json"))
            default: return false
            }
        }
        return ReportManifest(files: files, sources: [:])
    }
}
