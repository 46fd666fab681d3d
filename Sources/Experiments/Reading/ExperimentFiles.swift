import Foundation

/// Finds experiment files: the paths given, folders expanded to their `.json` files (not `schema.json`).
public enum ExperimentFiles {
    /// The files under `paths` in a stable order; a path that does not exist, or a folder that
    /// cannot be listed, is an error.
    public static func find(_ paths: [String]) throws(SpecError) -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw SpecError(file: path, path: "", message: "no such file or folder")
            }
            if isDirectory.boolValue {
                let entries: [String]
                do { entries = try manager.contentsOfDirectory(atPath: path) } catch {
                    throw SpecError(file: path, path: "", message: "is a folder that cannot be listed (\(error.localizedDescription)); check its permissions")
                }
                let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
                files += entries.filter { $0.hasSuffix(".json") && $0 != "schema.json" && !$0.hasPrefix(".") }.sorted().map { "\(folder)/\($0)" }
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// How the report names the file at `path`: its folder's name and its own, links resolved
    /// (`experiments/moons-mlp.json` whether the tool was given `experiments/` or `../main/experiments`).
    public static func displayPath(of path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let url = URL(fileURLWithPath: absolute).standardizedFileURL
        var folder = url.deletingLastPathComponent().path
        if let resolved = realpath(folder, nil) {
            folder = String(cString: resolved)
            free(resolved)
        }
        let folderName = (folder as NSString).lastPathComponent
        return folderName.isEmpty || folderName == "/" ? url.lastPathComponent : "\(folderName)/\(url.lastPathComponent)"
    }
}
