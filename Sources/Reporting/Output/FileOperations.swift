import Datasets
import Foundation

/// The file-system steps of writing a report, each failing with a `ReportError` in words
/// ("cannot create reports/: permission denied") instead of a Foundation error dump.
enum FileOperations {
    /// Creates `url` and any missing parents; returns the folders it created, outermost first.
    @discardableResult
    static func createFolder(_ url: URL, shownAs name: String? = nil) throws(ReportError) -> [URL] {
        var missing: [URL] = []
        var folder = url.standardizedFileURL
        while !exists(folder) && folder.path != "/" {
            missing.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        for folder in missing.reversed() where mkdir(folder.path, 0o755) != 0 {
            let code = errno
            if code == EEXIST { continue }
            throw failure("create the folder", folder, code: code, shownAs: folder == url.standardizedFileURL ? name : nil)
        }
        if !isFolder(url) { throw ReportError("cannot create the folder \(name ?? url.path): a file of that name is in the way") }
        return missing.reversed()
    }

    /// Writes `data` to `url` whole: into a temporary file beside it, then renamed over it, so a
    /// reader never sees half a file.
    static func write(_ data: Data, to url: URL) throws(ReportError) {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())")
        do { try data.write(to: temporary) } catch {
            throw ReportError("cannot write \(url.path): \(reason(error))")
        }
        try move(temporary, to: url)
    }

    /// Renames `source` to `destination`, replacing a file there (atomic on one file system).
    static func move(_ source: URL, to destination: URL) throws(ReportError) {
        guard rename(source.path, destination.path) == 0 else {
            let code = errno
            throw failure("move \(source.path) to", destination, code: code)
        }
    }

    /// Deletes the file at `url`; a file already gone is not an error.
    static func removeFile(_ url: URL) throws(ReportError) {
        guard unlink(url.path) != 0 else { return }
        let code = errno
        if code != ENOENT { throw failure("delete", url, code: code) }
    }

    /// Deletes the folder at `url` and everything in it, if it exists.
    static func removeTree(_ url: URL) throws(ReportError) {
        guard exists(url) else { return }
        do { try FileManager.default.removeItem(at: url) } catch {
            throw ReportError("cannot delete \(url.path): \(reason(error))")
        }
    }

    /// Deletes `folder` and then each parent up to (not including) `root`, for as long as they are empty.
    static func removeEmptyFolders(from folder: URL, upTo root: URL) {
        var current = folder.standardizedFileURL
        let top = root.standardizedFileURL.path
        while current.path.hasPrefix(top + "/"), rmdir(current.path) == 0 {
            current = current.deletingLastPathComponent()
        }
    }

    /// The SHA-256 of the file at `url`, in hex.
    static func digest(of url: URL) throws(ReportError) -> String {
        do { return SHA256.hex(of: try Data(contentsOf: url)) } catch {
            throw ReportError("cannot read \(url.path): \(error.localizedDescription)")
        }
    }

    /// Whether anything (file, folder or link) is at `url`.
    static func exists(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0
    }

    /// Whether `url` is a folder (following a link).
    static func isFolder(_ url: URL) -> Bool {
        var status = stat()
        return stat(url.path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Every regular file under `root`, as paths relative to it, sorted; `skipping` decides, by
    /// relative path, which entries (and, for folders, their contents) are left out.
    static func files(under root: URL, skipping: (String) -> Bool = { _ in false }) -> [String] {
        var result: [String] = []
        func walk(_ folder: URL, prefix: String) {
            // A folder that cannot be listed has no files to list (the comparisons then see them missing).
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
            for name in entries {
                let relative = prefix + name
                guard !skipping(relative) else { continue }
                let url = folder.appendingPathComponent(name)
                var status = stat()
                guard lstat(url.path, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR: walk(url, prefix: relative + "/")
                default: result.append(relative)
                }
            }
        }
        walk(root, prefix: "")
        return result.sorted()
    }

    /// "cannot <action> <path>: <why>", from the errno `code` the failed call left.
    static func failure(_ action: String, _ url: URL, code: Int32, shownAs name: String? = nil) -> ReportError {
        ReportError("cannot \(action) \(name ?? url.path): \(String(cString: strerror(code)).lowercased())")
    }

    /// Why a Foundation file operation failed, in words: the POSIX reason when there is one.
    static func reason(_ error: Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))).lowercased() }
        switch error.code {
        case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return "permission denied"
        case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file or folder"
        case NSFileWriteOutOfSpaceError: return "no space left on the device"
        case NSFileWriteVolumeReadOnlyError: return "the file system is read-only"
        case NSFileWriteFileExistsError: return "a file of that name already exists"
        default: return error.localizedDescription
        }
    }
}
