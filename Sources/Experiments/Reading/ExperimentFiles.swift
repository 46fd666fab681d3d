import Foundation

/// Finds experiment files: the paths given, folders expanded to their `.json` files (not `schema.json`).
public enum ExperimentFiles {
    /// The files under `paths` in a stable order; a path that does not exist is an error.
    public static func find(_ paths: [String]) throws(SpecError) -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw SpecError(file: path, path: "", message: "no such file or folder")
            }
            if isDirectory.boolValue {
                let entries = (try? manager.contentsOfDirectory(atPath: path)) ?? []
                let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
                files += entries.filter { $0.hasSuffix(".json") && $0 != "schema.json" && !$0.hasPrefix(".") }.sorted().map { "\(folder)/\($0)" }
            } else {
                files.append(path)
            }
        }
        return files
    }
}
