import Datasets
import Foundation

/// The SHA-256 of each data file, computed once per process: a run's key names its data files by
/// content, and the files are read for the keys, for the data, and for `results.json`.
///
/// A digest is reused while the file keeps its size, modification time and inode (as `git status`
/// decides a file is unchanged); anything else reads it again.
public final class FileDigests: @unchecked Sendable {
    /// The process's digests.
    public static let shared = FileDigests()

    private struct Identity: Equatable {
        let size: Int64
        let modified: timespec
        let inode: UInt64
        static func == (left: Identity, right: Identity) -> Bool {
            left.size == right.size && left.inode == right.inode
                && left.modified.tv_sec == right.modified.tv_sec && left.modified.tv_nsec == right.modified.tv_nsec
        }
    }

    private let lock = NSLock()
    private var known: [String: (Identity, DataFileDigest)] = [:]

    /// The digest of the file at `path`.
    public func digest(of path: String) throws(DataFileError) -> DataFileDigest {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw DataFileError(file: path, problem: "could not be read to digest it (\(String(cString: strerror(errno))))")
        }
        let identity = Identity(size: Int64(status.st_size), modified: status.st_mtim, inode: UInt64(status.st_ino))
        if let (seen, digest) = lock.withLock({ known[path] }), seen == identity { return digest }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe) } catch {
            throw DataFileError(file: path, problem: "could not be read to digest it (\(error.localizedDescription))")
        }
        let digest = DataFileDigest(path: path, sha256: SHA256.hex(of: data), bytes: data.count)
        lock.withLock { known[path] = (identity, digest) }
        return digest
    }
}
